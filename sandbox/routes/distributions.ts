import { notFound } from '../errors';
import {
	MARKETING_CLICK_FIELDS,
	MARKETING_EMAIL_FIELDS,
	MARKETING_OPEN_FIELDS,
	pick,
} from '../model';
import type { GeneratorExecution } from '../model';
import { allOf } from '../paging';
import type { RouteContext, RouteDef } from '../router';
import type { Store } from '../store';

/** Distributions (generator executions) and their marketing e-mails, opens and clicks. */

const ratio = (part: number, whole: number): number =>
	whole > 0 ? Math.round((part / whole) * 10000) / 10000 : 0;

function publicDistribution(store: Store, g: GeneratorExecution): Record<string, unknown> {
	const campaign = store.campaigns.get(g.campaignId);
	const group = campaign?.campaignGroupId
		? store.campaignGroups.get(campaign.campaignGroupId)
		: undefined;
	const bounceCount = g.softBounceCount + g.hardBounceCount;
	return {
		campaignName: campaign?.name ?? null,
		campaignId: g.campaignId,
		campaignType: campaign?.campaignType ?? 1,
		generatorExecutionId: g.generatorExecutionId,
		status: g.status,
		phase: g.phase,
		spentCredits: g.spentCredits,
		totalCount: g.totalCount,
		clickCount: g.clickCount,
		clickCountTotal: g.clickCountTotal,
		openCount: g.openCount,
		openCountTotal: g.openCountTotal,
		unsubscribeCount: g.unsubscribeCount,
		openRatio: ratio(g.openCount, g.deliveryCount),
		clickRatio: ratio(g.clickCount, g.deliveryCount),
		unsubscribeRatio: ratio(g.unsubscribeCount, g.deliveryCount),
		created: g.created,
		executed: g.executed,
		isTesting: g.isTesting,
		softBounceCount: g.softBounceCount,
		hardBounceCount: g.hardBounceCount,
		bounceCount,
		softBounceRatio: ratio(g.softBounceCount, g.totalCount),
		hardBounceRatio: ratio(g.hardBounceCount, g.totalCount),
		bounceRatio: ratio(bounceCount, g.totalCount),
		deliveryRatio: ratio(g.deliveryCount, g.totalCount),
		deliveryCount: g.deliveryCount,
		smsPrice: g.smsPrice,
		groupName: group?.name ?? '',
		groupColor: group?.color ?? '',
		campaignGroupId: campaign?.campaignGroupId ?? null,
	};
}

/** The required generatorExecutionId of the marketing e-mail endpoints (404 when unknown). */
function distributionFilter(ctx: RouteContext): (row: { generatorExecutionId: number }) => boolean {
	const id = ctx.query.requiredInt('generatorExecutionId');
	if (!ctx.store.generatorExecutions.has(id)) throw notFound('Generator execution', id);
	return (row) => row.generatorExecutionId === id;
}

export const distributionRoutes: RouteDef[] = [
	{
		method: 'GET',
		path: '/generatorExecutions',
		handler: (ctx) => {
			const { store, query } = ctx;
			const campaignId = query.int('campaignId');
			const isTesting = query.bool('isTesting');
			const status = query.int('status', { min: 1, max: 4 });
			const phase = query.int('phase', { min: 1, max: 5 });
			const filter = allOf<GeneratorExecution>(
				campaignId !== undefined && ((g) => g.campaignId === campaignId),
				isTesting !== undefined && ((g) => g.isTesting === isTesting),
				status !== undefined && ((g) => g.status === status),
				phase !== undefined && ((g) => g.phase === phase),
			);
			return {
				body: ctx.page(store.generatorExecutions.rows, filter, (g) => publicDistribution(store, g)),
			};
		},
	},
	{
		method: 'GET',
		path: '/marketingEmails',
		handler: (ctx) => ({
			body: ctx.page(ctx.store.marketingEmails.rows, distributionFilter(ctx), (m) =>
				pick(m, MARKETING_EMAIL_FIELDS),
			),
		}),
	},
	{
		method: 'GET',
		path: '/marketingEmails/opens',
		handler: (ctx) => ({
			body: ctx.page(ctx.store.marketingOpens.rows, distributionFilter(ctx), (o) =>
				pick(o, MARKETING_OPEN_FIELDS),
			),
		}),
	},
	{
		method: 'GET',
		path: '/marketingEmails/clicks',
		handler: (ctx) => ({
			body: ctx.page(ctx.store.marketingClicks.rows, distributionFilter(ctx), (c) =>
				pick(c, MARKETING_CLICK_FIELDS),
			),
		}),
	},
];
