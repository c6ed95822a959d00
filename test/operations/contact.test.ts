import { MailKomplet } from '../../nodes/MailKomplet/MailKomplet.node';
import { jsonOf } from '../harness';
import { byId, useSandbox } from '../helpers/sandbox';

const t = useSandbox();

const NOW = '2026-01-15T10:00:00';

beforeEach(() => {
	t.sandbox.store.clock = () => new Date(NOW);
});

function customerList() {
	return t.sandbox.store.addMailingList({ name: 'Customers' }).mailingListId;
}

describe('Contact > Create or Update', () => {
	it('POSTs the contact with lists and custom columns and returns its contactId', async () => {
		const listId = customerList();
		t.sandbox.store.addCustomColumn({ name: 'last_order', dataTypeId: 4 });

		const result = await t.run({
			resource: 'contact',
			operation: 'upsert',
			email: 'jan@webkomplet.cz',
			additionalFields: {
				name: 'Jan',
				surname: 'Novák',
				sex: 'true',
				mobilePhone: '+420775123456',
				company: 'Webkomplet',
				mailingListIds: [String(listId)],
				customColumns: { column: [{ name: 'last_order', value: '2020-01-09T09:46:17' }] },
			},
		});

		const body = {
			email: 'jan@webkomplet.cz',
			name: 'Jan',
			surname: 'Novák',
			sex: true,
			mobilePhone: '+420775123456',
			company: 'Webkomplet',
			mailingListIds: [listId],
			customColumns: { last_order: '2020-01-09T09:46:17' },
		};
		expect(t.sent()).toEqual([{ method: 'POST', path: '/contacts', query: {}, body }]);
		expect(result.items).toEqual([
			{ json: { contactId: 7457801, ...body }, pairedItem: { item: 0 } },
		]);
		expect(t.sandbox.store.contacts.get(7457801)?.lists.has(listId)).toBe(true);
	});

	it('updates the existing contact with the same e-mail instead of creating another', async () => {
		const [existing] = t.sandbox.store.addContacts(1);

		const result = await t.run({
			resource: 'contact',
			operation: 'upsert',
			email: existing.email,
			additionalFields: { company: 'ACME' },
		});

		expect(jsonOf(result)).toEqual([
			{ contactId: existing.contactId, email: existing.email, company: 'ACME' },
		]);
		expect(t.sandbox.store.contacts.size).toBe(1);
	});

	it('refuses an invalid e-mail, names field and item, sends nothing, and goes on when asked', async () => {
		const items = [{ json: { email: 'not-an-address' } }, { json: { email: 'ok@example.cz' } }];
		const failing = await t.run(
			{ resource: 'contact', operation: 'upsert', email: '={{ $json.email }}' },
			{ items },
		);
		expect(failing.error?.message).toBe(
			'Email is not a valid e-mail address: "not-an-address" (item 0)',
		);
		expect(t.sent()).toEqual([]);

		const continuing = await t.run(
			{ resource: 'contact', operation: 'upsert', email: '={{ $json.email }}' },
			{ items, continueOnFail: true },
		);
		expect(continuing.items).toEqual([
			{
				json: { error: 'Email is not a valid e-mail address: "not-an-address" (item 0)' },
				pairedItem: { item: 0 },
			},
			{ json: { contactId: 7457801, email: 'ok@example.cz' }, pairedItem: { item: 1 } },
		]);
		expect(t.sent().map((r) => r.body)).toEqual([{ email: 'ok@example.cz' }]);
	});

	it('shows the API message about the field when Mail Komplet answers 400', async () => {
		const result = await t.run({
			resource: 'contact',
			operation: 'upsert',
			email: 'jan@webkomplet.cz',
			additionalFields: { customColumns: { column: [{ name: 'no_such_column', value: 'x' }] } },
		});

		expect(result.error?.message).toBe(
			'Mail Komplet rejected the request: The custom column "no_such_column" does not exist (customColumns.no_such_column).',
		);
		expect(result.error?.httpCode).toBe('400');
	});
});

describe('Contact > Update', () => {
	it('PUTs the changed fields to /contacts/{contactId}', async () => {
		const [contact] = t.sandbox.store.addContacts(1);

		const result = await t.run({
			resource: 'contact',
			operation: 'update',
			contactId: byId(contact.contactId),
			updateFields: { surname: 'Nováková', sex: 'false' },
		});

		expect(t.sent()).toEqual([
			{
				method: 'PUT',
				path: `/contacts/${contact.contactId}`,
				query: {},
				body: { surname: 'Nováková', sex: false },
			},
		]);
		expect(jsonOf(result)).toEqual([
			{ success: true, contactId: contact.contactId, surname: 'Nováková', sex: false },
		]);
	});

	it('refuses an update with no fields', async () => {
		const result = await t.run({
			resource: 'contact',
			operation: 'update',
			contactId: byId(1),
			updateFields: {},
		});

		expect(result.error?.message).toBe('Set at least one Update Field (item 0)');
		expect(t.sent()).toEqual([]);
	});
});

