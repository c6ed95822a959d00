/**
 * Order > Create sends e-shop orders as the vendor's WooCommerce plugin 1.1.2 does: POST
 * /orders/json with an array of orders, many per request. Not in the API reference
 * (docs/beyond-the-reference.md); the sandbox records what it accepts.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { jsonOf, RETRY_ON_FAIL } from '../harness';
import { API_HEADERS, useSandbox } from '../helpers/sandbox';

const t = useSandbox();

/** A WooCommerce Trigger item for order.created, cut to what the mapping reads. */
const wooOrder = (id: number, email = `customer.${id}@example.cz`): IDataObject => ({
	id,
	status: 'processing',
	date_created: '2024-05-01T10:15:00',
	date_completed: null,
	total: '148.50',
	billing: { first_name: 'Jana', email },
	line_items: [
		{ id: 1, name: 'Rye bread', product_id: 11, quantity: 2, price: 49.5, total: '99.00' },
		{ id: 2, name: 'Butter', product_id: 12, quantity: 1, price: 49.5, total: '49.50' },
	],
});

/** The order mapped from the WooCommerce Trigger's fields, line items from its array. */
const fromWooCommerce: INodeParameters = {
	resource: 'order',
	operation: 'create',
	email: '={{ $json.billing.email }}',
	orderId: '={{ $json.id }}',
	created: '={{ $json.date_created }}',
	totalPrice: '={{ $json.total }}',
	lineItemsSource: 'json',
	lineItemsJson: '={{ $json.line_items }}',
};

/** What the plugin sends for wooOrder(id). */
const sentOrder = (id: number, email = `customer.${id}@example.cz`) => ({
	email,
	orderId: id,
	created: '2024-05-01 10:15:00',
	totalPrice: '148.50',
	items: [
		{ name: 'Rye bread', amount: 2, category: null, price: 49.5 },
		{ name: 'Butter', amount: 1, category: null, price: 49.5 },
	],
});

const ordersRequest = (...orders: unknown[]) => ({
	method: 'POST',
	path: '/orders/json',
	query: {},
	body: orders,
});

