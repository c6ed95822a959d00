import type { INodeParameters } from 'n8n-workflow';

import type { RecordedRequest } from '../sandbox';
import { jsonOf } from './harness';
import { FAST, useFakeClock } from './helpers/faults';
import { beforeRunEnds, releasingEvery, useSandbox } from './helpers/sandbox';

/** Contact > Get Many in pages of `pageSize`, with Retries and Timeout options. */
const getContacts = (
	pageSize: number,
	requestOptions: INodeParameters = {},
	paging: INodeParameters = { returnAll: true },
) => ({
	resource: 'contact',
	operation: 'getAll',
	...paging,
	options: { pageSize },
	requestOptions: { ...FAST, ...requestOptions },
});

/** The pages the sandbox was asked for, in the order the requests arrived. */
const pagesAsked = (requests: RecordedRequest[]) => requests.map((r) => Number(r.query.page));

const ascending = (pages: number[]) => [...pages].sort((a, b) => a - b);

const range = (from: number, to: number) =>
	Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('Return All reads the pages in parallel once page 1 gave the counts', () => {
	const t = useSandbox();
	let contactIds: number[];
	beforeEach(() => {
		contactIds = t.sandbox.store.addContacts(1_050).map((c) => c.contactId);
	});
	/** Holds the answers to the `count` requests after page 1. */
	const holdPages = (count: number) =>
		t.sandbox.inject({ method: 'GET', path: '/contacts', kind: 'slow', skip: 1, times: count });

	it('at Pages in Parallel 1, asks for pages 1 to 11 one after another and returns each contact once, in order', async () => {
		const result = await t.run(getContacts(100, { pageConcurrency: 1 }));

		expect(result.error).toBeUndefined();
		expect(jsonOf(result).map((c) => c.contactId)).toEqual(contactIds);
		expect(pagesAsked(t.sandbox.requests)).toEqual(range(1, 11));
		expect(t.sandbox.requests.map((r) => r.concurrent)).toEqual(Array(11).fill(0));
	});

	it('by default, asks for page 1 alone, then has up to 4 pages under way, and returns the same output', async () => {
		holdPages(8);

		const result = await releasingEvery(t.sandbox, 4, t.run(getContacts(100)));

		expect(result.error).toBeUndefined();
		expect(jsonOf(result).map((c) => c.contactId)).toEqual(contactIds);
		const [first, ...rest] = t.sandbox.requests;
		expect([first.query.page, first.concurrent]).toEqual(['1', 0]);
		expect(ascending(pagesAsked(rest))).toEqual(range(2, 11));
		expect(rest.every((r) => r.query.pageSize === '100')).toBe(true);
		expect(Math.max(...rest.map((r) => r.concurrent))).toBe(3);
	});

	it('at Pages in Parallel 8, has up to 8 pages under way', async () => {
		holdPages(8);

		const result = await releasingEvery(
			t.sandbox,
			8,
			t.run(getContacts(100, { pageConcurrency: 8 })),
		);

		expect(jsonOf(result).map((c) => c.contactId)).toEqual(contactIds);
		expect(ascending(pagesAsked(t.sandbox.requests))).toEqual(range(1, 11));
		expect(Math.max(...t.sandbox.requests.map((r) => r.concurrent))).toBe(7);
	});

	it("keeps the server's order when a later page answers first", async () => {
		holdPages(4);
		const run = t.run(getContacts(100));

		// Pages 2 to 5 are under way; page 2 is answered last of them.
		await beforeRunEnds(run, t.sandbox.held.untilHeld(4), 'pages 2 to 5 were under way');
		expect(t.sandbox.held.release((request) => request.query.page !== '2')).toBe(3);
		expect(t.sandbox.held.release()).toBe(1);
		const result = await run;

		expect(jsonOf(result).map((c) => c.contactId)).toEqual(contactIds);
		expect(pagesAsked(t.sandbox.requests.slice(0, 5))).toEqual([1, 2, 3, 4, 5]);
		expect(t.sandbox.requests[1].fault).toBe('slow after the write');
	});

	it('retries a failed page by the usual rules and still returns each contact once', async () => {
		t.sandbox.inject({ method: 'GET', path: '/contacts', status: 503, skip: 3 });
		t.sandbox.inject({ method: 'GET', path: '/contacts', kind: 'drop', skip: 6 });

		const result = await t.run(getContacts(100));

		expect(result.error).toBeUndefined();
		expect(jsonOf(result).map((c) => c.contactId)).toEqual(contactIds);
		expect(ascending(pagesAsked(t.sandbox.requests.filter((r) => r.status === 200)))).toEqual(
			range(1, 11),
		);
		expect(t.sandbox.requests).toHaveLength(13);
	});

	it('refuses Pages in Parallel outside 1 to 10', async () => {
		const result = await t.run(getContacts(100, { pageConcurrency: 11 }));

		expect(result.error?.message).toBe('Pages in Parallel must be a number from 1 to 10, got 11');
		expect(t.sandbox.requests).toHaveLength(0);
	});
});

