/**
 * Parallel Requests (Retries and Timeout): per-item operations run that many items at once.
 * Output stays in input order with its pairedItem, and everything else behaves as when the
 * items run one after another.
 */
import type { INodeParameters } from 'n8n-workflow';

import { CHAOS_FAULTS } from '../sandbox';
import { FAST } from './helpers/faults';
import { fixClockAndGuids } from './helpers/operations';
import { beforeRunEnds, releasingEvery, useSandbox } from './helpers/sandbox';
import {
	address,
	emailsPosted,
	emailsStored,
	once,
	range,
	recipients,
	sendEmail as sendEmailTo,
} from './helpers/sends';

const t = useSandbox();
fixClockAndGuids(t);

const sendEmail = (requestOptions: INodeParameters = { parallelRequests: 8 }) =>
	sendEmailTo(requestOptions);
/** The recipient of each e-mail POST, in the order the sandbox received them. */
const posted = () => emailsPosted(t.sandbox);
const stored = () => emailsStored(t.sandbox);
/** The item numbers 0..n-1. */
const first = (n: number) => range(0, n - 1);

/** How many requests each e-mail POST found still unanswered when it arrived, in order. */
const underWayBefore = () => t.sandbox.requests.map((request) => request.concurrent);

describe('Parallel Requests', () => {
	it('sends 8 items at once, the 9th once one of them is answered', async () => {
		// The first 8 answers are held until all 8 are under way.
		t.sandbox.inject({ method: 'POST', kind: 'slow', times: 8 });

		const result = await releasingEvery(t.sandbox, 8, t.run(sendEmail(), { items: recipients(9) }));

		expect(result.error).toBeUndefined();
		const found = underWayBefore();
		expect(found.slice(0, 8)).toEqual(range(0, 7));
		expect(found[8]).toBeLessThan(8);
		expect([...posted()].sort()).toEqual(first(9).map(address).sort());
	});

	it('by default sends one item at a time', async () => {
		// Each answer is held until the test sees it under way: a second request would find it unanswered.
		t.sandbox.inject({ method: 'POST', kind: 'slow', times: 2 });

		await releasingEvery(t.sandbox, 1, t.run(sendEmail({}), { items: recipients(2) }));

		expect(underWayBefore()).toEqual([0, 0]);
		expect(posted()).toEqual([address(0), address(1)]);
	});

	it('keeps the input order and pairedItem when later items are answered first', async () => {
		// Items 0-2 are answered only once all 20 requests came.
		t.sandbox.inject({ method: 'POST', kind: 'slow', times: 3 });
		const run = t.run(sendEmail(), { items: recipients(20) });

		await beforeRunEnds(run, t.sandbox.untilReceived(20), 'all 20 requests came');
		expect(t.sandbox.held.release()).toBe(3);
		const result = await run;

		expect(result.items.map((item) => [item.json.email, item.pairedItem])).toEqual(
			first(20).map((n) => [address(n), { item: n }]),
		);
		expect(stored()).toEqual(once(first(20)));
		expect(posted()).toHaveLength(20);
	});

	it('with On Error > Continue, puts each refused item in its place and sends the others once', async () => {
		t.sandbox.inject({ kind: 'refuse', recipient: address(3) });
		t.sandbox.inject({ kind: 'refuse', recipient: address(12) });

		const result = await t.run(sendEmail(), { items: recipients(20), continueOnFail: true });

		const refused = (n: number) => ({
			json: {
				error: `Mail Komplet rejected the request: The recipient ${address(n)} was refused.`,
				description: 'Check the field named in the message above and correct its value.',
			},
			pairedItem: { item: n },
		});
		expect(result.items[3]).toEqual(refused(3));
		expect(result.items[12]).toEqual(refused(12));
		expect(result.items.map((item) => item.pairedItem)).toEqual(
			first(20).map((item) => ({ item })),
		);
		expect(stored()).toEqual(once(first(20).filter((n) => n !== 3 && n !== 12)));
		expect(posted()).toHaveLength(20);
	});

	it('retries a busy Mail Komplet per item, as one at a time does', async () => {
		t.sandbox.inject({ method: 'POST', status: 429, headers: { 'retry-after': '0' }, times: 3 });

		const result = await t.run(sendEmail({ parallelRequests: 8, ...FAST }), {
			items: recipients(20),
		});

		expect(result.error).toBeUndefined();
		expect(posted()).toHaveLength(23);
		expect(stored()).toEqual(once(first(20)));
	});
});

