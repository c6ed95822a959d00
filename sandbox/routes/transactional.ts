import { badRequest, notFound } from '../errors';
import {
	DELIVERY_INFO_FIELDS,
	pick,
	SMS_FIELDS,
	TRANSACTIONAL_CLICK_FIELDS,
	TRANSACTIONAL_EMAIL_FIELDS,
	TRANSACTIONAL_OPEN_FIELDS,
} from '../model';
import type {
	TransactionalClick,
	TransactionalEmail,
	TransactionalOpen,
	TransactionalSms,
} from '../model';
import { allOf, partialMatch, sourceById } from '../paging';
import { inRange } from '../dates';
import type { RouteDef } from '../router';
import { BodyReader } from '../validate';
import { normalisePhone } from './contactInput';

/** Transactional e-mails (with opens, clicks, bounce info) and transactional SMS. */

const BASE64_RE = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

function splitTags(value: string | null | undefined): string[] {
	return (value ?? '')
		.split(/[,;]/)
		.map((t) => t.trim().toLowerCase())
		.filter(Boolean);
}

/** Undocumented in the request table but present on every record: tags as text or a list. */
function readTags(reader: BodyReader): string | null {
	const raw = reader.raw('tags');
	if (raw === undefined || raw === null) return null;
	if (typeof raw === 'string') return raw.trim() || null;
	if (Array.isArray(raw) && raw.every((t) => typeof t === 'string')) return raw.join(',') || null;
	throw badRequest(`The ${reader.field('tags')} field must be a string or an array of strings.`);
}

function readAttachments(reader: BodyReader): number {
	const list = reader.array('attachments') ?? [];
	let bytes = 0;
	list.forEach((item, i) => {
		const attachment = BodyReader.nested(item, reader.field(`attachments[${i}]`));
		attachment.requiredString('contentType', 255);
		attachment.requiredString('name', 255);
		const content = attachment
			.requiredString('content', Number.MAX_SAFE_INTEGER)
			.replace(/\s+/g, '');
		if (!BASE64_RE.test(content)) {
			throw badRequest(`The ${attachment.field('content')} field must be base64-encoded.`);
		}
		bytes += Math.floor((content.length * 3) / 4);
	});
	return bytes;
}

/** Price of one SMS: 0.80 per part (160 GSM characters, 70 with diacritics; concatenated parts are shorter). */
function smsPrice(text: string): number {
	const unicode = /[^\x20-\x7e\n\r]/.test(text);
	const single = unicode ? 70 : 160;
	const multi = unicode ? 67 : 153;
	const parts = text.length <= single ? 1 : Math.ceil(text.length / multi);
	return Math.round(parts * 0.8 * 100) / 100;
}

