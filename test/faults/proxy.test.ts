/**
 * A proxy, a CDN or a maintenance page answering instead of Mail Komplet is no success: a 2xx
 * that is not JSON and any redirect (never followed) fail the request. The API never saw it, so
 * a write is "not done": safe writes and reads are retried, creates and sends fail once,
 * saying so, and nothing is reported written that was not.
 */
import type { IDataObject } from 'n8n-workflow';

import { PROXY_FAULTS } from '../../sandbox';
import { jsonOf } from '../harness';
import { errorItems, FAST, useFakeClock } from '../helpers/faults';
import { useSandbox } from '../helpers/sandbox';

const t = useSandbox();
useFakeClock();

const COUNT = 200;
const emails = Array.from({ length: COUNT }, (_, n) => `signup${n}@example.cz`);
const upsertEach = { resource: 'contact', operation: 'upsert', email: '={{ $json.email }}' };
const items = emails.map((email): { json: IDataObject } => ({ json: { email } }));

const stored = (email: string) => t.sandbox.store.contacts.rows.filter((c) => c.email === email);
const upsertsOf = (email: string) =>
	t.sandbox.requests.filter(
		(r) => r.method === 'POST' && (r.body as IDataObject | undefined)?.email === email,
	);

describe('Contact > Create or Update of 200 contacts, 15% answered by a web page or a 302 to one', () => {
	beforeEach(() =>
		t.sandbox.chaos({ seed: 'proxy', rate: 0.15, faults: PROXY_FAULTS, method: 'POST' }),
	);

	it('retries each one (an upsert is safe to repeat): every contact is stored once, no error', async () => {
		const result = await t.run({ ...upsertEach, requestOptions: FAST }, { items });

		expect(errorItems(result.items)).toEqual([]);
		expect(jsonOf(result).map((contact) => contact.email)).toEqual(emails);
		for (const email of emails) expect(stored(email)).toHaveLength(1);
		const struck = t.sandbox.requests.filter((r) => r.fault);
		expect(struck.length).toBeGreaterThan(COUNT / 10);
		expect(new Set(struck.map((r) => r.fault))).toEqual(
			new Set(['page 200 before the write', 'redirect 302 before the write']),
		);
		for (const request of struck) {
			const tries = upsertsOf((request.body as IDataObject).email as string);
			expect(tries.at(-1)?.fault).toBeUndefined();
		}
	});

	it('with one try, reports each one it could not write as not done, and stores the rest', async () => {
		const result = await t.run(
			{ ...upsertEach, requestOptions: { ...FAST, maxTries: 1 } },
			{ items, continueOnFail: true },
		);

		const failed = errorItems(result.items);
		expect(failed.length).toBeGreaterThan(COUNT / 10);
		for (const { item, error } of failed) {
			expect(error).toMatch(
				/^POST \/contacts was not done: (a web page answered instead of Mail Komplet \(200|the address redirected to http:\/\/127\.0\.0\.1:\d+\/maintenance \(302), 1 try\)$/,
			);
			expect(stored(emails[item])).toEqual([]);
		}
		const failedItems = new Set(failed.map((f) => f.item));
		emails.forEach((email, item) => {
			if (!failedItems.has(item)) expect(stored(email)).toHaveLength(1);
		});
		expect(t.sandbox.store.contacts.size).toBe(COUNT - failed.length);
		expect(t.sandbox.requests).toHaveLength(COUNT);
	});
});

describe('a create or send answered by something that is not Mail Komplet', () => {
	it.each([
		[
			'Mailing List > Create, a web page',
			{ resource: 'mailingList', operation: 'create', name: 'Customers', isTest: false },
			{ kind: 'page' as const },
			'POST /mailingLists was not done: a web page answered instead of Mail Komplet (200, 1 try)',
		],
		[
			'Transactional SMS > Send, a redirect',
			{
				resource: 'transactionalSms',
				operation: 'send',
				sendMode: 'perItem',
				to: '+420775000001',
				text: 'Hi',
			},
			{ kind: 'redirect' as const },
			expect.stringMatching(
				/^POST \/transactionalSms was not done: the address redirected to http:\/\/127\.0\.0\.1:\d+\/maintenance \(302, 1 try\)$/,
			),
		],
	])(
		'%s: fails once as not done, sends nothing again and looks nothing up',
		async (_title, parameters, fault, message) => {
			t.sandbox.inject({ ...fault, method: 'POST' });

			const result = await t.run({ ...parameters, requestOptions: FAST });

			expect(result.error?.message).toEqual(message);
			expect(result.error?.description).toMatch(
				/^Nothing was saved or sent: the answer came from something between n8n and Mail Komplet/,
			);
			expect(t.sent().map((r) => r.method)).toEqual(['POST']);
			expect(t.sandbox.store.mailingLists.size + t.sandbox.store.transactionalSms.size).toBe(0);
		},
	);
});

describe('Get Many with Return All against a web page', () => {
	it('fails naming the endpoint, after every try met the page', async () => {
		t.sandbox.store.addMailingList({ name: 'Customers' });
		t.sandbox.inject({ method: 'GET', kind: 'page', times: 10 });

		const result = await t.run({
			resource: 'mailingList',
			operation: 'getAll',
			returnAll: true,
			requestOptions: FAST,
		});

		expect(result.items).toEqual([]);
		expect(result.error?.message).toBe(
			'GET /mailingLists failed: a web page answered instead of Mail Komplet (200, 5 tries)',
		);
		expect(result.error?.description).toContain(
			'Check the Base URL in the Mail Komplet credential',
		);
		expect(JSON.stringify(result.error)).not.toContain('We will be back soon');
		expect(t.sent()).toHaveLength(5);
	});

	it('reads every record when the page goes away on a retry', async () => {
		t.sandbox.store.addMailingList({ name: 'Customers' });
		t.sandbox.inject({ method: 'GET', kind: 'page' });

		const result = await t.run({
			resource: 'mailingList',
			operation: 'getAll',
			returnAll: true,
			requestOptions: FAST,
		});

		expect(result.error).toBeUndefined();
		expect(jsonOf(result).map((list) => list.name)).toEqual(['Customers']);
		expect(t.sent()).toHaveLength(2);
	});
});
