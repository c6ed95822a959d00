/**
 * Sends (transactional e-mail and SMS, and subscribe requests, which e-mail the contact) are
 * never repeated once Mail Komplet may have acted: the item fails saying the message may or may
 * not have gone out and where to check. Nothing is sent twice and nothing is lost silently.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { AMBIGUOUS_FAULTS, errorItems, FAST, useFakeClock } from '../helpers/faults';
import { byId, useSandbox } from '../helpers/sandbox';

const t = useSandbox();
useFakeClock();

interface SendCase {
	title: string;
	path: string;
	parameters: INodeParameters;
	/** What each input item sends to. */
	items: Array<{ json: IDataObject }>;
	/** How many messages Mail Komplet recorded for a recipient. */
	recorded: (recipient: string) => number;
	check: string;
}

const email: INodeParameters = {
	resource: 'transactionalEmail',
	operation: 'send',
	fromAddress: 'shop@example.cz',
	to: '={{ $json.to }}',
	content: 'custom',
	subject: 'Your order',
	bodyText: 'Thank you',
};
const emailsTo = (address: string) =>
	t.sandbox.store.transactionalEmails.rows.filter((e) => e.toAddress === address).length;
const recipients = ['a@example.cz', 'b@example.cz', 'c@example.cz'];

const cases: SendCase[] = [
	{
		title: 'Transactional Email > Send, one request per item',
		path: '/transactionalEmails',
		parameters: { ...email, sendMode: 'perItem' },
		items: recipients.map((to) => ({ json: { to } })),
		recorded: emailsTo,
		check: 'Look for it under Transactional Email > Get Many, Recipient Contains a@example.cz.',
	},
	{
		title: 'Transactional Email > Send, one request for two items',
		path: '/transactionalEmails',
		parameters: { ...email, sendMode: 'batch', batchSize: 2 },
		items: recipients.map((to) => ({ json: { to } })),
		recorded: emailsTo,
		check:
			'Look for it under Transactional Email > Get Many, Recipient Contains a@example.cz, b@example.cz.',
	},
	{
		title: 'Transactional SMS > Send, one request per item',
		path: '/transactionalSms',
		parameters: {
			resource: 'transactionalSms',
			operation: 'send',
			sendMode: 'perItem',
			to: '={{ $json.to }}',
			text: 'Your parcel is on its way',
		},
		items: ['+420775000001', '+420775000002', '+420775000003'].map((to) => ({ json: { to } })),
		recorded: (number) =>
			t.sandbox.store.transactionalSms.rows.filter((s) => s.to === number).length,
		check: 'Look for it under Transactional SMS > Get Many, Number Contains +420775000001.',
	},
];

const posts = (path: string) =>
	t.sandbox.requests.filter((r) => r.method === 'POST' && r.path.endsWith(path));

describe.each(cases.map((c) => [c.title, c] as const))('%s', (_title, sendCase) => {
	const [first, second, third] = sendCase.items.map((item) => String(item.json.to));
	const batch = sendCase.parameters.sendMode === 'batch';
	const failed = batch ? [0, 1] : [0];

	it.each(AMBIGUOUS_FAULTS)(
		'after %s, the first request is neither repeated nor lost silently',
		async (_kind, fault) => {
			t.sandbox.inject({ ...fault, method: 'POST', path: sendCase.path });

			const result = await t.run(
				{ ...sendCase.parameters, requestOptions: FAST },
				{ items: sendCase.items, continueOnFail: true },
			);

			const wentOut = fault.applied || fault.kind === 'cut' || fault.kind === 'slow' ? 1 : 0;
			expect(posts(sendCase.path)).toHaveLength(batch ? 2 : 3);
			expect(sendCase.recorded(first)).toBe(wentOut);
			if (batch) expect(sendCase.recorded(second)).toBe(wentOut);
			else expect(sendCase.recorded(second)).toBe(1);
			expect(sendCase.recorded(third)).toBe(1);
			expect(errorItems(result.items)).toEqual(
				failed.map((item) => ({
					item,
					error: expect.stringMatching(
						/^The message may or may not have been sent: the answer was lost \(.+, 1 try\)$/,
					),
				})),
			);
		},
	);

	it('says when it was sent and where to check, on the item it belongs to', async () => {
		t.sandbox.inject({ method: 'POST', path: sendCase.path, kind: 'drop', applied: true });

		const result = await t.run(
			{ ...sendCase.parameters, requestOptions: FAST },
			{ items: sendCase.items },
		);

		expect(result.error?.message).toBe(
			'The message may or may not have been sent: the answer was lost (connection reset (ECONNRESET), 1 try)',
		);
		expect(result.error?.description).toMatch(
			/^It was sent at \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z and not again, so it cannot go out twice\. /,
		);
		expect(result.error?.description).toContain(
			`${sendCase.check} Send it again only if it is not listed.`,
		);
		expect(result.error?.context?.itemIndex).toBe(0);
	});

	it('after a 429, sends again: Mail Komplet did not act on it', async () => {
		t.sandbox.inject({ method: 'POST', path: sendCase.path, status: 429 });

		const result = await t.run(
			{ ...sendCase.parameters, requestOptions: FAST },
			{ items: sendCase.items },
		);

		expect(result.error).toBeUndefined();
		expect(posts(sendCase.path)).toHaveLength(batch ? 3 : 4);
		for (const to of [first, second, third]) expect(sendCase.recorded(to)).toBe(1);
	});
});