describe('Contact > Get and Get Many', () => {
	it('gets one contact by ID with every field the API returns', async () => {
		const [contact] = t.sandbox.store.addContacts(2);

		const result = await t.run({
			resource: 'contact',
			operation: 'get',
			contactId: byId(contact.contactId),
		});

		expect(t.sent()).toEqual([
			{
				method: 'GET',
				path: '/contacts',
				query: { contactId: String(contact.contactId), page: '1', pageSize: '1' },
			},
		]);
		expect(jsonOf(result)).toEqual([
			{
				customColumns: {},
				contactId: contact.contactId,
				name: 'Kontakt',
				surname: String(contact.contactId),
				email: `kontakt.${contact.contactId}@example.com`,
				sex: null,
				mobilePhone: null,
				company: null,
				title: null,
				created: NOW,
				userAgent: '',
				ipAddress: '',
				lastOpen: null,
				lastClick: null,
				dateCreated: null,
				lastUpdate: NOW,
				confirmed: null,
			},
		]);
	});

	it('says which contact was not found', async () => {
		const result = await t.run({ resource: 'contact', operation: 'get', contactId: byId(5) });

		expect(result.error?.message).toBe('No contact with ID 5 (item 0)');
	});

	it('filters by mailing list and e-mail', async () => {
		const listId = customerList();
		t.sandbox.store.addContacts(3, { mailingListIds: [listId] });
		t.sandbox.store.addContacts(2);

		const result = await t.run({
			resource: 'contact',
			operation: 'getAll',
			returnAll: true,
			filters: { mailingListId: String(listId), email: 'example.com' },
		});

		expect(t.sent()).toEqual([
			{
				method: 'GET',
				path: '/contacts',
				query: { mailingListId: String(listId), email: 'example.com', page: '1', pageSize: '1000' },
			},
		]);
		expect(jsonOf(result).map((c) => c.contactId)).toEqual([7457801, 7457802, 7457803]);
	});

	it('returns all 2,617 contacts across pages, in three requests, none lost or repeated', async () => {
		t.sandbox.store.addContacts(2617);

		const result = await t.run({
			resource: 'contact',
			operation: 'getAll',
			returnAll: true,
			options: { pageSize: 1000 },
		});

		const ids = jsonOf(result).map((c) => c.contactId as number);
		expect(ids).toHaveLength(2617);
		expect(new Set(ids).size).toBe(2617);
		expect(t.sent().map((r) => r.query)).toEqual([
			{ page: '1', pageSize: '1000' },
			{ page: '2', pageSize: '1000' },
			{ page: '3', pageSize: '1000' },
		]);
		expect(result.items.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(
			true,
		);
	});

	it('refuses a page size out of range without sending a request', async () => {
		const result = await t.run({
			resource: 'contact',
			operation: 'getAll',
			returnAll: true,
			options: { pageSize: 0 },
		});

		expect(result.error?.message).toBe(
			'Page Size must be a whole number from 1 to 10000, got 0 (item 0)',
		);
		expect(t.sent()).toEqual([]);
	});
});

describe('Contact > Delete', () => {
	it('removes contacts from one mailing list only when a list is given', async () => {
		const listId = customerList();
		const contacts = t.sandbox.store.addContacts(2, { mailingListIds: [listId] });
		const ids = contacts.map((c) => c.contactId);

		const result = await t.run({
			resource: 'contact',
			operation: 'delete',
			contactIds: ids.join(', '),
			options: { mailingListId: String(listId) },
		});

		expect(t.sent()).toEqual([
			{
				method: 'DELETE',
				path: '/contacts',
				query: { contactIds: ids.join(','), mailingListId: String(listId) },
			},
		]);
		expect(jsonOf(result)).toEqual([{ success: true, contactIds: ids, mailingListId: listId }]);
		expect(t.sandbox.store.contacts.size).toBe(2);
		expect(t.sandbox.store.membersOf(listId)).toEqual([]);
	});

	it('deletes contacts from the account when no list is given', async () => {
		const [contact] = t.sandbox.store.addContacts(1);

		await t.run({ resource: 'contact', operation: 'delete', contactIds: [contact.contactId] });

		expect(t.sent()[0].query).toEqual({ contactIds: String(contact.contactId) });
		expect(t.sandbox.store.contacts.size).toBe(0);
	});

	it('warns in the UI that deleting without a list cannot be undone', () => {
		const notice = new MailKomplet().description.properties.find((p) => p.name === 'deleteNotice');
		expect(notice).toMatchObject({
			type: 'notice',
			displayOptions: { show: { resource: ['contact'], operation: ['delete'] } },
		});
		expect(notice?.displayName).toMatch(/deleted from the whole account\. This cannot be undone/);
	});

	it('refuses non-numeric contact IDs', async () => {
		const result = await t.run({ resource: 'contact', operation: 'delete', contactIds: '12, x' });

		expect(result.error?.message).toBe(
			'Contact IDs must be a positive whole number, got "x" (item 0)',
		);
		expect(t.sent()).toEqual([]);
	});
});

describe('Contact > Get Activity', () => {
	it('reads the history of a contact by e-mail', async () => {
		const [contact] = t.sandbox.store.addContacts(1);

		const result = await t.run({
			resource: 'contact',
			operation: 'getActivity',
			email: contact.email,
			returnAll: true,
		});

		expect(t.sent()).toEqual([
			{ method: 'GET', path: '/contacts/getContactActivity', query: { email: contact.email } },
		]);
		expect(result.error).toBeUndefined();
		expect(Array.isArray(jsonOf(result))).toBe(true);
	});
});