describe('Parallel Requests and a fatal error', () => {
	const createLists = {
		resource: 'mailingList',
		operation: 'create',
		name: '={{ $json.name }}',
		isTest: false,
		requestOptions: { parallelRequests: 8 },
	};
	// Item 2 has no name: it fails before its request, while items 0-7 are already started.
	const lists = first(20).map((n) => ({ json: { name: n === 2 ? '' : `List ${n}` } }));
	const started = [0, 1, 3, 4, 5, 6, 7].map((n) => `List ${n}`);
	const names = () => t.sent().map((request) => (request.body as { name: string }).name);

	it('starts no new item; the ones in flight finish; the node fails with the error', async () => {
		const result = await t.run(createLists, { items: lists });

		expect(result.error?.message).toBe('Name is required');
		expect([...names()].sort()).toEqual(started);
		expect(t.sandbox.store.mailingLists.size).toBe(7);
	});

	it("remembers the ones in flight for n8n's Retry On Fail, which creates none of them again", async () => {
		const result = await t.run(createLists, {
			items: lists,
			settings: { retryOnFail: true, maxTries: 3, waitBetweenTries: 1 },
		});

		expect(result.error?.message).toBe('Name is required');
		// Each retry fails at item 2 again; items it started before noticing are new ones, made once.
		const sent = names();
		expect(sent.slice(0, 7).sort()).toEqual(started);
		expect(new Set(sent).size).toBe(sent.length);
		expect(t.sandbox.store.mailingLists.rows.map((list) => list.name).sort()).toEqual(
			[...sent].sort(),
		);
	});

	it('sends each of 20 items once with Retry On Fail, the API refusing item 10 on the first try', async () => {
		t.sandbox.inject({ kind: 'refuse', recipient: address(10) });

		const result = await t.run(sendEmail(), {
			items: recipients(20),
			settings: { retryOnFail: true, maxTries: 2, waitBetweenTries: 1 },
		});

		expect(result.error).toBeUndefined();
		expect(stored()).toEqual(once(first(20)));
		// Item 10 twice (refused, then sent); of the others, none twice.
		expect([...posted()].sort()).toEqual([...first(20), 10].map(address).sort());
		expect(result.items.map((item) => [item.json.email, item.pairedItem])).toEqual(
			first(20).map((n) => [address(n), { item: n }]),
		);
	});
});

describe('Parallel Requests under faults', () => {
	it.each([1, 2, 3])(
		'never sends a message twice: seeded faults on a third of 60 sends at once (seed %p)',
		async (seed) => {
			t.sandbox.chaos({ seed, rate: 0.33, method: 'POST', faults: CHAOS_FAULTS });

			const result = await t.run(sendEmail({ parallelRequests: 8, maxTries: 10, ...FAST }), {
				items: recipients(60),
				continueOnFail: true,
				settings: { retryOnFail: true, maxTries: 2, waitBetweenTries: 1 },
			});

			const counts = stored();
			expect(Math.max(...Object.values(counts))).toBe(1);
			expect(result.items.some((item) => item.json.error !== undefined)).toBe(true);
			result.items.forEach((item, n) => {
				expect(item.pairedItem).toEqual({ item: n });
				// Sent items are stored once; a lost answer is reported, stored at most once.
				if (item.json.error === undefined) expect(counts[address(n)]).toBe(1);
				else expect(item.json.error).toMatch(/may or may not have been sent/);
			});
		},
	);
});
