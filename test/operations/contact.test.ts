import { MailKomplet } from '../../nodes/MailKomplet/MailKomplet.node';
import { contactActivity } from '../../sandbox/activity';
import { jsonOf, resourceMapping } from '../harness';
import { byId, useSandbox } from '../helpers/sandbox';

const t = useSandbox();

const NOW = '2026-01-15T10:00:00';

beforeEach(() => {
	t.sandbox.clock.set(NOW);
});

/** A resource mapper value as the editor stores it for "Map Each Column". */
const mapped = (value: Record<string, string | number | boolean | null>) => ({
	mappingMode: 'defineBelow',
	value,
	matchingColumns: [],
	schema: Object.keys(value).map((id) => ({
		id,
		displayName: id,
		required: false,
		defaultMatch: false,
		display: true,
	})),
	attemptToConvertTypes: false,
	convertFieldsToString: false,
});

function customerList() {
	return t.sandbox.store.addMailingList({ name: 'Customers' }).mailingListId;
}

describe('Contact > Create or Update', () => {
	it('POSTs the contact with lists and mapped custom columns and returns its contactId', async () => {
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
			},
			customColumnsMode: 'map',
			customColumns: mapped({ last_order: '2020-01-09T09:46:17' }),
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
		expect(t.sent()).toEqual([
			{ method: 'GET', path: '/customColumns', query: { page: '1', pageSize: '1000' } },
			{ method: 'POST', path: '/contacts', query: {}, body },
		]);
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
		expect(failing.error?.message).toBe('Email is not a valid e-mail address: "not-an-address"');
		expect(failing.error?.context?.itemIndex).toBe(0);
		expect(t.sent()).toEqual([]);

		const continuing = await t.run(
			{ resource: 'contact', operation: 'upsert', email: '={{ $json.email }}' },
			{ items, continueOnFail: true },
		);
		expect(continuing.items).toEqual([
			{
				json: {
					error: 'Email is not a valid e-mail address: "not-an-address"',
					description: 'Set "Email" to an address such as jan@example.cz.',
				},
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
			additionalFields: { mailingListIds: ['999'] },
		});

		expect(result.error?.message).toBe(
			'Mail Komplet rejected the request: The mailingListIds field refers to mailing list 999, which does not exist.',
		);
		expect(result.error?.httpCode).toBe('400');
	});
});

