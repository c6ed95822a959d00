/**
 * Soak: thousands of mixed operations while a fifth of all requests meet a fault (any retryable
 * status, connections dropped before and after the write, answers cut short or too slow),
 * seeded so every run meets the same faults. Afterwards: every contact exists once, no create is
 * duplicated, every send is recorded once or reported as an error item, every read returned
 * every record once, and no safe write was lost.
 */
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { CHAOS_FAULTS } from '../../sandbox';
import { jsonOf } from '../harness';
import { errorItems, useFakeClock } from '../helpers/faults';
import { byId, useSandbox } from '../helpers/sandbox';

// One run in phases: each builds on the store and the seeded faults the ones before left.
const t = useSandbox({}, { shared: true });
useFakeClock();

/**
 * Enough tries that a fifth of faults never exhausts them (0.2^10); a short timeout, as a slow
 * answer is held until the node gave up on it.
 */
const requestOptions = { maxTries: 10, retryDelayMs: 1, timeoutMs: 250 };
const SLOW = { kind: 'slow' as const, applied: true };

const itemsOf = (values: IDataObject[]): INodeExecutionData[] => values.map((json) => ({ json }));
const range = (count: number) => Array.from({ length: count }, (_, index) => index);

async function run(parameters: INodeParameters, items: INodeExecutionData[]) {
	const result = await t.run({ ...parameters, requestOptions }, { items, continueOnFail: true });
	expect(result.error).toBeUndefined();
	return result.items;
}

/** Items that failed must say the write may or may not have happened; returns their indexes. */
function ambiguousFailures(items: INodeExecutionData[]): Set<number> {
	const failures = errorItems(items);
	for (const failure of failures) expect(failure.error).toMatch(/may or may not have/);
	return new Set(failures.map((f) => f.item));
}

describe('soak: every write exactly once under a fifth of faults', () => {
	const store = () => t.sandbox.store;
	let existing: string[];
	let columns: number[];

	beforeAll(() => {
		existing = store()
			.addContacts(200, { domain: 'soak.example' })
			.map((c) => c.email);
		columns = range(40).map(
			(n) => store().addCustomColumn({ name: `old_${n}`, dataTypeId: 1 }).customColumnId,
		);
		t.sandbox.chaos({ seed: 'soak', rate: 0.2, faults: [...CHAOS_FAULTS, SLOW] });
	});

	it('upserts 1,000 new addresses and the 200 existing ones again: each contact once', async () => {
		const emails = [...range(1000).map((n) => `new${n}@soak.example`), ...existing];

		const upserts = await run(
			{ resource: 'contact', operation: 'upsert', email: '={{ $json.email }}' },
			itemsOf(emails.map((email) => ({ email }))),
		);

		expect(errorItems(upserts)).toEqual([]);
		for (const email of emails) {
			expect(store().contacts.rows.filter((c) => c.email === email)).toHaveLength(1);
		}
		expect(store().contacts.size).toBe(1200);
	});

	it('updates 400 contacts, each', async () => {
		const updated = store()
			.contacts.rows.slice(0, 400)
			.map((c) => c.contactId);

		const updates = await run(
			{
				resource: 'contact',
				operation: 'update',
				contactId: byId('={{ $json.id }}'),
				updateFields: { name: 'Updated' },
			},
			itemsOf(updated.map((id) => ({ id }))),
		);

		expect(errorItems(updates)).toEqual([]);
		for (const id of updated) expect(store().contacts.get(id)?.name).toBe('Updated');
	});

	it.each([
		[
			'150 mailing lists',
			{ resource: 'mailingList', operation: 'create', name: '={{ $json.name }}', isTest: false },
			range(150).map((n) => `List ${n}`),
			(name: string) => store().mailingLists.rows.filter((l) => l.name === name),
		],
		[
			'60 coupon groups',
			{ resource: 'couponGroup', operation: 'create', name: '={{ $json.name }}', color: '#3E50B4' },
			range(60).map((n) => `Group ${n}`),
			(name: string) => store().saleCouponGroups.rows.filter((g) => g.name === name),
		],
	] as const)(
		'creates %s: none twice, a missing one reported as such',
		async (_what, parameters, names, made) => {
			const output = await run(parameters, itemsOf(names.map((name) => ({ name }))));

			const failed = ambiguousFailures(output);
			names.forEach((name, item) => {
				const records = made(name);
				expect(records.length).toBeLessThanOrEqual(1);
				if (records.length === 0) expect(failed.has(item)).toBe(true);
			});
			expect(failed.size).toBeLessThan(names.length / 10);
		},
	);

	const sendTo = (prefix: string, count: number) =>
		range(count).map((n) => `${prefix}${n}@soak.example`);

	it.each([
		['per item, 300 e-mails', { sendMode: 'perItem' }, sendTo('each', 300)],
		['in batches of 20, 200 e-mails', { sendMode: 'batch', batchSize: 20 }, sendTo('batch', 200)],
	] as const)(
		'sends %s: each once, or an error item saying it may have been sent',
		async (_what, mode, recipients) => {
			const output = await run(
				{
					resource: 'transactionalEmail',
					operation: 'send',
					...mode,
					fromAddress: 'shop@soak.example',
					to: '={{ $json.to }}',
					content: 'custom',
					subject: 'Soak',
					bodyText: 'Hello',
				},
				itemsOf(recipients.map((to) => ({ to }))),
			);

			const failed = ambiguousFailures(output);
			const succeeded = new Set(
				output.filter((item) => item.json.error === undefined).map((item) => item.json.email),
			);
			recipients.forEach((to, item) => {
				const recorded = store().transactionalEmails.rows.filter((e) => e.toAddress === to).length;
				expect(recorded).toBeLessThanOrEqual(1);
				if (recorded === 0) expect(failed.has(item)).toBe(true);
				if (succeeded.has(to)) expect(recorded).toBe(1);
			});
		},
	);

	it('deletes 40 custom columns: all gone, a repeat after a lost answer finds them gone', async () => {
		const deletes = await run(
			{ resource: 'customColumn', operation: 'delete', customColumnId: byId('={{ $json.id }}') },
			itemsOf(columns.map((id) => ({ id }))),
		);

		expect(errorItems(deletes)).toEqual([]);
		for (const id of columns) expect(store().customColumns.has(id)).toBe(false);
	});

	it('reads every contact exactly once, five times over', async () => {
		const everyId = store().contacts.rows.map((c) => c.contactId);
		for (const read of range(5)) {
			const result = await t.run({
				resource: 'contact',
				operation: 'getAll',
				returnAll: true,
				options: { pageSize: 50 },
				requestOptions,
			});
			expect([read, result.error]).toEqual([read, undefined]);
			expect(jsonOf(result).map((c) => c.contactId)).toEqual(everyId);
		}
	});

	it('met faults of every kind along the way', () => {
		const struck = new Set(t.sandbox.requests.map((r) => r.fault).filter(Boolean));
		expect(t.sandbox.requests.length).toBeGreaterThan(2500);
		expect(struck.size).toBeGreaterThanOrEqual(CHAOS_FAULTS.length);
	});
});
