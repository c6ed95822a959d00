/**
 * Contact > Bulk Import with Before Import "Empty the Lists First" (preImportAction 2) or
 * "Delete List Contacts First" (3): the lists end up holding exactly the imported contacts, in
 * however many batches they go.
 */
import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import type { RunResult } from '../harness';
import { jsonOf } from '../harness';
import { useFakeClock } from '../helpers/faults';
import { useSandbox } from '../helpers/sandbox';

const t = useSandbox();
const clock = useFakeClock();

const people = (count: number): INodeExecutionData[] =>
	Array.from({ length: count }, (_, i) => ({ json: { email: `novy.${i}@example.cz` } }));

const replacing = (listId: number, preImportAction: number, options: INodeParameters = {}) => ({
	resource: 'contact',
	operation: 'bulkImport',
	mailingListIds: [String(listId)],
	preImportAction,
	options,
});

/** A list with three members, one of them also on another list. */
function listWithOldMembers() {
	const { store } = t.sandbox;
	const listId = store.addMailingList({ name: 'Replaced' }).mailingListId;
	const otherId = store.addMailingList({ name: 'Other' }).mailingListId;
	store.addContact({ email: 'stary.1@example.cz', mailingListIds: [listId] });
	store.addContact({ email: 'stary.2@example.cz', mailingListIds: [listId] });
	store.addContact({ email: 'stary.3@example.cz', mailingListIds: [listId, otherId] });
	return listId;
}

const emailsOn = (listId: number) =>
	t.sandbox.store
		.membersOf(listId)
		.map((c) => c.email)
		.sort();

const upload = (listId: number, preImportAction: number, from: number, to: number) => ({
	method: 'POST',
	path: '/contacts/bulk',
	query: {},
	body: {
		preImportAction,
		contactOverwriteMode: 1,
		mailingListIds: [listId],
		contacts: people(to - from + 1).map((_, i) => ({ email: `novy.${from + i}@example.cz` })),
	},
});
const poll = (operationId: unknown) => ({
	method: 'GET',
	path: '/contacts/getBulkInfo',
	query: { operationId },
});
/** The operation IDs of the batches, as the output gives them: distinct GUIDs. */
function operationIds(result: RunResult): string[] {
	const ids = jsonOf(result).map((json) => String(json.operationId));
	expect(new Set(ids).size).toBe(ids.length);
	for (const id of ids)
		expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/);
	return ids;
}

describe.each([
	[2, ['stary.1@example.cz', 'stary.2@example.cz', 'stary.3@example.cz']],
	[3, []],
])('Contact > Bulk Import with preImportAction %i', (preImportAction, oldStillInAccount) => {
	it('replaces the list in the first batch, waits for it, then adds the other batches', async () => {
		const listId = listWithOldMembers();

		const result = await t.run(replacing(listId, preImportAction, { batchSize: 2 }), {
			items: people(5),
		});

		expect(result.error).toBeUndefined();
		const ids = operationIds(result);
		expect(t.sent()).toEqual([
			upload(listId, preImportAction, 0, 1),
			...Array(3).fill(poll(ids[0])),
			upload(listId, 1, 2, 3),
			upload(listId, 1, 4, 4),
			...Array(3)
				.fill([poll(ids[1]), poll(ids[2])])
				.flat(),
		]);
		expect(jsonOf(result)).toEqual(
			[2, 2, 1].map((contactCount, index) => ({
				operationId: ids[index],
				status: 'SuccessfulyFinished',
				errors: null,
				errorMessage: null,
				contactCount,
				batch: index + 1,
				batchCount: 3,
			})),
		);
		expect(result.items.map((item) => item.pairedItem)).toEqual([
			[{ item: 0 }, { item: 1 }],
			[{ item: 2 }, { item: 3 }],
			[{ item: 4 }],
		]);
		expect(emailsOn(listId)).toEqual(people(5).map((item) => item.json.email));
		expect(
			t.sandbox.store.contacts.rows.map((c) => c.email).filter((e) => e.startsWith('stary')),
		).toEqual(oldStillInAccount);
	});

	it('250 contacts at Batch Size 100 all end up on the list', async () => {
		const listId = listWithOldMembers();

		const result = await t.run(replacing(listId, preImportAction, { batchSize: 100 }), {
			items: people(250),
		});

		expect(result.error).toBeUndefined();
		expect(emailsOn(listId)).toEqual(
			people(250)
				.map((item) => String(item.json.email))
				.sort(),
		);
	});

	it('waits for the replacing batch even without Wait for Completion', async () => {
		const listId = listWithOldMembers();

		const result = await t.run(
			replacing(listId, preImportAction, { batchSize: 2, waitForCompletion: false }),
			{ items: people(3) },
		);

		const ids = operationIds(result);
		expect(t.sent()).toEqual([
			upload(listId, preImportAction, 0, 1),
			...Array(3).fill(poll(ids[0])),
			upload(listId, 1, 2, 2),
		]);
		expect(jsonOf(result)).toEqual([
			{
				operationId: ids[0],
				status: 'SuccessfulyFinished',
				errors: null,
				errorMessage: null,
				contactCount: 2,
				batch: 1,
				batchCount: 2,
			},
			{ operationId: ids[1], status: 'Queued', contactCount: 1, batch: 2, batchCount: 2 },
		]);
	});

	it('in one batch sends the action once, as before', async () => {
		const listId = listWithOldMembers();

		const result = await t.run(replacing(listId, preImportAction), { items: people(3) });

		const [id] = operationIds(result);
		expect(t.sent()).toEqual([upload(listId, preImportAction, 0, 2), ...Array(3).fill(poll(id))]);
		expect(jsonOf(result)).toHaveLength(1);
		expect(emailsOn(listId)).toEqual(people(3).map((item) => item.json.email));
	});
});

describe('Contact > Bulk Import replacing a list of 25,000 at the default Batch Size', () => {
	it('ends with exactly the 25,000 imported contacts on the list, none of the old members', async () => {
		const listId = t.sandbox.store.addMailingList({ name: 'Newsletter' }).mailingListId;
		const old = t.sandbox.store.addContacts(30_000, { mailingListIds: [listId] });
		// The last batch brings back 5,000 of the old members; the first batch took them off.
		const items = [
			...people(20_000),
			...old.slice(-5000).map((c) => ({ json: { email: c.email } })),
		];
		const imported = new Set(items.map((item) => item.json.email));

		// How long this takes with the waits between polls: bench/index.ts, replacingImport.
		const result = await t.run(replacing(listId, 2), { items });

		expect(result.error).toBeUndefined();
		const ids = operationIds(result);
		const requests = t.sent();
		expect(
			requests.map((r) =>
				r.method === 'POST'
					? `POST ${(r.body as { preImportAction: number }).preImportAction} ${(r.body as { contacts: unknown[] }).contacts.length}`
					: `GET ${r.query.operationId}`,
			),
		).toEqual([
			'POST 2 5000',
			...Array(3).fill(`GET ${ids[0]}`),
			...Array(4).fill('POST 1 5000'),
			...[1, 2, 3].flatMap(() => ids.slice(1).map((id) => `GET ${id}`)),
		]);
		// Queued, then Processing: one wait after each, for the first batch and then the rest.
		expect(clock.waits).toEqual([500, 1000, 500, 1000]);
		const members = t.sandbox.store.membersOf(listId).map((c) => c.email);
		expect(members).toHaveLength(25_000);
		expect(members.filter((email) => !imported.has(email))).toEqual([]);
		expect(new Set(members).size).toBe(25_000);
	}, 60_000);
});
