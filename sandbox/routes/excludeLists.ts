import { badRequest, notFound } from '../errors';
import { EXCLUDE_LIST_FIELDS, pick } from '../model';
import type { ExcludeListEntry } from '../model';
import { allOf, sourceById } from '../paging';
import type { RouteDef } from '../router';
import type { Store } from '../store';
import { BodyReader } from '../validate';

/** Unsubscribed recipients. */

function publicEntry(store: Store, e: ExcludeListEntry): Record<string, unknown> {
	return {
		...pick(e, EXCLUDE_LIST_FIELDS),
		mailingListName: e.mailingListId
			? (store.mailingLists.get(e.mailingListId)?.name ?? null)
			: null,
		campaignName: e.campaignId ? (store.campaigns.get(e.campaignId)?.name ?? null) : null,
	};
}

/** An optional ID in the body that must refer to an existing record. */
function reference(
	reader: BodyReader,
	name: string,
	what: string,
	has: (id: number) => boolean,
): number | null {
	const id = reader.int(name, { min: 1 }) ?? null;
	if (id !== null && !has(id))
		throw badRequest(`The ${name} field refers to ${what} ${id}, which does not exist.`);
	return id;
}

export const excludeListRoutes: RouteDef[] = [
	{
		method: 'GET',
		path: '/excludeLists',
		handler: (ctx) => {
			const mailingListId = ctx.query.int('mailingListId');
			const filter = allOf<ExcludeListEntry>(
				mailingListId !== undefined && ((e) => e.mailingListId === mailingListId),
			);
			const source = sourceById(ctx.store.excludeLists, ctx.query.int('excludeListId'));
			return { body: ctx.page(source, filter, (e) => publicEntry(ctx.store, e)) };
		},
	},
	{
		method: 'POST',
		path: '/excludeLists',
		handler: ({ store, body }) => {
			const reader = BodyReader.root(body);
			const email = reader.requiredEmail('email');
			const mailingListId = reference(reader, 'mailingListId', 'mailing list', (id) =>
				store.mailingLists.has(id),
			);
			const campaignId = reference(reader, 'campaignId', 'campaign', (id) =>
				store.campaigns.has(id),
			);
			const generatorExecutionId = reference(
				reader,
				'generatorExecutionId',
				'generator execution',
				(id) => store.generatorExecutions.has(id),
			);
			const reason = reader.string('reason', 1000) ?? null;
			const duplicate = store.excludeLists.rows.find(
				(e) =>
					e.email.toLowerCase() === email.toLowerCase() &&
					e.mailingListId === mailingListId &&
					e.campaignId === campaignId,
			);
			if (duplicate) return;
			store.addExcludeListEntry({
				email,
				mailingListId,
				campaignId,
				reason,
				origin: 2,
				reasonId: 1,
				sourceGeneratorExecutionId: generatorExecutionId,
				sourceCampaignId: generatorExecutionId
					? (store.generatorExecutions.get(generatorExecutionId)?.campaignId ?? null)
					: null,
			});
		},
	},
	{
		method: 'DELETE',
		path: '/excludeLists',
		handler: ({ store, query }) => {
			const id = query.requiredInt('id');
			if (!store.excludeLists.delete(id)) throw notFound('Exclude list record', id);
		},
	},
];
