/**
 * n8n's Retry On Fail (node settings) calls the node again, in the same execution, after the
 * whole node failed. Items whose write went out on the first try are not written again: the
 * retry returns their first answers. A later execution writes everything again.
 */
import { RETRY_ON_FAIL } from './harness';
import { fixClockAndGuids, guid } from './helpers/operations';
import { byId, useSandbox } from './helpers/sandbox';
import {
	address,
	emailsPosted as postedTo,
	emailsStored as storedFor,
	once,
	range,
	recipients,
	sendEmail as sendEmailTo,
} from './helpers/sends';

const t = useSandbox();
fixClockAndGuids(t);

const sendEmail = sendEmailTo();
const emailsPosted = () => postedTo(t.sandbox);
const emailsStored = () => storedFor(t.sandbox);

describe('Retry On Fail over 20 sends, the API refusing item 10', () => {
	it('sends items 0-9 once; the retry returns their first answers and sends the rest', async () => {
		t.sandbox.inject({ kind: 'refuse', recipient: address(10) });

		const result = await t.run(sendEmail, { items: recipients(20), settings: RETRY_ON_FAIL });

		expect(result.error).toBeUndefined();
		// First try: 0-9 sent, 10 refused. Retry: 10-19 only.
		expect(emailsPosted()).toEqual([...range(0, 10), ...range(10, 19)].map(address));
		expect(emailsStored()).toEqual(once(range(0, 19)));
		// The e-mails of items 0-9 are the ones the first try made (GUIDs 1-10).
		expect(result.items).toEqual(
			range(0, 19).map((n) => ({
				json: { email: address(n), guid: guid(n + 1) },
				pairedItem: { item: n },
			})),
		);
	});

	it('still sends items 0-9 once when every try is refused, and fails as the last try did', async () => {
		t.sandbox.inject({ kind: 'refuse', recipient: address(10), times: 2 });

		const result = await t.run(sendEmail, { items: recipients(20), settings: RETRY_ON_FAIL });

		expect(result.error?.message).toBe(
			`Mail Komplet rejected the request: The recipient ${address(10)} was refused.`,
		);
		expect(emailsPosted()).toEqual([...range(0, 10), 10].map(address));
		expect(emailsStored()).toEqual(once(range(0, 9)));
	});

	it('without Retry On Fail, fails at item 10 having sent items 0-9', async () => {
		t.sandbox.inject({ kind: 'refuse', recipient: address(10) });

		const result = await t.run(sendEmail, { items: recipients(20) });

		expect(result.error?.message).toBe(
			`Mail Komplet rejected the request: The recipient ${address(10)} was refused.`,
		);
		expect(emailsPosted()).toEqual(range(0, 10).map(address));
	});

	it('does not send again a message whose answer was lost: the retry fails the same way', async () => {
		t.sandbox.inject({ method: 'POST', status: 500, applied: true, skip: 3 });

		const result = await t.run(sendEmail, { items: recipients(20), settings: RETRY_ON_FAIL });

		expect(result.error?.message).toBe(
			'The message may or may not have been sent: the answer was lost (500, 1 try)',
		);
		// Item 3 went out (the 500 came after the write); the retry sent nothing at all.
		expect(emailsPosted()).toEqual(range(0, 3).map(address));
		expect(emailsStored()).toEqual(once(range(0, 3)));
	});

	it('with One Request for All Items, resends no request that went out', async () => {
		t.sandbox.inject({ kind: 'refuse', recipient: address(10) });

		const result = await t.run(
			{ ...sendEmail, sendMode: 'batch', batchSize: 5 },
			{ items: recipients(20), settings: RETRY_ON_FAIL },
		);

		expect(result.error).toBeUndefined();
		const batch = (from: number) =>
			range(from, from + 4)
				.map(address)
				.join(',');
		expect(emailsPosted()).toEqual([batch(0), batch(5), batch(10), batch(10), batch(15)]);
		expect(emailsStored()).toEqual(once(range(0, 19)));
		expect(result.items.map((item) => item.pairedItem)).toEqual(
			range(0, 19).map((item) => ({ item })),
		);
	});
});