describe('a Retry-After on one page slows the whole run, not only that page', () => {
	const t = useSandbox();
	const clock = useFakeClock();

	it.each([429, 503])(
		'after a %i, no request goes out until the pause is over, and at most 2 are under way after it',
		async (status) => {
			const contactIds = t.sandbox.store.addContacts(2_000).map((c) => c.contactId);
			// Page 1 passes; of the next four under way, three are held and the last told to wait 1 s.
			t.sandbox.inject({ method: 'GET', path: '/contacts', kind: 'slow', skip: 1, times: 3 });
			t.sandbox.inject({
				method: 'GET',
				path: '/contacts',
				status,
				headers: { 'retry-after': '1' },
			});
			clock.holdWaits();
			const run = t.run(getContacts(100));

			// Told to wait, then answered the three held pages: it waits with the next page too.
			await beforeRunEnds(run, clock.untilWaiting(1), 'the node waited');
			t.sandbox.held.release();
			const nextPage = Promise.race([clock.untilWaiting(2), t.sandbox.untilReceived(6)]);
			await beforeRunEnds(run, nextPage, 'the next page waited or went out');
			const beforePause = t.sandbox.requests.length;
			clock.advance(1000);
			const result = await run;

			expect(result.error).toBeUndefined();
			expect(jsonOf(result).map((c) => c.contactId)).toEqual(contactIds);
			expect(t.sandbox.requests.findIndex((r) => r.status === status)).toBe(4);
			expect(beforePause).toBe(5);
			expect(clock.waits).toEqual([1000, 1000]);
			const after = t.sandbox.requests.slice(beforePause);
			expect(Math.max(...after.map((r) => r.concurrent))).toBeLessThanOrEqual(1);
			expect(ascending(pagesAsked(t.sandbox.requests.filter((r) => r.status === 200)))).toEqual(
				range(1, 20),
			);
		},
	);
});

