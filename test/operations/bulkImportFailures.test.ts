/**
 * Contact > Bulk Import when something fails: combinations that cannot be done safely are refused
 * before any request; a batch that fails in the middle reports what became of every batch
 * (queued with its operation ID, maybe queued, refused, not sent), and On Error > Continue gives
 * an error item per failed or unsent batch while the other batches' results still come out.
 */
import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import type { RunResult } from '../harness';
import { jsonOf, RETRY_ON_FAIL } from '../harness';
import { useFakeClock } from '../helpers/faults';
import { useSandbox } from '../helpers/sandbox';

const t = useSandbox();
useFakeClock();

const people = (count: number): INodeExecutionData[] =>
	Array.from({ length: count }, (_, i) => ({ json: { email: `novy.${i}@example.cz` } }));

const bulkImport = (parameters: INodeParameters = {}): INodeParameters => ({
	resource: 'contact',
	operation: 'bulkImport',
	...parameters,
});

function listWithOldMember(): number {
	const listId = t.sandbox.store.addMailingList({ name: 'Replaced' }).mailingListId;
	t.sandbox.store.addContact({ email: 'stary@example.cz', mailingListIds: [listId] });
	return listId;
}

const emailsOn = (listId: number) => t.sandbox.store.membersOf(listId).map((c) => c.email);

/** Each request as "POST <preImportAction> <contacts>" or "GET <the n-th operation ID>". */
function requestLines(): string[] {
	const ids: string[] = [];
	return t.sent().map((request) => {
		if (request.method === 'POST') {
			const body = request.body as { preImportAction: number; contacts: unknown[] };
			return `POST ${body.preImportAction} ${body.contacts.length}`;
		}
		const id = request.query.operationId;
		if (!ids.includes(id)) ids.push(id);
		return `GET ${ids.indexOf(id) + 1}`;
	});
}

const operationIds = (result: RunResult) =>
	jsonOf(result)
		.filter((json) => json.operationId)
		.map((json) => String(json.operationId));

describe('Contact > Bulk Import refuses before sending anything', () => {
	it.each([
		[2, 'Empty the Lists First'],
		[3, 'Delete List Contacts First'],
	])('Before Import %i without a mailing list', async (preImportAction, label) => {
		const result = await t.run(bulkImport({ preImportAction }), { items: people(3) });

		expect(result.error?.message).toBe(`Before Import "${label}" needs at least one mailing list`);
		expect(result.error?.description).toBe(
			'It acts on the chosen mailing lists, and none is chosen. Choose the lists to replace under Mailing List Names or IDs, or set Before Import to "Add New, Keep Existing".',
		);
		expect(t.sent()).toEqual([]);
	});

	it('Delete List Contacts First under Retry On Fail, which would delete what the first try created', async () => {
		const listId = listWithOldMember();

		const result = await t.run(
			bulkImport({ mailingListIds: [String(listId)], preImportAction: 3 }),
			{
				items: people(3),
				settings: RETRY_ON_FAIL,
			},
		);

		expect(result.error?.message).toBe(
			'Before Import "Delete List Contacts First" cannot run with Retry On Fail',
		);
		expect(result.error?.description).toContain('Turn off Retry On Fail');
		expect(t.sent()).toEqual([]);
		expect(emailsOn(listId)).toEqual(['stary@example.cz']);
	});
});

describe('Contact > Bulk Import repeating what is safe to repeat', () => {
	it('Empty the Lists First under Retry On Fail: the second try after a failed batch replaces the list again, completely', async () => {
		const listId = listWithOldMember();
		t.sandbox.inject({ method: 'POST', path: '/contacts/bulk', status: 400, skip: 1 });

		const result = await t.run(
			bulkImport({
				mailingListIds: [String(listId)],
				preImportAction: 2,
				options: { batchSize: 2 },
			}),
			{ items: people(5), settings: RETRY_ON_FAIL },
		);

		expect(result.error).toBeUndefined();
		expect(requestLines()).toEqual([
			// First try: batch 1 replaces, batch 2 is refused.
			'POST 2 2',
			'GET 1',
			'GET 1',
			'GET 1',
			'POST 1 2',
			// Second try: the whole import again.
			'POST 2 2',
			'GET 2',
			'GET 2',
			'GET 2',
			'POST 1 2',
			'POST 1 1',
			...['GET 3', 'GET 4', 'GET 3', 'GET 4', 'GET 3', 'GET 4'],
		]);
		expect(emailsOn(listId)).toEqual(people(5).map((item) => item.json.email));
	});

	it('Empty the Lists First: a lost answer to the first batch is sent again, and the list still ends exact', async () => {
		const listId = listWithOldMember();
		t.sandbox.inject({ method: 'POST', path: '/contacts/bulk', status: 503, applied: true });

		const result = await t.run(
			bulkImport({
				mailingListIds: [String(listId)],
				preImportAction: 2,
				options: { batchSize: 2 },
				requestOptions: { retryDelayMs: 1 },
			}),
			{ items: people(3) },
		);

		expect(result.error).toBeUndefined();
		// The lost one was queued too: Mail Komplet runs it before the one the node waits for.
		expect(t.sandbox.store.bulkOperations.size).toBe(3);
		expect(requestLines()).toEqual([
			'POST 2 2',
			'POST 2 2',
			'GET 1',
			'GET 1',
			'GET 1',
			'POST 1 1',
			'GET 2',
			'GET 2',
			'GET 2',
		]);
		expect(emailsOn(listId)).toEqual(people(3).map((item) => item.json.email));
	});

	it('Delete List Contacts First: a lost answer to the first batch is not sent again', async () => {
		const listId = listWithOldMember();
		t.sandbox.inject({ method: 'POST', path: '/contacts/bulk', status: 503, applied: true });

		const result = await t.run(
			bulkImport({
				mailingListIds: [String(listId)],
				preImportAction: 3,
				options: { batchSize: 2 },
			}),
			{ items: people(3) },
		);

		expect(requestLines()).toEqual(['POST 3 2']);
		expect(result.error?.message).toBe(
			'Mail Komplet may or may not have queued the import: the answer was lost (503, 1 try) (batch 1 of 2)',
		);
		expect(result.error?.description).toBe(
			[
				"It was not sent again: a second import deleting the lists' contacts would delete the ones the first one created.",
				[
					'Batch 1 of 2 (items 0-1): may have been queued (Mail Komplet may or may not have queued the import: the answer was lost (503, 1 try)); not sent again.',
					'Batch 2 of 2 (item 2): not sent.',
				].join('\n'),
				'A batch that may have been queued has no operation ID to check: look in Mail Komplet whether its contacts arrived before sending them again.',
			].join('\n\n'),
		);
	});
});

