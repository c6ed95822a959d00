import { randomUUID } from 'node:crypto';
import { Clock } from './clock';
import { formatTimestamp, recordTime } from './dates';
import { ApiError } from './errors';
import type { ExcludeListEntry, TransactionalEmail } from './model';
import type { Store } from './store';
import type { WebhookFireResult } from './types';

/**
 * Webhook payloads exactly as the "Webhooks" section of the documentation lists them (types 1-8,
 * including the documented `fromDispalyName` spelling of type 5). Values come from the store when
 * it holds a fitting record (overrides.transactionalEmailId / overrides.mailId pick one), otherwise
 * realistic made-up values are used. Overrides are applied last.
 */

export const WEBHOOK_TYPES: Record<number, string> = {
	1: 'Delivery of transactional e-mail',
	2: 'Click in transactional e-mail',
	3: 'Opening of transactional e-mail',
	4: 'Soft bounce of transactional e-mail',
	5: 'Hard bounce of transactional e-mail',
	6: 'Unsubscription from transactional e-mail',
	7: 'Spam complaint from transactional e-mail',
	8: 'Unsubscription from mass e-mail',
};

const CHROME_UA =
	'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36';
const OUTLOOK_UA = 'Mozilla/4.0 (compatible; ms-office; MSOffice 16)';

/** `seconds` after `stamp` (after `now` when the stamp is unreadable). */
const plus = (stamp: string, seconds: number, now: number): string =>
	formatTimestamp(new Date((recordTime(stamp) ?? now) + seconds * 1000));

const latest = <T>(rows: readonly T[], test: (row: T) => boolean): T | undefined => {
	for (let i = rows.length - 1; i >= 0; i--) if (test(rows[i])) return rows[i];
	return undefined;
};

interface MailFacts {
	transactionalEmailId: number;
	recipient: string;
	fromAddress: string;
	fromDisplayName: string;
	subject: string;
	guid: string;
	created: string;
	sent: string;
	delivered: string;
}

function syntheticMail(now: number): MailFacts {
	const created = formatTimestamp(new Date(now - 120_000));
	return {
		transactionalEmailId: 989206,
		recipient: 'jana.novakova@example.cz',
		fromAddress: 'obchod@pekarna-klas.cz',
		fromDisplayName: 'Pekárna U Zlatého klasu',
		subject: 'Potvrzení objednávky č. 2025-0142',
		guid: randomUUID(),
		created,
		sent: plus(created, 2, now),
		delivered: plus(created, 22, now),
	};
}

function mailFacts(email: TransactionalEmail | undefined, now: number): MailFacts {
	if (!email) return syntheticMail(now);
	const sent = email.sent ?? plus(email.created, 2, now);
	return {
		transactionalEmailId: email.emailId,
		recipient: email.toAddress,
		fromAddress: email.fromAddress,
		fromDisplayName: email.fromDisplayName ?? '',
		subject: email.subject,
		guid: email.guid,
		created: email.created,
		sent,
		delivered: email.delivered ?? plus(sent, 20, now),
	};
}