describe('Order > Create', () => {
	it('POSTs the mapped orders to /orders/json and returns one item per order', async () => {
		const result = await t.run(fromWooCommerce, {
			items: [{ json: wooOrder(1234) }, { json: wooOrder(1235) }],
		});

		expect(result.error).toBeUndefined();
		expect(t.sandbox.requests[0].headers).toMatchObject({
			...API_HEADERS,
			'content-type': 'application/json',
		});
		expect(t.sent()).toEqual([ordersRequest(sentOrder(1234), sentOrder(1235))]);
		// The sandbox answers 200 with an empty body, as the live API's answer is unknown.
		expect(result.items).toEqual([
			{
				json: {
					orderId: 1234,
					email: 'customer.1234@example.cz',
					sent: true,
					batch: 1,
					batchCount: 1,
				},
				pairedItem: { item: 0 },
			},
			{
				json: {
					orderId: 1235,
					email: 'customer.1235@example.cz',
					sent: true,
					batch: 1,
					batchCount: 1,
				},
				pairedItem: { item: 1 },
			},
		]);
		expect(t.sandbox.store.orders.rows.map((o) => [o.orderId, o.items.length])).toEqual([
			[1234, 2],
			[1235, 2],
		]);
	});

	it('sends line items defined one by one in the node, with every field and expressions', async () => {
		await t.run(
			{
				resource: 'order',
				operation: 'create',
				email: 'jana@example.cz',
				orderId: '={{ $json.number }}',
				created: '2024-05-01 10:15:00',
				totalPrice: '99',
				lineItemsSource: 'fields',
				lineItems: {
					item: [
						{
							name: '={{ $json.product }}',
							amount: 2,
							category: 'Bread',
							price: '49,50',
							productUrl: 'https://shop.example.cz/rye-bread',
						},
						{ name: 'Gift wrap', amount: 1 },
					],
				},
				additionalFields: { finished: '2024-05-02 08:00:00' },
			},
			{ items: [{ json: { number: '77', product: 'Rye bread' } }] },
		);

		expect(t.sent()).toEqual([
			ordersRequest({
				email: 'jana@example.cz',
				orderId: 77,
				created: '2024-05-01 10:15:00',
				finished: '2024-05-02 08:00:00',
				totalPrice: '99.00',
				items: [
					{
						name: 'Rye bread',
						amount: 2,
						category: 'Bread',
						price: 49.5,
						productUrl: 'https://shop.example.cz/rye-bread',
					},
					{ name: 'Gift wrap', amount: 1, category: null },
				],
			}),
		]);
	});

	it("reads Shopify's line items (title, quantity, price as text) and the plugin's own shape", async () => {
		const shopify = {
			order_number: 1001,
			email: 'petr@example.cz',
			created_at: '2024-05-01T10:15:00+02:00',
			total_price: '30.00',
			line_items: [{ title: 'Roll', quantity: 3, price: '10.00', product_id: 5 }],
		};
		const plugin = {
			order_number: 1002,
			email: 'eva@example.cz',
			created_at: '2024-05-01 11:00:00',
			total_price: 12,
			line_items: JSON.stringify([
				{ name: 'Cake', amount: 1, category: 'Sweets', price: 12, productUrl: 'https://s.cz/cake' },
			]),
		};

		await t.run(
			{
				resource: 'order',
				operation: 'create',
				email: '={{ $json.email }}',
				orderId: '={{ $json.order_number }}',
				created: '={{ $json.created_at }}',
				totalPrice: '={{ $json.total_price }}',
				lineItemsJson: '={{ $json.line_items }}',
			},
			{ items: [{ json: shopify }, { json: plugin }] },
		);

		expect(t.sent()).toEqual([
			ordersRequest(
				{
					email: 'petr@example.cz',
					orderId: 1001,
					created: '2024-05-01 10:15:00',
					totalPrice: '30.00',
					items: [{ name: 'Roll', amount: 3, category: null, price: 10 }],
				},
				{
					email: 'eva@example.cz',
					orderId: 1002,
					created: '2024-05-01 11:00:00',
					totalPrice: '12.00',
					items: [
						{
							name: 'Cake',
							amount: 1,
							category: 'Sweets',
							price: 12,
							productUrl: 'https://s.cz/cake',
						},
					],
				},
			),
		]);
	});

	it.each([
		['"Y-m-d H:i:s", as the plugin sends it', '2024-05-01 10:15:00', '2024-05-01 10:15:00'],
		['ISO without an offset, as the shop wrote it', '2024-05-01T10:15:00', '2024-05-01 10:15:00'],
		[
			'ISO in UTC, converted to the workflow time zone',
			'2024-05-01T08:15:00Z',
			'2024-05-01 10:15:00',
		],
		[
			'ISO with an offset, converted to the workflow time zone',
			'2024-01-15T10:15:00-05:00',
			'2024-01-15 16:15:00',
		],
		['an n8n DateTime', "={{ DateTime.fromISO('2024-05-01T08:15:00Z') }}", '2024-05-01 10:15:00'],
		[
			'an n8n DateTime in another zone',
			"={{ DateTime.fromISO('2024-05-01T10:15:00', { zone: 'America/New_York' }) }}",
			'2024-05-01 16:15:00',
		],
	])('sends a date given as %s as local "Y-m-d H:i:s"', async (_form, given, sent) => {
		await t.run(
			{
				...fromWooCommerce,
				created: given,
				additionalFields: { finished: given },
			},
			{ items: [{ json: wooOrder(1) }] },
		);

		const [order] = t.sent()[0].body as IDataObject[];
		expect([order.created, order.finished]).toEqual([sent, sent]);
	});

	it('sends one request per batch of Batch Size orders, each order paired with its item', async () => {
		const items = [1, 2, 3, 4, 5].map((id) => ({ json: wooOrder(id) }));

		const result = await t.run({ ...fromWooCommerce, options: { batchSize: 2 } }, { items });

		expect(t.sent()).toEqual([
			ordersRequest(sentOrder(1), sentOrder(2)),
			ordersRequest(sentOrder(3), sentOrder(4)),
			ordersRequest(sentOrder(5)),
		]);
		expect(
			result.items.map((item) => [item.json.orderId, item.json.batch, item.pairedItem]),
		).toEqual([
			[1, 1, { item: 0 }],
			[2, 1, { item: 1 }],
			[3, 2, { item: 2 }],
			[4, 2, { item: 3 }],
			[5, 3, { item: 4 }],
		]);
		expect(jsonOf(result).every((json) => json.batchCount === 3)).toBe(true);
	});

	it.each([
		['email', { billing: {} }, 'Email is required'],
		['orderId', { id: '' }, 'Order ID is required'],
		['orderId', { id: 'A-12' }, 'Order ID must be a whole number from 1 to 2147483647, got "A-12"'],
		['created', { date_created: '' }, 'Created is required'],
		['created', { date_created: 'yesterday' }, 'Created is not a valid date and time: "yesterday"'],
		['items', { line_items: [] }, 'Line Items: the order has none'],
		[
			'items',
			{ line_items: [{ name: 'Bread' }] },
			'Line Items: line 1 has no amount of more than 0, got undefined',
		],
		['items', { line_items: [{ quantity: 1 }] }, 'Line Items: line 1 has no name'],
		[
			'items',
			{ line_items: { name: 'Bread' } },
			'Line Items (JSON) must be an array of line items',
		],
		['totalPrice', { total: 'free' }, 'Total Price must be an amount of money, got "free"'],
	])(
		'refuses an order without a valid %s, naming field and item, and sends nothing',
		async (_field, change, message) => {
			const result = await t.run(fromWooCommerce, {
				items: [{ json: wooOrder(1) }, { json: { ...wooOrder(2), ...change } }],
			});

			expect(result.error?.message).toBe(message);
			expect(result.error?.context?.itemIndex).toBe(1);
			expect(t.sent()).toEqual([]);
		},
	);

	it('with On Error > Continue, an invalid order becomes its error item and the others are sent', async () => {
		const result = await t.run(fromWooCommerce, {
			items: [
				{ json: wooOrder(1) },
				{ json: { ...wooOrder(2), billing: { email: 'nope' } } },
				{ json: wooOrder(3) },
			],
			continueOnFail: true,
		});

		expect(t.sent()).toEqual([ordersRequest(sentOrder(1), sentOrder(3))]);
		// The invalid order's error item comes first: it is known before anything is sent.
		expect(result.items).toEqual([
			{
				json: {
					error: 'Email is not a valid e-mail address: "nope"',
					description: 'Set "Email" to an address such as jan@example.cz.',
				},
				pairedItem: { item: 1 },
			},
			{
				json: { orderId: 1, email: 'customer.1@example.cz', sent: true, batch: 1, batchCount: 1 },
				pairedItem: { item: 0 },
			},
			{
				json: { orderId: 3, email: 'customer.3@example.cz', sent: true, batch: 1, batchCount: 1 },
				pairedItem: { item: 2 },
			},
		]);
	});

	it('with On Error > Continue, a refused batch gives each of its orders an error item and the next batch goes', async () => {
		t.sandbox.inject({ kind: 'refuse', recipient: 'customer.3@example.cz' });

		const result = await t.run(
			{ ...fromWooCommerce, options: { batchSize: 2 } },
			{ items: [1, 2, 3, 4, 5].map((id) => ({ json: wooOrder(id) })), continueOnFail: true },
		);

		expect(t.sent()).toHaveLength(3);
		expect(t.sandbox.store.orders.rows.map((o) => o.orderId)).toEqual([1, 2, 5]);
		const refused = {
			error:
				'Mail Komplet rejected the request: The recipient customer.3@example.cz was refused. (batch 2 of 3)',
			description: 'Check the field named in the message above and correct its value.',
		};
		expect(result.items.map((item) => [item.pairedItem, item.json.orderId ?? item.json])).toEqual([
			[{ item: 0 }, 1],
			[{ item: 1 }, 2],
			[{ item: 2 }, refused],
			[{ item: 3 }, refused],
			[{ item: 4 }, 5],
		]);
	});

	it('without On Error > Continue, a refused batch stops the node, saying what became of the batches', async () => {
		t.sandbox.inject({ kind: 'refuse', recipient: 'customer.3@example.cz' });

		const result = await t.run(
			{ ...fromWooCommerce, options: { batchSize: 2 } },
			{ items: [1, 2, 3, 4, 5].map((id) => ({ json: wooOrder(id) })) },
		);

		expect(result.error?.message).toBe(
			'Mail Komplet rejected the request: The recipient customer.3@example.cz was refused. (batch 2 of 3)',
		);
		expect(result.error?.description).toContain(
			'Batch 1 was recorded. Later batches were not sent.',
		);
		expect(t.sent()).toHaveLength(2);
	});

	it('Retry On Fail does not send again the batches answered before the failure', async () => {
		t.sandbox.inject({ kind: 'refuse', recipient: 'customer.3@example.cz' });

		const result = await t.run(
			{ ...fromWooCommerce, options: { batchSize: 2 } },
			{ items: [1, 2, 3, 4, 5].map((id) => ({ json: wooOrder(id) })), settings: RETRY_ON_FAIL },
		);

		expect(result.error).toBeUndefined();
		// First try: batch 1 recorded, batch 2 refused. Retry: batches 2 and 3 only.
		expect(t.sent().map((r) => (r.body as IDataObject[]).map((o) => o.orderId))).toEqual([
			[1, 2],
			[3, 4],
			[3, 4],
			[5],
		]);
		expect(t.sandbox.store.orders.rows.map((o) => o.orderId)).toEqual([1, 2, 3, 4, 5]);
		expect(jsonOf(result).map((json) => json.orderId)).toEqual([1, 2, 3, 4, 5]);
	});
});