describe('Transactional Email > Send answered by a CDN error after the e-mail went out', () => {
	it.each([520, 524])(
		'%i: the item says it may have been sent and where to check, and it is not sent again',
		async (status) => {
			t.sandbox.inject({ method: 'POST', kind: 'page', status, applied: true, times: 2 });

			const failed = await t.run({ ...email, sendMode: 'perItem', to: 'a@example.cz' });
			const continued = await t.run(
				{ ...email, sendMode: 'perItem', to: '={{ $json.to }}' },
				{ items: [{ json: { to: 'b@example.cz' } }], continueOnFail: true },
			);

			const message = `The message may or may not have been sent: the answer was lost (${status}, 1 try)`;
			expect(failed.error?.message).toBe(message);
			expect(failed.error?.description).toMatch(
				/^It was sent at .+ and not again, so it cannot go out twice\. Look for it under Transactional Email > Get Many, Recipient Contains a@example\.cz\. Send it again only if it is not listed\.$/,
			);
			expect(continued.items).toEqual([
				{
					json: {
						error: message,
						description: expect.stringMatching(
							/^It was sent at .+ and not again, so it cannot go out twice\. Look for it under Transactional Email > Get Many, Recipient Contains b@example\.cz\. Send it again only if it is not listed\.$/,
						),
					},
					pairedItem: { item: 0 },
				},
			]);
			expect([emailsTo('a@example.cz'), emailsTo('b@example.cz')]).toEqual([1, 1]);
			expect(posts('/transactionalEmails')).toHaveLength(2);
		},
	);
});

describe("Transactional SMS > Send answered 200 with something that is not the API's answer", () => {
	it('a JSON string instead of the result may mean it went out: not sent again, says so', async () => {
		t.sandbox.inject({ method: 'POST', status: 200, body: 'queued', applied: true });

		const result = await t.run({
			resource: 'transactionalSms',
			operation: 'send',
			sendMode: 'perItem',
			to: '+420775000001',
			text: 'Hi',
			requestOptions: FAST,
		});

		expect(result.error?.message).toBe(
			'The message may or may not have been sent: the answer was lost (answer unreadable (EBADJSON), 1 try)',
		);
		expect(posts('/transactionalSms')).toHaveLength(1);
	});
});

describe('Subscribe Request > Create (e-mails the contact)', () => {
	it.each(AMBIGUOUS_FAULTS)('after %s, is not sent again', async (_kind, fault) => {
		const dispatcher = t.sandbox.store.addDispatcher({ useSubscribeAuthentication: true });
		t.sandbox.inject({ ...fault, method: 'POST', path: '/subscribeContacts' });

		const result = await t.run({
			resource: 'subscribeRequest',
			operation: 'create',
			email: 'jana@example.cz',
			dispatcherId: byId(dispatcher.dispatcherId),
			requestOptions: FAST,
		});

		expect(result.error?.message).toMatch(/^The message may or may not have been sent/);
		expect(result.error?.description).toContain('Ask jana@example.cz whether');
		expect(posts('/subscribeContacts')).toHaveLength(1);
		expect(t.sandbox.store.subscribeRequests.size).toBeLessThanOrEqual(1);
	});
});