describe('Contact > Bulk Import failing in the middle', () => {
	const addOnly = (options: INodeParameters = {}) =>
		bulkImport({ options: { batchSize: 2, ...options } });

	it('a refused batch stops the import; the error names the queued batches by operation ID and the unsent ones', async () => {
		t.sandbox.inject({ method: 'POST', path: '/contacts/bulk', status: 400, skip: 1 });

		const result = await t.run(addOnly(), { items: people(7) });

		expect(requestLines()).toEqual(['POST 1 2', 'POST 1 2']);
		const [queued] = [...t.sandbox.store.bulkOperations.keys()];
		expect(result.error?.message).toBe(
			'Mail Komplet rejected the request: Injected fault 400. (batch 2 of 4)',
		);
		expect(result.error?.description).toBe(
			[
				'Check the field named in the message above and correct its value.',
				[
					`Batch 1 of 4 (items 0-1): queued as ${queued}.`,
					'Batch 2 of 4 (items 2-3): refused, not queued (Mail Komplet rejected the request: Injected fault 400.).',
					'Batches 3-4 of 4 (items 4-6): not sent.',
				].join('\n'),
				'Check the imports still running with Contact > Get Bulk Import Status.',
			].join('\n\n'),
		);
	});

	it('a batch whose answer was lost says it may have been queued', async () => {
		t.sandbox.inject({
			method: 'POST',
			path: '/contacts/bulk',
			status: 503,
			applied: true,
			skip: 1,
		});

		const result = await t.run(
			bulkImport({ options: { batchSize: 2 }, requestOptions: { maxTries: 1 } }),
			{ items: people(3), continueOnFail: true },
		);

		expect(requestLines()).toEqual(['POST 1 2', 'POST 1 1', 'GET 1', 'GET 1', 'GET 1']);
		const [first] = operationIds(result);
		expect(jsonOf(result)).toEqual([
			{
				operationId: first,
				status: 'SuccessfulyFinished',
				errors: null,
				errorMessage: null,
				contactCount: 2,
				batch: 1,
				batchCount: 2,
			},
			{
				error: 'Mail Komplet had a server error (503, 1 try)',
				description: 'Mail Komplet said: Injected fault 503. Try again in a few minutes.',
				queued: 'unknown',
				contactCount: 1,
				batch: 2,
				batchCount: 2,
			},
		]);
		expect(result.items[1].pairedItem).toEqual([{ item: 2 }]);
	});

	it('with On Error > Continue a refused batch becomes an error item and the other batches go on', async () => {
		t.sandbox.inject({ method: 'POST', path: '/contacts/bulk', status: 400, skip: 1 });

		const result = await t.run(addOnly(), { items: people(5), continueOnFail: true });

		expect(requestLines()).toEqual([
			'POST 1 2',
			'POST 1 2',
			'POST 1 1',
			...['GET 1', 'GET 2', 'GET 1', 'GET 2', 'GET 1', 'GET 2'],
		]);
		const [first, third] = operationIds(result);
		expect(jsonOf(result)).toEqual([
			{
				operationId: first,
				status: 'SuccessfulyFinished',
				errors: null,
				errorMessage: null,
				contactCount: 2,
				batch: 1,
				batchCount: 3,
			},
			{
				error: 'Mail Komplet rejected the request: Injected fault 400.',
				description: 'Check the field named in the message above and correct its value.',
				queued: 'no',
				contactCount: 2,
				batch: 2,
				batchCount: 3,
			},
			{
				operationId: third,
				status: 'SuccessfulyFinished',
				errors: null,
				errorMessage: null,
				contactCount: 1,
				batch: 3,
				batchCount: 3,
			},
		]);
		expect(result.items.map((item) => item.pairedItem)).toEqual([
			[{ item: 0 }, { item: 1 }],
			[{ item: 2 }, { item: 3 }],
			[{ item: 4 }],
		]);
		expect(t.sandbox.store.contacts.rows.map((c) => c.email)).toEqual([
			'novy.0@example.cz',
			'novy.1@example.cz',
			'novy.4@example.cz',
		]);
	});

	const withBadPhoneIn = (item: number) =>
		people(5).map((person, index) =>
			index === item ? { json: { ...person.json, mobilePhone: 'call me' } } : person,
		);

	it('an import that ends in Error fails the node naming every batch, after all were processed', async () => {
		const result = await t.run(addOnly(), { items: withBadPhoneIn(3) });

		const ids = [...t.sandbox.store.bulkOperations.keys()];
		expect(result.error?.message).toMatch(
			new RegExp(
				`^Bulk import ${ids[1]} failed: Import failed: 1 of 2 rows are invalid, nothing was imported\\. .* \\(batch 2 of 3\\)$`,
			),
		);
		expect(result.error?.description).toContain(
			[
				`Batch 1 of 3 (items 0-1): queued as ${ids[0]}, SuccessfulyFinished.`,
				`Batch 2 of 3 (items 2-3): queued as ${ids[1]}, Error.`,
				`Batch 3 of 3 (item 4): queued as ${ids[2]}, SuccessfulyFinished.`,
			].join('\n'),
		);
	});

	it('with On Error > Continue an import that ends in Error is an error item among the results', async () => {
		const result = await t.run(addOnly(), { items: withBadPhoneIn(3), continueOnFail: true });

		const ids = operationIds(result);
		expect(jsonOf(result)[1]).toEqual({
			operationId: ids[1],
			status: 'Error',
			errors: 'Row 2: The contacts[1].mobilePhone field is not a valid phone number.',
			errorMessage: expect.stringMatching(/^Import failed: 1 of 2 rows are invalid/),
			error: expect.stringMatching(new RegExp(`^Bulk import ${ids[1]} failed: `)),
			description: expect.stringMatching(/^Import failed: 1 of 2 rows are invalid/),
			queued: 'yes',
			contactCount: 2,
			batch: 2,
			batchCount: 3,
		});
		expect(jsonOf(result).map((json) => json.status)).toEqual([
			'SuccessfulyFinished',
			'Error',
			'SuccessfulyFinished',
		]);
		expect(t.sandbox.store.contacts.size).toBe(3);
	});
});

