import { contactActivity } from '../activity';
import { acceptBulkImport, pollBulkOperation } from '../bulk';
import { badRequest, notFound } from '../errors';
import type { Contact } from '../model';
import { allOf, partialMatch, sourceById } from '../paging';
import type { RouteDef } from '../router';
import { BodyReader, isEmail } from '../validate';
import { readContactInput } from './contactInput';

export function publicContact(c: Contact): Record<string, unknown> {
	return {
		customColumns: { ...c.customColumns },
		contactId: c.contactId,
		name: c.name,
		surname: c.surname,
		email: c.email,
		sex: c.sex,
		mobilePhone: c.mobilePhone,
		company: c.company,
		title: c.title,
		created: c.created,
		userAgent: c.userAgent,
		ipAddress: c.ipAddress,
		lastOpen: c.lastOpen,
		lastClick: c.lastClick,
		dateCreated: c.dateCreated,
		lastUpdate: c.lastUpdate,
		confirmed: c.confirmed,
	};
}

export const contactRoutes: RouteDef[] = [
	{
		method: 'GET',
		path: '/contacts',
		handler: (ctx) => {
			const { store, query } = ctx;
			const contactId = query.int('contactId');
			const mailingListId = query.int('mailingListId');
			const email = query.string('email');
			const emailMatches = email === undefined ? undefined : partialMatch(email);
			const source = sourceById(store.contacts, contactId);
			const filter = allOf<Contact>(
				mailingListId !== undefined && ((c) => c.lists.has(mailingListId)),
				emailMatches && ((c) => emailMatches(c.email)),
			);
			return { body: ctx.page(source, filter, publicContact) };
		},
	},
	{
		method: 'POST',
		path: '/contacts',
		handler: ({ store, body }) => {
			const input = readContactInput(BodyReader.root(body), store, true);
			const { contact } = store.saveContact({ ...input, email: input.email as string }, 'partial');
			return { body: { contactId: contact.contactId } };
		},
	},
	{
		method: 'PUT',
		path: '/contacts/{contactId:int}',
		handler: ({ store, params, body }) => {
			const contact = store.contacts.get(params.contactId);
			if (!contact) throw notFound('Contact', params.contactId);
			const input = readContactInput(BodyReader.root(body), store, false);
			if (input.email !== undefined) {
				const other = store.findContactByEmail(input.email);
				if (other && other !== contact) {
					throw badRequest(
						`The email field: a contact with e-mail ${input.email} already exists (contactId ${other.contactId}).`,
					);
				}
			}
			store.updateContact(contact, input, 'partial');
		},
	},
	{
		method: 'DELETE',
		path: '/contacts',
		handler: ({ store, query }) => {
			const ids = query.intList('contactIds');
			if (!ids) throw badRequest('The contactIds parameter is required.');
			const mailingListId = query.int('mailingListId');
			const missing = ids.find((id) => !store.contacts.has(id));
			if (missing !== undefined) throw notFound('Contact', missing);
			if (mailingListId === undefined) {
				store.deleteContacts(ids);
				return;
			}
			if (!store.mailingLists.has(mailingListId)) throw notFound('Mailing list', mailingListId);
			for (const id of ids) store.contacts.get(id)?.lists.delete(mailingListId);
		},
	},
	{
		method: 'POST',
		path: '/contacts/bulk',
		handler: ({ store, body }) => ({
			body: { data: { operationId: acceptBulkImport(store, body).operationId } },
		}),
	},
	{
		method: 'GET',
		path: '/contacts/getBulkInfo',
		handler: ({ store, query, settings }) => {
			const operationId = query.guid('operationId');
			if (!operationId) throw badRequest('The operationId parameter is required.');
			const operation = store.bulkOperations.get(operationId);
			if (!operation) throw notFound('Bulk operation', operationId);
			return { body: { data: pollBulkOperation(store, operation, settings.bulkPollsPerPhase) } };
		},
	},
	{
		method: 'GET',
		path: '/contacts/getContactActivity',
		handler: ({ store, query }) => {
			const email = query.requiredString('email');
			if (!isEmail(email)) throw badRequest('The email parameter is not a valid e-mail address.');
			return { body: { data: contactActivity(store, email) } };
		},
	},
	{
		method: 'POST',
		path: '/subscribeContacts',
		handler: ({ store, body }) => {
			const reader = BodyReader.root(body);
			const input = readContactInput(reader, store, true);
			const dispatcherId = reader.requiredInt('dispatcherId', { min: 1 });
			const dispatcher = store.dispatchers.get(dispatcherId);
			if (!dispatcher)
				throw badRequest(
					`The dispatcherId field refers to dispatcher ${dispatcherId}, which does not exist.`,
				);
			const email = input.email as string;
			// Without subscribe verification the contact is subscribed at once; otherwise it waits
			// for the confirmation link (double opt-in).
			const confirmed = !dispatcher.useSubscribeAuthentication;
			const contactId = confirmed
				? store.saveContact({ ...input, email }, 'partial').contact.contactId
				: null;
			const request = store.addSubscribeRequest({
				dispatcherId,
				email,
				contactId,
				confirmed,
				payload: { ...reader.value },
			});
			return { body: { subscribeRequestId: request.subscribeRequestId } };
		},
	},
];