describe('Contact custom columns', () => {
	beforeEach(() => {
		const add = (name: string, dataTypeId: number) =>
			t.sandbox.store.addCustomColumn({ name, dataTypeId, caption: name.toUpperCase() });
		add('city', 1);
		add('spend', 2);
		add('vip', 3);
		add('last_order', 4);
		add('birthday', 5);
		add('call_at', 6);
		add('tier', 7);
	});

	const upsert = (extra: Record<string, unknown>) =>
		t.run({ resource: 'contact', operation: 'upsert', email: 'jan@webkomplet.cz', ...extra });

	it('offers each column to the mapper with a field type matching its data type', async () => {
		expect(await resourceMapping(t.credentials, 'getCustomColumnFields')).toEqual({
			fields: [
				['city', 'CITY (text)', 'string'],
				['spend', 'SPEND (number)', 'number'],
				['vip', 'VIP (yes/no)', 'boolean'],
				['last_order', 'LAST_ORDER (date and time)', 'dateTime'],
				['birthday', 'BIRTHDAY (date)', 'dateTime'],
				['call_at', 'CALL_AT (time)', 'time'],
				['tier', 'TIER (option)', 'string'],
			].map(([id, displayName, type]) => ({
				id,
				displayName,
				type,
				required: false,
				defaultMatch: false,
				display: true,
			})),
		});
	});

	it('converts each mapped value to what the API expects for its data type', async () => {
		const result = await upsert({
			customColumnsMode: 'map',
			customColumns: mapped({
				city: 'Brno',
				spend: '12,5',
				vip: 'ano',
				last_order: '2026-03-01T08:30:00.000+00:00',
				birthday: '1990-05-31T00:00:00',
				call_at: '9:05',
				tier: 'gold',
			}),
		});

		expect(result.error).toBeUndefined();
		expect(t.sent()[1].body).toEqual({
			email: 'jan@webkomplet.cz',
			customColumns: {
				city: 'Brno',
				spend: 12.5,
				vip: true,
				// 08:30 UTC is 09:30 in Prague, the workflow's time zone.
				last_order: '2026-03-01T09:30:00',
				birthday: '1990-05-31',
				call_at: '09:05:00',
				tier: 'gold',
			},
		});
	});

	it('maps input fields named like columns automatically and leaves the others', async () => {
		await t.run(
			{
				resource: 'contact',
				operation: 'upsert',
				email: '={{ $json.email }}',
				customColumnsMode: 'map',
				customColumns: { mappingMode: 'autoMapInputData', value: null },
			},
			{ items: [{ json: { email: 'jan@webkomplet.cz', city: 'Praha', vip: false, note: 'x' } }] },
		);

		expect(t.sent()[1].body).toEqual({
			email: 'jan@webkomplet.cz',
			customColumns: { city: 'Praha', vip: false },
		});
	});

	it('takes JSON for power users and refuses unknown columns naming the known ones', async () => {
		const ok = await upsert({
			customColumnsMode: 'json',
			customColumnsJson: '{"cc_city": "Ostrava"}',
		});
		expect(ok.error).toBeUndefined();
		expect(t.sent()[1].body).toEqual({
			email: 'jan@webkomplet.cz',
			customColumns: { city: 'Ostrava' },
		});

		const unknown = await upsert({
			customColumnsMode: 'json',
			customColumnsJson: '{"town": "Ostrava"}',
		});
		expect(unknown.error?.message).toBe('Unknown custom column "town"');
		expect(unknown.error?.description).toBe(
			'This account has: city, spend, vip, last_order, birthday, call_at, tier. Create the column in Mail Komplet first, or correct the name.',
		);
		expect(t.sent().map((r) => r.method)).toEqual(['GET']);
	});

	it('refuses malformed JSON and wrongly typed values with the field and item', async () => {
		const malformed = await upsert({ customColumnsMode: 'json', customColumnsJson: '{"city": ' });
		expect(malformed.error?.message).toMatch(/^Custom Columns \(JSON\) is not valid JSON: /);

		const wrongType = await upsert({
			customColumnsMode: 'json',
			customColumnsJson: '{"spend": "a lot"}',
		});
		expect(wrongType.error?.message).toBe(
			'Custom column "spend" needs a number, got "a lot"',
		);
		expect(t.sent().filter((r) => r.method === 'POST')).toEqual([]);
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

		expect(result.error?.message).toBe('Set at least one Update Field');
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

	it('returns the main fields only with Simplify, on by default from node version 1.1', async () => {
		const listId = customerList();
		const [contact] = t.sandbox.store.addContacts(1, { mailingListIds: [listId] });
		const main = {
			contactId: contact.contactId,
			email: `kontakt.${contact.contactId}@example.com`,
			name: 'Kontakt',
			surname: String(contact.contactId),
			mobilePhone: null,
			company: null,
			customColumns: {},
			created: NOW,
			lastUpdate: NOW,
			lastOpen: null,
			lastClick: null,
		};

		const got = await t.run(
			{ resource: 'contact', operation: 'get', contactId: byId(contact.contactId) },
			{ typeVersion: 1.1 },
		);
		const listed = await t.run(
			{
				resource: 'contact',
				operation: 'getAll',
				returnAll: true,
				filters: { mailingListId: byId(listId) },
			},
			{ typeVersion: 1.1 },
		);
		const full = await t.run(
			{ resource: 'contact', operation: 'getAll', returnAll: true, simplify: false },
			{ typeVersion: 1.1 },
		);

		expect(jsonOf(got)).toEqual([main]);
		expect(jsonOf(listed)).toEqual([main]);
		expect(Object.keys(jsonOf(full)[0])).toHaveLength(17);
	});

	it('says which contact was not found', async () => {
		const result = await t.run({ resource: 'contact', operation: 'get', contactId: byId(5) });

		expect(result.error?.message).toBe('No contact with ID 5');
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
			'Page Size must be a whole number from 1 to 10000, got 0',
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
			contactIds: `={{ "${ids.join(', ')}" }}`,
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
		const result = await t.run({
			resource: 'contact',
			operation: 'delete',
			contactIds: '={{ "12, x" }}',
		});

		expect(result.error?.message).toBe(
			'Contact Names or IDs must be a numeric ID, got "x"',
		);
		expect(t.sent()).toEqual([]);
	});
});

describe('Contact > Get Activity', () => {
	it('reads the history of a contact by e-mail, one item per action, up to the Limit', async () => {
		t.sandbox.reset('demo');
		const email = t.sandbox.store.transactionalEmails.rows[0].toAddress;
		const history = contactActivity(t.sandbox.store, email);
		expect(history.length).toBeGreaterThan(1);

		const all = await t.run({
			resource: 'contact',
			operation: 'getActivity',
			email,
			returnAll: true,
		});
		const limited = await t.run({
			resource: 'contact',
			operation: 'getActivity',
			email,
			returnAll: false,
			limit: 1,
		});

		expect(t.sent()).toEqual([
			{ method: 'GET', path: '/contacts/getContactActivity', query: { email } },
			{ method: 'GET', path: '/contacts/getContactActivity', query: { email } },
		]);
		expect(jsonOf(all)).toEqual(JSON.parse(JSON.stringify(history)));
		expect(jsonOf(limited)).toEqual([JSON.parse(JSON.stringify(history[0]))]);
	});
});