function transactionalPayload(
	typeId: number,
	overrides: Record<string, unknown>,
	at: number,
	store?: Store,
): Record<string, unknown> {
	const wantedId =
		typeof overrides.transactionalEmailId === 'number' ? overrides.transactionalEmailId : undefined;
	const forEmail = (emailId: number): boolean => wantedId === undefined || emailId === wantedId;
	const emailOf = (emailId: number | null | undefined): TransactionalEmail | undefined =>
		emailId ? store?.transactionalEmails.get(emailId) : undefined;
	const anyEmail = (test: (e: TransactionalEmail) => boolean): TransactionalEmail | undefined =>
		store
			? latest(store.transactionalEmails.rows, (e) => forEmail(e.emailId) && test(e))
			: undefined;
	const now = formatTimestamp(new Date(at));

	switch (typeId) {
		case 1: {
			const m = mailFacts(anyEmail((e) => e.delivered !== null) ?? anyEmail(() => true), at);
			return {
				webhookTypeId: 1,
				transactionalEmailId: m.transactionalEmailId,
				created: m.created,
				recipient: m.recipient,
				fromAddress: m.fromAddress,
				subject: m.subject,
				guid: m.guid,
				sent: m.sent,
				delivered: m.delivered,
			};
		}
		case 2: {
			const click = store
				? latest(store.transactionalClicks.rows, (c) => forEmail(c.emailId))
				: undefined;
			const m = mailFacts(emailOf(click?.emailId) ?? anyEmail(() => true), at);
			return {
				webhookTypeId: 2,
				transactionalEmailId: m.transactionalEmailId,
				clickId: click?.clickId ?? 114651,
				created: click?.created ?? now,
				recipient: m.recipient,
				fromAddress: m.fromAddress,
				subject: m.subject,
				guid: m.guid,
				sent: m.sent,
				delivered: m.delivered,
				linkUrl: click?.linkUrl ?? 'https://www.pekarna-klas.cz/objednavky/2025-0142',
				userAgent: click?.userAgent ?? CHROME_UA,
			};
		}
		case 3: {
			const open = store
				? latest(store.transactionalOpens.rows, (o) => forEmail(o.emailId))
				: undefined;
			const m = mailFacts(emailOf(open?.emailId) ?? anyEmail(() => true), at);
			return {
				webhookTypeId: 3,
				transactionalEmailId: m.transactionalEmailId,
				openId: open?.openId ?? 562610,
				created: open?.created ?? now,
				recipient: m.recipient,
				fromAddress: m.fromAddress,
				subject: m.subject,
				guid: m.guid,
				sent: m.sent,
				delivered: m.delivered,
				userAgent: open?.userAgent ?? OUTLOOK_UA,
			};
		}
		case 4:
		case 5: {
			const hard = typeId === 5;
			const info = store
				? latest(
						store.deliveryInfos.rows,
						(d) => forEmail(d.emailId) && d.dsnStatus.startsWith('5') === hard,
					)
				: undefined;
			const m = mailFacts(emailOf(info?.emailId) ?? anyEmail(() => true), at);
			const head = {
				webhookTypeId: typeId,
				transactionalEmailId: m.transactionalEmailId,
				deliveryInfoId: info?.deliveryInfoId ?? 11284385,
				created: info?.created ?? now,
				recipient: m.recipient,
				fromAddress: m.fromAddress,
			};
			const tail = { subject: m.subject, guid: m.guid, sent: m.sent };
			return hard ? { ...head, fromDispalyName: m.fromDisplayName, ...tail } : { ...head, ...tail };
		}
		default: {
			const spam = typeId === 7;
			const entry: ExcludeListEntry | undefined = store
				? latest(
						store.excludeLists.rows,
						(e) =>
							e.reasonId === 1 &&
							!!e.sourceTransactionalEmailId &&
							forEmail(e.sourceTransactionalEmailId) &&
							e.isSpamComplaint === spam,
					)
				: undefined;
			const m = mailFacts(emailOf(entry?.sourceTransactionalEmailId) ?? anyEmail(() => true), at);
			return {
				webhookTypeId: typeId,
				transactionalEmailId: m.transactionalEmailId,
				excludeListId: entry?.excludeListId ?? 1231739,
				created: entry?.createdDate ?? now,
				recipient: m.recipient,
				fromAddress: m.fromAddress,
				subject: m.subject,
				guid: m.guid,
				sent: m.sent,
				delivered: m.delivered,
			};
		}
	}
}

function massUnsubscribePayload(
	overrides: Record<string, unknown>,
	at: number,
	store?: Store,
): Record<string, unknown> {
	const wantedId = typeof overrides.mailId === 'number' ? overrides.mailId : undefined;
	const entry = store
		? latest(
				store.excludeLists.rows,
				(e) =>
					e.reasonId === 1 &&
					!!e.sourceMarketingEmailId &&
					(wantedId === undefined || e.sourceMarketingEmailId === wantedId),
			)
		: undefined;
	const mail =
		store?.marketingEmails.get(entry?.sourceMarketingEmailId ?? wantedId ?? -1) ??
		(store ? latest(store.marketingEmails.rows, () => wantedId === undefined) : undefined);
	const now = formatTimestamp(new Date(at));
	return {
		webhookTypeId: 8,
		mailId: mail?.emailId ?? 378651800,
		excludeListId: entry?.excludeListId ?? 1231749,
		created: entry?.createdDate ?? now,
		recipient: mail?.toAddress ?? entry?.email ?? 'petr.svoboda@example.cz',
		fromAddress: mail?.fromAddress ?? 'newsletter@pekarna-klas.cz',
		sent: mail?.sent ?? plus(now, -86_400, at),
	};
}

/** A realistic webhook payload of the given type (1-8). */
export function buildWebhookPayload(
	typeId: number,
	overrides: Record<string, unknown> = {},
	store?: Store,
): Record<string, unknown> {
	if (!WEBHOOK_TYPES[typeId])
		throw new RangeError(`Unknown webhook type ${typeId} (expected 1-8).`);
	const at = (store?.clock ?? new Clock()).now();
	const base =
		typeId === 8
			? massUnsubscribePayload(overrides, at, store)
			: transactionalPayload(typeId, overrides, at, store);
	return { ...base, ...overrides };
}

/** POSTs a payload as JSON, as Mail Komplet does, and returns the receiver's answer. */
export async function fireWebhook(
	url: string,
	payload: unknown,
	timeoutMs = 15_000,
): Promise<WebhookFireResult> {
	let response: Response;
	try {
		response = await fetch(url, {
			method: 'POST',
			headers: { 'content-type': 'application/json; charset=utf-8', accept: '*/*' },
			body: JSON.stringify(payload),
			signal: AbortSignal.timeout(timeoutMs),
		});
	} catch (error) {
		throw new ApiError(502, `Could not deliver the webhook to ${url}: ${(error as Error).message}`);
	}
	const text = await response.text();
	let body: unknown = text === '' ? null : text;
	try {
		body = text === '' ? null : JSON.parse(text);
	} catch {
		// Not JSON: keep the text.
	}
	return { status: response.status, body };
}