export const transactionalRoutes: RouteDef[] = [
	{
		method: 'GET',
		path: '/transactionalEmails',
		handler: (ctx) => {
			const { store, query } = ctx;
			const createdFrom = query.date('createdFrom');
			const createdTo = query.date('createdTo');
			const toAddress = query.string('toAddress');
			const toMatches = toAddress === undefined ? undefined : partialMatch(toAddress);
			const state = query.int('state', { min: 1, max: 4 });
			const isOpened = query.bool('isOpened');
			const isClicked = query.bool('isClicked');
			const guid = query.guid('guid');
			const tags = query.string('tags');
			const wanted = splitTags(tags);
			const filter = allOf<TransactionalEmail>(
				(createdFrom !== undefined || createdTo !== undefined) &&
					((e) => inRange(e.created, createdFrom, createdTo)),
				toMatches && ((e) => toMatches(e.toAddress)),
				state !== undefined && ((e) => e.state === state),
				isOpened !== undefined && ((e) => (e.isOpened === 1) === isOpened),
				isClicked !== undefined && ((e) => (e.isClicked === 1) === isClicked),
				guid !== undefined && ((e) => e.guid.toLowerCase() === guid),
				wanted.length > 0 &&
					((e) => {
						const have = splitTags(e.tags);
						return wanted.every((t) => have.includes(t));
					}),
			);
			const source = sourceById(store.transactionalEmails, query.int('emailId'));
			return { body: ctx.page(source, filter, (e) => pick(e, TRANSACTIONAL_EMAIL_FIELDS)) };
		},
	},
	{
		method: 'POST',
		path: '/transactionalEmails',
		handler: ({ store, body }) => {
			const email = BodyReader.root(body).requiredObject('email');
			const fromAddress = email.requiredEmail('fromAddress');
			const fromDisplayName = email.string('fromDisplayName', 255) ?? null;
			const campaignId = email.int('campaignId', { min: 1 }) ?? null;
			const campaign = campaignId === null ? undefined : store.campaigns.get(campaignId);
			if (campaignId !== null && !campaign) {
				throw badRequest(
					`The email.campaignId field refers to campaign ${campaignId}, which does not exist.`,
				);
			}
			const template = campaign?.templateId ? store.templates.get(campaign.templateId) : undefined;
			const subject = campaign
				? email.string('subject', 998) || template?.subject || campaign.name
				: email.requiredString('subject', 998);
			const bodyHtml = email.string('bodyHtml', Number.MAX_SAFE_INTEGER) ?? null;
			const bodyText = email.string('bodyText', Number.MAX_SAFE_INTEGER) ?? null;
			email.object('variables');
			const trackOpens = email.bool('trackOpens') ?? true;
			const trackClicks = email.bool('trackClicks') ?? true;
			const attachmentBytes = readAttachments(email);
			const attachmentCount = email.array('attachments')?.length ?? 0;
			const tags = readTags(email);
			// Not in the reference: a plain address, as the Swiftmailer transport sends it.
			const replyTo = email.email('replyTo') ?? null;
			const recipients = email.requiredArray('to').map((item, i) => {
				const to = BodyReader.nested(item, `email.to[${i}]`);
				to.object('variables');
				return to.requiredEmail('address');
			});
			const bodyFormat = campaign ? (template?.isHtml ?? true) : !!bodyHtml;
			const emlSize =
				1200 +
				subject.length +
				(bodyHtml?.length ?? 0) +
				(bodyText?.length ?? 0) +
				Math.ceil(attachmentBytes * 1.37) +
				(template?.body.length ?? 0);
			const data = recipients.map((address) => {
				const record = store.addTransactionalEmail({
					fromAddress,
					fromDisplayName: fromDisplayName ?? campaign?.mailFromDisplayName ?? null,
					toAddress: address,
					subject,
					bodyFormat,
					emlSize,
					tags,
					replyTo,
					campaignId,
					trackOpens,
					trackClicks,
					attachmentCount,
				});
				return { email: address, guid: record.guid };
			});
			return { body: { data } };
		},
	},
	{
		method: 'GET',
		path: '/transactionalEmails/opens',
		handler: (ctx) => {
			const { store, query } = ctx;
			const emailId = query.int('emailId');
			const from = query.date('from');
			const to = query.date('to');
			const filter = allOf<TransactionalOpen>(
				emailId !== undefined && ((o) => o.emailId === emailId),
				(from !== undefined || to !== undefined) && ((o) => inRange(o.created, from, to)),
			);
			return {
				body: ctx.page(sourceById(store.transactionalOpens, query.int('openId')), filter, (o) =>
					pick(o, TRANSACTIONAL_OPEN_FIELDS),
				),
			};
		},
	},
	{
		method: 'GET',
		path: '/transactionalEmails/clicks',
		handler: (ctx) => {
			const { store, query } = ctx;
			const emailId = query.int('emailId');
			const from = query.date('from');
			const to = query.date('to');
			const filter = allOf<TransactionalClick>(
				emailId !== undefined && ((c) => c.emailId === emailId),
				(from !== undefined || to !== undefined) && ((c) => inRange(c.created, from, to)),
			);
			return {
				body: ctx.page(sourceById(store.transactionalClicks, query.int('clickId')), filter, (c) =>
					pick(c, TRANSACTIONAL_CLICK_FIELDS),
				),
			};
		},
	},
	{
		method: 'GET',
		path: '/transactionalEmails/bounceInfo',
		handler: ({ store, query }) => {
			const emailId = query.requiredInt('emailId');
			if (!store.transactionalEmails.has(emailId)) throw notFound('Transactional e-mail', emailId);
			return {
				body: {
					data: store.deliveryInfos.rows
						.filter((d) => d.emailId === emailId)
						.map((d) => pick(d, DELIVERY_INFO_FIELDS)),
				},
			};
		},
	},
	{
		method: 'GET',
		path: '/transactionalSms',
		handler: (ctx) => {
			const { store, query } = ctx;
			const createdFrom = query.date('createdFrom');
			const createdTo = query.date('createdTo');
			const to = query.string('to');
			const guid = query.guid('guid');
			const filter = allOf<TransactionalSms>(
				(createdFrom !== undefined || createdTo !== undefined) &&
					((s) => inRange(s.created, createdFrom, createdTo)),
				to !== undefined && ((s) => s.to.includes(to.replace(/\s+/g, ''))),
				guid !== undefined && ((s) => s.guid.toLowerCase() === guid),
			);
			const source = sourceById(store.transactionalSms, query.int('smsId'));
			return { body: ctx.page(source, filter, (s) => pick(s, SMS_FIELDS), { pageCount: false }) };
		},
	},
	{
		method: 'POST',
		path: '/transactionalSms',
		handler: ({ store, body }) => {
			const sms = BodyReader.root(body).requiredObject('sms');
			const text = sms.requiredString('text', 1530);
			const priority = sms.int('priority', { min: 1, max: 5 }) ?? 3;
			const groupId = sms.int('groupId', { min: 1 }) ?? null;
			const numbers = sms.requiredArray('to').map((item, i) => {
				const to = BodyReader.nested(item, `sms.to[${i}]`);
				const number = normalisePhone(to.requiredString('number', 40), to.field('number'));
				if (!number)
					throw badRequest(`The ${to.field('number')} field is not a valid phone number.`);
				return number;
			});
			const price = smsPrice(text);
			const data = numbers.map((number) => {
				const record = store.addTransactionalSms({
					to: number,
					text,
					queuePriority: priority,
					smsGroupId: groupId,
					price,
				});
				return { number, guid: record.guid };
			});
			return { body: { data } };
		},
	},
];