describe('a server that does not page ends the run with an error naming the endpoint', () => {
	const t = useSandbox();
	beforeEach(() => t.sandbox.store.addContacts(250));
	const faults = (...kinds: Array<'pageIgnored' | 'countsMissing'>) => {
		for (const kind of kinds)
			t.sandbox.inject({ method: 'GET', path: '/contacts', kind, times: 1_000 });
	};

	it('page ignored, counts kept: stops at the page that repeats page 1 and returns nothing', async () => {
		faults('pageIgnored');

		const result = await t.run(getContacts(100, { pageConcurrency: 1 }));

		expect(result.error?.message).toBe(
			"Mail Komplet's GET /contacts sent records again on page 2 that earlier pages already sent",
		);
		expect(result.error?.description).toContain('does not seem to page this list');
		expect(result.items).toEqual([]);
		expect(pagesAsked(t.sandbox.requests)).toEqual([1, 2]);
	});

	it('page ignored, counts kept, pages in parallel: the same error after at most the pages under way', async () => {
		faults('pageIgnored');

		const result = await t.run(getContacts(50));

		expect(result.error?.message).toBe(
			"Mail Komplet's GET /contacts sent records again on page 2 that earlier pages already sent",
		);
		expect(result.items).toEqual([]);
		expect(ascending(pagesAsked(t.sandbox.requests))).toEqual([1, 2, 3, 4, 5]);
	});

	it('page ignored and counts missing: two requests, then the error', async () => {
		faults('pageIgnored', 'countsMissing');

		const result = await t.run(getContacts(100));

		expect(result.error?.message).toBe(
			"Mail Komplet's GET /contacts sent records again on page 2 that earlier pages already sent",
		);
		expect(pagesAsked(t.sandbox.requests)).toEqual([1, 2]);
	});

	it('with Continue On Fail, the error is the only output item', async () => {
		faults('pageIgnored');

		const result = await t.run(getContacts(100), { continueOnFail: true });

		expect(result.items).toEqual([
			{
				json: {
					error:
						"Mail Komplet's GET /contacts sent records again on page 2 that earlier pages already sent",
					description: expect.stringContaining('does not seem to page this list'),
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	it('records without an ID count as repeated when the whole record is', async () => {
		for (let i = 0; i < 30; i++)
			t.sandbox.store.addTransactionalSms({ to: '+420600000000', text: `SMS ${i}` });
		t.sandbox.inject({ method: 'GET', path: '/transactionalSms', kind: 'pageIgnored', times: 10 });

		const result = await t.run({
			resource: 'transactionalSms',
			operation: 'getAll',
			returnAll: true,
			options: { pageSize: 20 },
			requestOptions: { pageConcurrency: 1 },
		});

		expect(result.error?.message).toBe(
			"Mail Komplet's GET /transactionalSms sent records again on page 2 that earlier pages already sent",
		);
	});

	it('page beyond the stated total: more records than counted end the run', async () => {
		const extra = Array.from({ length: 100 }, (_, i) => ({ contactId: 900_000 + i }));
		t.sandbox.inject({
			method: 'GET',
			path: '/contacts',
			status: 200,
			skip: 2,
			body: { totalRecordCount: 250, pageCount: 3, data: extra },
		});

		const result = await t.run(getContacts(100, { pageConcurrency: 1 }));

		expect(result.error?.message).toBe(
			"Mail Komplet's GET /contacts sent 300 records by page 3, more than the 250 it counted",
		);
		expect(result.items).toEqual([]);
	});

	it('more pages than any run should read: refused after page 1', async () => {
		t.sandbox.inject({
			method: 'GET',
			path: '/contacts',
			status: 200,
			body: { totalRecordCount: 500_000, pageCount: 500_000, data: [{ contactId: 1 }] },
		});

		const result = await t.run(getContacts(1));

		expect(result.error?.message).toBe(
			"Mail Komplet's GET /contacts has more than 100,000 pages of 1",
		);
		expect(result.error?.description).toBe(
			'Reading stopped there. Use a larger Page Size, a Limit or filters.',
		);
		expect(t.sandbox.requests).toHaveLength(1);
	});

	it('counts missing on a server that pages: one page after another until a short one', async () => {
		faults('countsMissing');

		const result = await t.run(getContacts(100));

		expect(jsonOf(result).map((c) => c.contactId)).toEqual(
			t.sandbox.store.contacts.rows.map((c) => c.contactId),
		);
		expect(pagesAsked(t.sandbox.requests)).toEqual([1, 2, 3]);
		expect(t.sandbox.requests.map((r) => r.concurrent)).toEqual([0, 0, 0]);
	});
});

describe('a Limit reads only the pages it needs', () => {
	const t = useSandbox();
	let contactIds: number[];
	beforeEach(() => {
		contactIds = t.sandbox.store.addContacts(1_000).map((c) => c.contactId);
	});

	it('within page 1: one request, for just that many', async () => {
		const result = await t.run(getContacts(100, {}, { returnAll: false, limit: 30 }));

		expect(jsonOf(result).map((c) => c.contactId)).toEqual(contactIds.slice(0, 30));
		expect(t.sandbox.requests.map((r) => r.query)).toEqual([{ page: '1', pageSize: '30' }]);
	});

	it('over three pages: pages 1 to 3 and no more', async () => {
		const result = await t.run(getContacts(100, {}, { returnAll: false, limit: 250 }));

		expect(jsonOf(result).map((c) => c.contactId)).toEqual(contactIds.slice(0, 250));
		expect(ascending(pagesAsked(t.sandbox.requests))).toEqual([1, 2, 3]);
	});
});
