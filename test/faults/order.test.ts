/**
 * Order > Create is not safe to repeat: whether Mail Komplet replaces an order by orderId or
 * records it twice is unknown. A batch whose answer was lost is not sent again, and its orders'
 * items say so, naming the order IDs; what proves nothing happened (a 429) is sent again.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { jsonOf } from '../harness';
import {
	AMBIGUOUS_FAULTS,
	errorItems,
	FAST,
	PROXY_FAULT_KINDS,
	useFakeClock,
} from '../helpers/faults';
import { useSandbox } from '../helpers/sandbox';

const t = useSandbox();
useFakeClock();

const order: INodeParameters = {
	resource: 'order',
	operation: 'create',
	email: '={{ $json.email }}',
	orderId: '={{ $json.id }}',
	created: '2024-05-01 10:15:00',
	lineItemsSource: 'json',
	lineItemsJson: '={{ [{ name: "Rye bread", quantity: 1 }] }}',
	options: { batchSize: 2 },
	requestOptions: FAST,
};
const items = [1001, 1002, 1003].map((id) => ({
	json: { id, email: `customer.${id}@example.cz` },
}));

const posts = () => t.sandbox.requests.filter((r) => r.method === 'POST');
const recorded = (orderId: number) =>
	t.sandbox.store.orders.rows.filter((o) => o.orderId === orderId).length;

const LOST =
	/^Mail Komplet may or may not have recorded the orders: the answer was lost \(.+, 1 try\) \(batch 1 of 2\)$/;

describe('Order > Create under faults', () => {
	it.each(AMBIGUOUS_FAULTS)(
		'after %s, the batch is neither sent again nor lost silently',
		async (_kind, fault) => {
			t.sandbox.inject({ ...fault, method: 'POST', path: '/orders/json' });

			const result = await t.run(order, { items, continueOnFail: true });

			const wentOut = fault.applied || fault.kind === 'cut' || fault.kind === 'slow' ? 1 : 0;
			expect(posts()).toHaveLength(2);
			expect([recorded(1001), recorded(1002), recorded(1003)]).toEqual([wentOut, wentOut, 1]);
			expect(errorItems(result.items)).toEqual([
				{ item: 0, error: expect.stringMatching(LOST) },
				{ item: 1, error: expect.stringMatching(LOST) },
			]);
			expect(result.items.filter((item) => !item.json.error)).toEqual([
				{
					json: {
						orderId: 1003,
						email: 'customer.1003@example.cz',
						sent: true,
						batch: 2,
						batchCount: 2,
					},
					pairedItem: { item: 2 },
				},
			]);
			expect(result.items[0].json.description).toContain('Order IDs: 1001, 1002.');
		},
	);

	it('a 500 after the write: the error names when it was sent and the order IDs that may be recorded', async () => {
		t.sandbox.inject({ method: 'POST', path: '/orders/json', status: 500, applied: true });

		const result = await t.run(order, { items });

		expect(result.error?.message).toBe(
			'Mail Komplet may or may not have recorded the orders: the answer was lost (500, 1 try) (batch 1 of 2)',
		);
		expect(result.error?.description).toMatch(
			/^They were sent at \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z and not again, so no order is recorded twice\. Order IDs: 1001, 1002\. Check in Mail Komplet whether they arrived \(Contact > Get Activity lists a contact's orders\) before sending them again\.\n\nLater batches were not sent\.$/,
		);
		expect(result.error?.context?.itemIndex).toBe(0);
		expect(posts()).toHaveLength(1);
		expect(t.sandbox.store.orders.rows.map((o) => o.orderId)).toEqual([1001, 1002]);
	});

	it('after a 429, sends the batch again: Mail Komplet did not act on it', async () => {
		t.sandbox.inject({ method: 'POST', path: '/orders/json', status: 429 });

		const result = await t.run(order, { items });

		expect(result.error).toBeUndefined();
		expect(posts()).toHaveLength(3);
		expect([recorded(1001), recorded(1002), recorded(1003)]).toEqual([1, 1, 1]);
	});

	it.each(PROXY_FAULT_KINDS)(
		'%s: the batch was not done, is not sent again and records nothing',
		async (_kind, fault) => {
			t.sandbox.inject({ ...fault, method: 'POST', path: '/orders/json' });

			const result = await t.run(order, { items: items.slice(0, 2) });

			expect(result.error?.message).toMatch(/^POST \/orders\/json was not done: .+, 1 try\)$/);
			expect(posts()).toHaveLength(1);
			expect(t.sandbox.store.orders.size).toBe(0);
		},
	);

	it('any JSON in a 2xx answer counts as done, as the answer is undocumented', async () => {
		const answer: IDataObject = { data: { received: 2 } };
		t.sandbox.inject({
			method: 'POST',
			path: '/orders/json',
			status: 200,
			body: answer,
			applied: true,
		});

		const result = await t.run(order, { items: items.slice(0, 2) });

		expect(result.error).toBeUndefined();
		expect(jsonOf(result).map((json) => json.sent)).toEqual([true, true]);
	});
});