describe('Contact > Bulk Import replacing lists, failing in the first batch', () => {
	const replacing = (listId: number, options: INodeParameters = {}) =>
		bulkImport({
			mailingListIds: [String(listId)],
			preImportAction: 2,
			options: { batchSize: 2, ...options },
		});

	it('a first batch that ends in Error leaves the list as it was and the rest unsent', async () => {
		const listId = listWithOldMember();
		const items = people(5);
		items[1].json.mobilePhone = 'call me';

		const result = await t.run(replacing(listId), { items, continueOnFail: true });

		expect(requestLines()).toEqual(['POST 2 2', 'GET 1', 'GET 1', 'GET 1']);
		const notSent = {
			error: 'Not sent: the first batch, which was to empty the lists, failed or did not finish',
			description:
				'Later batches only add, so they go only after the first batch has emptied the lists.',
			queued: 'no',
		};
		expect(jsonOf(result)).toEqual([
			expect.objectContaining({ status: 'Error', queued: 'yes', batch: 1, batchCount: 3 }),
			{ ...notSent, contactCount: 2, batch: 2, batchCount: 3 },
			{ ...notSent, contactCount: 1, batch: 3, batchCount: 3 },
		]);
		expect(result.items.map((item) => item.pairedItem)).toEqual([
			[{ item: 0 }, { item: 1 }],
			[{ item: 2 }, { item: 3 }],
			[{ item: 4 }],
		]);
		expect(emailsOn(listId)).toEqual(['stary@example.cz']);
	});

	it('a first batch still running after Max Wait: the error gives its operation ID and sends nothing more', async () => {
		const listId = listWithOldMember();

		const result = await t.run(replacing(listId, { maxWaitSeconds: 1 }), { items: people(3) });

		expect(requestLines()).toEqual(['POST 2 2', 'GET 1', 'GET 1']);
		const [id] = [...t.sandbox.store.bulkOperations.keys()];
		expect(result.error?.message).toBe('Bulk import still Processing after 1 s (batch 1 of 2)');
		expect(result.error?.description).toBe(
			[
				'Check later with Contact > Get Bulk Import Status. Raise "Max Wait" to wait longer.',
				[
					`Batch 1 of 2 (items 0-1): queued as ${id}, Processing when last checked.`,
					'Batch 2 of 2 (item 2): not sent.',
				].join('\n'),
				'Check the imports still running with Contact > Get Bulk Import Status.',
			].join('\n\n'),
		);
	});
});
