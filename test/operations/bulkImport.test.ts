import type { INodeExecutionData } from 'n8n-workflow';

import { jsonOf } from '../harness';
import { useSandbox } from '../helpers/sandbox';

const t = useSandbox();

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const people = (count: number, from = 0): INodeExecutionData[] =>
	Array.from({ length: count }, (_, i) => ({
		json: { email: `clovek.${from + i}@example.cz`, first: `Jméno ${from + i}` },
	}));

const bulkImport = (extra: Record<string, unknown> = {}) => ({
	resource: 'contact',
	operation: 'bulkImport',
	contactSource: 'defined',
	email: '={{ $json.email }}',
	additionalFields: { name: '={{ $json.first }}' },
	...extra,
});

describe('Contact > Bulk Import', () => {
	it('imports 20,000 items in four requests and waits until Mail Komplet has finished', async () => {
		const listId = t.sandbox.store.addMailingList({ name: 'Imported' }).mailingListId;

		const result = await t.run(
			bulkImport({
				mailingListIds: [String(listId)],
				preImportAction: 1,
				contactOverwriteMode: 2,
			}),
			{ items: people(20_000) },
		);

		expect(result.error).toBeUndefined();
		const requests = t.sent();
		const uploads = requests.filter((r) => r.method === 'POST');
		expect(uploads.map((r) => r.path)).toEqual(Array(4).fill('/contacts/bulk'));
		expect(uploads[0].body).toMatchObject({
			preImportAction: 1,
			contactOverwriteMode: 2,
			mailingListIds: [listId],
		});
		expect((uploads[0].body as { contacts: unknown[] }).contacts[0]).toEqual({
			email: 'clovek.0@example.cz',
			name: 'Jméno 0',
		});
		expect(uploads.map((r) => (r.body as { contacts: unknown[] }).contacts.length)).toEqual([
			5000, 5000, 5000, 5000,
		]);
		// Queued, Processing, then SuccessfulyFinished: three polls for each of the four imports.
		const polls = requests.filter((r) => r.path === '/contacts/getBulkInfo');
		expect(polls).toHaveLength(12);
		expect(requests).toHaveLength(16);

		expect(jsonOf(result)).toEqual(
			[1, 2, 3, 4].map((batch) => ({
				operationId: expect.stringMatching(GUID),
				status: 'SuccessfulyFinished',
				errors: null,
				errorMessage: null,
				contactCount: 5000,
				batch,
				batchCount: 4,
			})),
		);
		expect(result.items[1].pairedItem).toHaveLength(5000);
		expect((result.items[1].pairedItem as Array<{ item: number }>)[0]).toEqual({ item: 5000 });
		expect(t.sandbox.store.contacts.size).toBe(20_000);
		expect(t.sandbox.store.membersOf(listId)).toHaveLength(20_000);
	});

	it('returns the operationId at once without waiting when asked', async () => {
		const result = await t.run(
			bulkImport({ options: { waitForCompletion: false, batchSize: 2 } }),
			{
				items: people(3),
			},
		);

		expect(t.sent().map((r) => `${r.method} ${r.path}`)).toEqual([
			'POST /contacts/bulk',
			'POST /contacts/bulk',
		]);
		expect(jsonOf(result)).toEqual([
			{
				operationId: expect.stringMatching(GUID),
				status: 'Queued',
				contactCount: 2,
				batch: 1,
				batchCount: 2,
			},
			{
				operationId: expect.stringMatching(GUID),
				status: 'Queued',
				contactCount: 1,
				batch: 2,
				batchCount: 2,
			},
		]);
	});

	it('fails with the API error text when the import ends in Error', async () => {
		const result = await t.run(bulkImport({ additionalFields: { mobilePhone: 'call me' } }), {
			items: people(2),
		});

		expect(result.error?.message).toMatch(
			/^Bulk import [0-9a-f-]{36} failed: Import failed: 2 of 2 rows are invalid, nothing was imported\. Row 1: The contacts\[0\]\.mobilePhone field is not a valid phone number\./,
		);
		expect(t.sandbox.store.contacts.size).toBe(0);
	});

	it('refuses an item without a valid e-mail before sending anything', async () => {
		const items = [...people(2), { json: { email: 'broken' } }];

		const result = await t.run(bulkImport(), { items });

		expect(result.error?.message).toBe('Email is not a valid e-mail address: "broken"');
		expect(result.error?.context?.itemIndex).toBe(2);
		expect(t.sent()).toEqual([]);
	});

	it('with Continue On Fail imports the valid items and reports the invalid ones', async () => {
		const items = [{ json: { email: 'broken' } }, ...people(2)];

		const result = await t.run(bulkImport(), { items, continueOnFail: true });

		expect(result.items[0]).toEqual({
			json: {
				error: 'Email is not a valid e-mail address: "broken"',
				description: 'Set "Email" to an address such as jan@example.cz.',
			},
			pairedItem: { item: 0 },
		});
		expect(result.items[1].json).toMatchObject({ status: 'SuccessfulyFinished', contactCount: 2 });
		expect(result.items[1].pairedItem).toEqual([{ item: 1 }, { item: 2 }]);
	});

	it('with Continue On Fail and no valid item sends nothing and reports each item', async () => {
		const result = await t.run(bulkImport(), {
			items: [{ json: { email: 'x' } }, { json: { email: 'y' } }],
			continueOnFail: true,
		});

		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(t.sent()).toEqual([]);
	});

	it('refuses an empty import: an item whose e-mail mapping gives nothing', async () => {
		const result = await t.run(bulkImport({ email: '={{ $json.missing }}' }), { items: people(1) });

		expect(result.error?.message).toBe('Email is required');
		expect(t.sent()).toEqual([]);
	});

	it('refuses a batch size out of range', async () => {
		const result = await t.run(bulkImport({ options: { batchSize: 20_000 } }), {
			items: people(1),
		});

		expect(result.error?.message).toBe(
			'Batch Size must be a whole number from 1 to 10000, got 20000',
		);
		expect(t.sent()).toEqual([]);
	});
});