describe('Retry On Fail with On Error > Continue', () => {
	it('retries when the first item failed, sending only that item again', async () => {
		t.sandbox.inject({ kind: 'refuse', recipient: address(0) });

		const result = await t.run(sendEmail, {
			items: recipients(3),
			continueOnFail: true,
			settings: RETRY_ON_FAIL,
		});

		// n8n retries a node whose first output item is an error item.
		expect(emailsPosted()).toEqual([0, 1, 2, 0].map(address));
		expect(emailsStored()).toEqual(once([0, 1, 2]));
		expect(result.items).toEqual([
			{ json: { email: address(0), guid: guid(3) }, pairedItem: { item: 0 } },
			{ json: { email: address(1), guid: guid(1) }, pairedItem: { item: 1 } },
			{ json: { email: address(2), guid: guid(2) }, pairedItem: { item: 2 } },
		]);
	});
});

describe('Retry On Fail for subscribe requests and creates', () => {
	it('makes each subscribe request once, the API refusing item 2 on the first try', async () => {
		const dispatcher = t.sandbox.store.addDispatcher();
		t.sandbox.inject({ kind: 'refuse', recipient: address(2) });

		const result = await t.run(
			{
				resource: 'subscribeRequest',
				operation: 'create',
				email: '={{ $json.email }}',
				dispatcherId: byId(dispatcher.dispatcherId),
			},
			{ items: recipients(4), settings: RETRY_ON_FAIL },
		);

		expect(result.error).toBeUndefined();
		expect(t.sent().map((request) => (request.body as { email: string }).email)).toEqual(
			[0, 1, 2, 2, 3].map(address),
		);
		expect(t.sandbox.store.subscribeRequests.rows.map((request) => request.email)).toEqual(
			[0, 1, 2, 3].map(address),
		);
		expect(result.items.map((item) => item.json.subscribeRequestId)).toEqual([
			81901, 81902, 81903, 81904,
		]);
	});

	it('creates each mailing list once, the API refusing item 2 on the first try', async () => {
		t.sandbox.inject({ method: 'POST', path: '/mailingLists', status: 400, skip: 2 });

		const result = await t.run(
			{ resource: 'mailingList', operation: 'create', name: '={{ $json.name }}', isTest: false },
			{ items: range(0, 3).map((n) => ({ json: { name: `List ${n}` } })), settings: RETRY_ON_FAIL },
		);

		expect(result.error).toBeUndefined();
		expect(t.sent().map((request) => (request.body as { name: string }).name)).toEqual([
			'List 0',
			'List 1',
			'List 2',
			'List 2',
			'List 3',
		]);
		expect(t.sandbox.store.mailingLists.rows.map((list) => list.name)).toEqual(
			range(0, 3).map((n) => `List ${n}`),
		);
		expect(result.items.map((item) => item.json.mailingListId)).toEqual([
			11601, 11602, 11603, 11604,
		]);
	});
});

describe('a later run writes again', () => {
	it('a second execution sends every item again, after a first that failed', async () => {
		t.sandbox.inject({ kind: 'refuse', recipient: address(1) });
		const first = await t.run(sendEmail, { items: recipients(3) });
		expect(first.error).toBeDefined();

		const second = await t.run(sendEmail, { items: recipients(3) });

		expect(second.error).toBeUndefined();
		expect(emailsPosted()).toEqual([0, 1, 0, 1, 2].map(address));
		expect(emailsStored()).toEqual({ [address(0)]: 2, [address(1)]: 1, [address(2)]: 1 });
	});

	it('a second execution sends every item again, after a first that succeeded', async () => {
		await t.run(sendEmail, { items: recipients(2), settings: RETRY_ON_FAIL });
		await t.run(sendEmail, { items: recipients(2), settings: RETRY_ON_FAIL });

		expect(emailsPosted()).toEqual([0, 1, 0, 1].map(address));
		expect(emailsStored()).toEqual({ [address(0)]: 2, [address(1)]: 2 });
	});
});
