import { badRequest, notFound } from '../errors';
import type { MailingList } from '../model';
import { allOf, sourceById } from '../paging';
import type { RouteDef } from '../router';
import { BodyReader } from '../validate';

export const mailingListRoutes: RouteDef[] = [
	{
		method: 'GET',
		path: '/mailingLists',
		handler: (ctx) => {
			const { store, query } = ctx;
			const mailingListId = query.int('mailingListId');
			const campaignId = query.int('campaignId');
			const contactId = query.int('contactId');
			const isTesting = query.bool('isTesting');
			const campaignLists =
				campaignId === undefined
					? undefined
					: new Set(store.campaigns.get(campaignId)?.mailingListIds ?? []);
			const contact = contactId === undefined ? undefined : store.contacts.get(contactId);
			const source = sourceById(store.mailingLists, mailingListId);
			const filter = allOf<MailingList>(
				campaignLists && ((l) => campaignLists.has(l.mailingListId)),
				contactId !== undefined && ((l) => !!contact?.lists.has(l.mailingListId)),
				isTesting !== undefined && ((l) => l.isTest === isTesting),
			);
			return {
				body: ctx.page(source, filter, (l) => ({
					mailingListId: l.mailingListId,
					name: l.name,
					description: l.description,
					created: l.created,
					updated: l.updated,
					availableForCampaign: true,
					availableForContact: true,
					contactAssigned: contact?.lists.get(l.mailingListId) ?? null,
					guid: l.guid,
					isTest: l.isTest,
				})),
			};
		},
	},
	{
		method: 'POST',
		path: '/mailingLists',
		handler: ({ store, body }) => {
			const reader = BodyReader.root(body);
			const list = store.addMailingList({
				name: reader.requiredString('name', 255),
				description: reader.string('description') ?? null,
				isTest: reader.requiredBool('isTest'),
			});
			return { body: { mailingListId: list.mailingListId } };
		},
	},
	{
		method: 'PUT',
		path: '/mailingLists/{mailingListId:int}',
		handler: ({ store, params, body }) => {
			const list = store.mailingLists.get(params.mailingListId);
			if (!list) throw notFound('Mailing list', params.mailingListId);
			const reader = BodyReader.root(body);
			const name = reader.has('name') ? reader.requiredString('name', 255) : undefined;
			const description = reader.string('description');
			const isTest = reader.bool('isTest');
			if (isTest === null) throw badRequest('The isTest field must be true or false.');
			if (name !== undefined) list.name = name;
			if (description !== undefined) list.description = description;
			if (isTest !== undefined) list.isTest = isTest;
			list.updated = store.now();
		},
	},
	{
		method: 'DELETE',
		path: '/mailingLists',
		handler: ({ store, query }) => {
			const ids = query.intList('mailingListIds');
			if (!ids) throw badRequest('The mailingListIds parameter is required.');
			const unassign = query.bool('unassign') ?? true;
			const missing = ids.find((id) => !store.mailingLists.has(id));
			if (missing !== undefined) throw notFound('Mailing list', missing);
			store.deleteMailingLists(ids, unassign);
		},
	},
];