describe('Contact > Bulk Import with the fields of each item', () => {
	const fromItems = { resource: 'contact', operation: 'bulkImport' };

	it('takes the API-named fields of each item as they are, custom columns included', async () => {
		t.sandbox.store.addCustomColumn({ name: 'city', dataTypeId: 1 });
		const items = [
			{
				json: {
					email: 'jan@webkomplet.cz',
					name: 'Jan',
					sex: 'true',
					company: 'Webkomplet',
					customColumns: { city: 'Brno' },
					ignored: 'not a contact field',
				},
			},
			{ json: { email: 'jana@webkomplet.cz', surname: 'Nováková', sex: false } },
		];

		const result = await t.run(fromItems, { items });

		const [columns, upload] = t.sent();
		expect(columns).toEqual({
			method: 'GET',
			path: '/customColumns',
			query: { page: '1', pageSize: '1000' },
		});
		expect(upload.body).toEqual({
			preImportAction: 1,
			contactOverwriteMode: 1,
			contacts: [
				{
					email: 'jan@webkomplet.cz',
					name: 'Jan',
					sex: true,
					company: 'Webkomplet',
					customColumns: { city: 'Brno' },
				},
				{ email: 'jana@webkomplet.cz', surname: 'Nováková', sex: false },
			],
		});
		expect(jsonOf(result)).toEqual([
			{
				operationId: expect.stringMatching(GUID),
				status: 'SuccessfulyFinished',
				errors: null,
				errorMessage: null,
				contactCount: 2,
				batch: 1,
				batchCount: 1,
			},
		]);
		expect(t.sandbox.store.findContactByEmail('jan@webkomplet.cz')?.customColumns).toEqual({
			cc_city: 'Brno',
		});
	});

	it('names the item that has no email field', async () => {
		const result = await t.run(fromItems, {
			items: [{ json: { email: 'a@b.cz' } }, { json: { mail: 'x' } }],
		});

		expect(result.error?.message).toBe('The item has no email field');
		expect(result.error?.context?.itemIndex).toBe(1);
		expect(t.sent()).toEqual([]);
	});

	it('refuses customColumns that are not a JSON object', async () => {
		const result = await t.run(fromItems, {
			items: [{ json: { email: 'a@b.cz', customColumns: '{"city": ' } }],
		});

		expect(result.error?.message).toMatch(/^customColumns is not valid JSON: /);
		expect(t.sent()).toEqual([]);
	});
});

describe('Contact > Get Bulk Import Status', () => {
	it('reads the status of an import by its operationId', async () => {
		const imported = await t.run(bulkImport({ options: { waitForCompletion: false } }), {
			items: people(1),
		});
		const operationId = String(jsonOf(imported)[0].operationId);
		t.sent();

		const result = await t.run({
			resource: 'contact',
			operation: 'getBulkImportStatus',
			operationId,
		});

		expect(t.sent()).toEqual([
			{ method: 'GET', path: '/contacts/getBulkInfo', query: { operationId } },
		]);
		expect(jsonOf(result)).toEqual([
			{ operationId, status: 'Queued', errors: null, errorMessage: null },
		]);
	});

	it('refuses something that is not an operation ID', async () => {
		const result = await t.run({
			resource: 'contact',
			operation: 'getBulkImportStatus',
			operationId: '../contacts',
		});

		expect(result.error?.message).toBe(
			'Operation ID must be the GUID a Bulk Import returned, got "../contacts"',
		);
		expect(t.sent()).toEqual([]);
	});
});
