import { API_HEADERS, byId, useSandbox } from '../helpers/sandbox';
import { jsonOf } from '../harness';

const t = useSandbox();

const CREATED = '2026-01-15T10:00:00';

beforeEach(() => {
	t.sandbox.clock.set(CREATED);
	let n = 0;
	t.sandbox.store.guid = () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
});

describe('Mailing List > Create', () => {
	it('POSTs name, isTest and description and returns the new mailingListId', async () => {
		const result = await t.run({
			resource: 'mailingList',
			operation: 'create',
			name: 'Newsletter',
			isTest: true,
			additionalFields: { description: 'Monthly news' },
		});

		expect(result.error).toBeUndefined();
		const [request] = t.sandbox.requests;
		expect(request.headers).toMatchObject({ ...API_HEADERS, 'content-type': 'application/json' });
		expect(t.sent()).toEqual([
			{
				method: 'POST',
				path: '/mailingLists',
				query: {},
				body: { name: 'Newsletter', isTest: true, description: 'Monthly news' },
			},
		]);
		expect(result.items).toEqual([
			{
				json: {
					mailingListId: 11601,
					name: 'Newsletter',
					isTest: true,
					description: 'Monthly news',
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	it('creates one list per input item, each paired with its item', async () => {
		const result = await t.run(
			{ resource: 'mailingList', operation: 'create', name: '={{ $json.list }}', isTest: false },
			{ items: [{ json: { list: 'A' } }, { json: { list: 'B' } }] },
		);

		expect(t.sent().map((r) => r.body)).toEqual([
			{ name: 'A', isTest: false },
			{ name: 'B', isTest: false },
		]);
		expect(result.items.map((i) => [i.json.mailingListId, i.pairedItem])).toEqual([
			[11601, { item: 0 }],
			[11602, { item: 1 }],
		]);
	});

	it('refuses an empty name without sending a request', async () => {
		const result = await t.run({
			resource: 'mailingList',
			operation: 'create',
			name: ' ',
			isTest: false,
		});

		expect(result.error?.message).toBe('Name is required');
		expect(t.sent()).toEqual([]);
	});
});

describe('Mailing List > Get Many', () => {
	beforeEach(() => {
		for (const name of ['Customers', 'Testers', 'Partners']) {
			t.sandbox.store.addMailingList({ name, isTest: name === 'Testers' });
		}
	});

	it('returns every list as the API gives it, one item per list', async () => {
		const result = await t.run({ resource: 'mailingList', operation: 'getAll', returnAll: true });

		expect(t.sent()).toEqual([
			{ method: 'GET', path: '/mailingLists', query: { page: '1', pageSize: '1000' } },
		]);
		expect(jsonOf(result)[1]).toEqual({
			mailingListId: 11602,
			name: 'Testers',
			description: null,
			created: CREATED,
			updated: CREATED,
			availableForCampaign: true,
			availableForContact: true,
			contactAssigned: null,
			guid: '00000000-0000-4000-8000-000000000002',
			isTest: true,
		});
		expect(jsonOf(result).map((list) => list.name)).toEqual(['Customers', 'Testers', 'Partners']);
	});

	it('returns the main fields only with Simplify, on by default from node version 1.1', async () => {
		const parameters = { resource: 'mailingList', operation: 'getAll', returnAll: true };

		const simplified = await t.run(parameters, { typeVersion: 1.1 });
		const full = await t.run({ ...parameters, simplify: false }, { typeVersion: 1.1 });

		expect(jsonOf(simplified)[1]).toEqual({
			mailingListId: 11602,
			name: 'Testers',
			description: null,
			isTest: true,
			contactAssigned: null,
		});
		expect(Object.keys(jsonOf(full)[1])).toHaveLength(10);
	});

	it('sends every documented filter with the API names', async () => {
		const result = await t.run({
			resource: 'mailingList',
			operation: 'getAll',
			returnAll: false,
			limit: 10,
			filters: { mailingListId: '11602', isTesting: true, contactId: '7457801', campaignId: 26701 },
		});

		expect(t.sent()).toEqual([
			{
				method: 'GET',
				path: '/mailingLists',
				query: {
					mailingListId: '11602',
					isTesting: 'true',
					contactId: '7457801',
					campaignId: '26701',
					page: '1',
					pageSize: '10',
				},
			},
		]);
		expect(result.error).toBeUndefined();
	});

	it('stops at the Limit', async () => {
		const result = await t.run({
			resource: 'mailingList',
			operation: 'getAll',
			returnAll: false,
			limit: 2,
		});

		expect(jsonOf(result).map((list) => list.name)).toEqual(['Customers', 'Testers']);
		expect(t.sent()).toEqual([
			{ method: 'GET', path: '/mailingLists', query: { page: '1', pageSize: '2' } },
		]);
	});

	it('refuses a non-numeric Mailing List ID filter without sending a request', async () => {
		const result = await t.run({
			resource: 'mailingList',
			operation: 'getAll',
			returnAll: true,
			filters: { mailingListId: '12a' },
		});

		expect(result.error?.message).toBe(
			'Mailing List must be a numeric ID, got "12a"',
		);
		expect(t.sent()).toEqual([]);
	});
});

describe('Mailing List > Update', () => {
	it('PUTs only the changed fields to /mailingLists/{mailingListId}', async () => {
		const list = t.sandbox.store.addMailingList({ name: 'Old name' });
		const result = await t.run({
			resource: 'mailingList',
			operation: 'update',
			mailingListId: byId(list.mailingListId),
			updateFields: { name: 'New name' },
		});

		expect(t.sent()).toEqual([
			{ method: 'PUT', path: '/mailingLists/11601', query: {}, body: { name: 'New name' } },
		]);
		expect(jsonOf(result)).toEqual([{ success: true, mailingListId: 11601, name: 'New name' }]);
		expect(t.sandbox.store.mailingLists.get(11601)?.name).toBe('New name');
	});

	it('refuses an ID mapped from data that would leave the mailing list path', async () => {
		const result = await t.run(
			{
				resource: 'mailingList',
				operation: 'update',
				mailingListId: byId('={{ $json.id }}'),
				updateFields: { name: 'x' },
			},
			{ items: [{ json: { id: '1/../contacts' } }] },
		);

		expect(result.error?.message).toBe(
			'Mailing List must be a numeric ID, got "1/../contacts"',
		);
		expect(t.sent()).toEqual([]);
	});

	it('lets n8n itself refuse a typed ID that is not digits', async () => {
		const result = await t.run({
			resource: 'mailingList',
			operation: 'update',
			mailingListId: byId('12a'),
			updateFields: { name: 'x' },
		});

		expect(result.error?.message).toMatch(/node has issues/);
		expect(result.error?.message).toContain('Use the numeric ID, digits only');
		expect(t.sent()).toEqual([]);
	});

	it('reports a list that does not exist as a 404 naming the problem', async () => {
		const result = await t.run({
			resource: 'mailingList',
			operation: 'update',
			mailingListId: byId(999),
			updateFields: { name: 'x' },
		});

		expect(result.error?.message).toBe('The requested Mail Komplet record does not exist');
		expect(result.error?.httpCode).toBe('404');
	});
});

describe('Mailing List > Delete', () => {
	it('deletes the lists and keeps their contacts by default', async () => {
		const a = t.sandbox.store.addMailingList({ name: 'A' });
		const b = t.sandbox.store.addMailingList({ name: 'B' });
		t.sandbox.store.addContacts(2, { mailingListIds: [a.mailingListId] });

		const result = await t.run({
			resource: 'mailingList',
			operation: 'delete',
			mailingListIds: [a.mailingListId, b.mailingListId],
			unassign: true,
		});

		expect(t.sent()).toEqual([
			{
				method: 'DELETE',
				path: '/mailingLists',
				query: { mailingListIds: '11601,11602', unassign: 'true' },
			},
		]);
		expect(jsonOf(result)).toEqual([
			{ success: true, mailingListIds: [11601, 11602], unassign: true },
		]);
		expect(t.sandbox.store.mailingLists.size).toBe(0);
		expect(t.sandbox.store.contacts.size).toBe(2);
	});

	it('takes IDs from an expression as text and deletes the contacts too when asked', async () => {
		const a = t.sandbox.store.addMailingList({ name: 'A' });
		t.sandbox.store.addContacts(2, { mailingListIds: [a.mailingListId] });

		await t.run(
			{
				resource: 'mailingList',
				operation: 'delete',
				mailingListIds: '={{ $json.ids }}',
				unassign: false,
			},
			{ items: [{ json: { ids: '11601' } }] },
		);

		expect(t.sent()[0].query).toEqual({ mailingListIds: '11601', unassign: 'false' });
		expect(t.sandbox.store.contacts.size).toBe(0);
	});
});
