import { badRequest, notFound } from '../errors';
import {
	CAMPAIGN_DETAIL_FIELDS,
	CAMPAIGN_LIST_FIELDS,
	DISPATCHER_FIELDS,
	pick,
	TEMPLATE_FIELDS,
} from '../model';
import type { Campaign } from '../model';
import { allOf, partialMatch, sourceById } from '../paging';
import type { RouteDef } from '../router';
import type { Store } from '../store';
import { BodyReader } from '../validate';

/** Templates, campaigns and dispatchers (domain redirects). */

/** Campaign fields of a create (required ones enforced) or an update (only present ones). */
function readCampaign(reader: BodyReader, store: Store, create: boolean): Partial<Campaign> {
	const out: Partial<Campaign> = {};
	const templateId = reader.int('templateId', { min: 1 });
	if (templateId !== undefined) {
		if (templateId !== null && !store.templates.has(templateId)) {
			throw badRequest(
				`The templateId field refers to template ${templateId}, which does not exist.`,
			);
		}
		out.templateId = templateId;
	}
	const dispatcherId = reader.int('dispatcherId', { min: 1 });
	if (dispatcherId !== undefined) {
		if (dispatcherId !== null && !store.dispatchers.has(dispatcherId)) {
			throw badRequest(
				`The dispatcherId field refers to dispatcher ${dispatcherId}, which does not exist.`,
			);
		}
		out.dispatcherId = dispatcherId;
	}
	if (create || reader.has('unsubscribeTypeId')) {
		out.unsubscribeTypeId = reader.requiredInt('unsubscribeTypeId', { min: 1, max: 3 }) as
			| 1
			| 2
			| 3;
	}
	for (const key of ['ignoreExcludeList', 'autoLinkTracking', 'insertTrackingImage'] as const) {
		const value = reader.bool(key);
		if (value === null) throw badRequest(`The ${key} field must be true or false.`);
		if (value !== undefined) out[key] = value;
	}
	if (create || reader.has('name')) out.name = reader.requiredString('name', 255);
	const texts = [
		'description',
		'webTrackParam',
		'mailFromDisplayName',
		'replyToDisplayName',
	] as const;
	for (const key of texts) {
		const value = reader.string(key, 1000);
		if (value !== undefined) out[key] = value;
	}
	if (create || reader.has('mailFromAddress'))
		out.mailFromAddress = reader.requiredEmail('mailFromAddress');
	// Not in the request tables of the reference, but Get returns it with the display name.
	const replyToAddress = reader.email('replyToAddress');
	if (replyToAddress !== undefined) out.replyToAddress = replyToAddress;
	return out;
}

export const catalogRoutes: RouteDef[] = [
	{
		method: 'GET',
		path: '/templates',
		handler: (ctx) => {
			const source = sourceById(ctx.store.templates, ctx.query.int('templateId'));
			return { body: ctx.page(source, undefined, (t) => pick(t, TEMPLATE_FIELDS)) };
		},
	},
	{
		method: 'GET',
		path: '/campaigns',
		handler: (ctx) => {
			const { store, query } = ctx;
			const campaignId = query.int('campaignId');
			if (campaignId !== undefined) {
				const campaign = store.campaigns.get(campaignId);
				if (!campaign) throw notFound('Campaign', campaignId);
				return { body: { data: pick(campaign, CAMPAIGN_DETAIL_FIELDS) } };
			}
			const campaignGroupId = query.int('campaignGroupId');
			const name = query.string('name');
			const nameMatches = name === undefined ? undefined : partialMatch(name);
			const filter = allOf<Campaign>(
				campaignGroupId !== undefined && ((c) => c.campaignGroupId === campaignGroupId),
				nameMatches && ((c) => nameMatches(c.name)),
			);
			return { body: ctx.page(store.campaigns.rows, filter, (c) => pick(c, CAMPAIGN_LIST_FIELDS)) };
		},
	},
	{
		method: 'POST',
		path: '/campaigns',
		handler: ({ store, body }) => {
			const fields = readCampaign(BodyReader.root(body), store, true);
			const template = fields.templateId ? store.templates.get(fields.templateId) : undefined;
			if (template) template.isCampaignBound = true;
			const campaign = store.addCampaign({
				...fields,
				name: fields.name as string,
				mailFromAddress: fields.mailFromAddress as string,
				senderDisplayName: fields.mailFromDisplayName ?? null,
				senderEmail: fields.mailFromAddress,
				useWysiwyg: template?.useWysiwyg ?? true,
			});
			return { body: { campaignId: campaign.campaignId } };
		},
	},
	{
		method: 'PUT',
		path: '/campaigns/{campaignId:int}',
		handler: ({ store, params, body }) => {
			const campaign = store.campaigns.get(params.campaignId);
			if (!campaign) throw notFound('Campaign', params.campaignId);
			const fields = readCampaign(BodyReader.root(body), store, false);
			Object.assign(campaign, fields);
			const template = campaign.templateId ? store.templates.get(campaign.templateId) : undefined;
			if (template) template.isCampaignBound = true;
		},
	},
	{
		method: 'DELETE',
		path: '/campaigns',
		handler: ({ store, query }) => {
			const id = query.requiredInt('id');
			if (!store.campaigns.delete(id)) throw notFound('Campaign', id);
		},
	},
	{
		method: 'GET',
		path: '/dispatchers',
		handler: (ctx) => {
			const source = sourceById(ctx.store.dispatchers, ctx.query.int('dispatcherId'));
			return { body: ctx.page(source, undefined, (d) => pick(d, DISPATCHER_FIELDS)) };
		},
	},
];
