/**
 * What the sandbox does beyond the API reference, as the vendor's own clients show the live
 * service does it (docs/beyond-the-reference.md): orders from e-shops, Reply-To and tags on
 * transactional e-mails, Reply-To on campaigns, integer IDs sent as numeric strings.
 */
import { startSandbox } from '../../sandbox';
import type { Sandbox } from '../../sandbox';
import { call } from './helpers';

/** An order as the vendor's WooCommerce plugin 1.1.2 posts it. */
const pluginOrder = {
	email: 'jana@example.cz',
	orderId: 1234,
	created: '2024-05-01 10:15:00',
	finished: '2024-05-01 10:15:00',
	totalPrice: '99.00',
	items: [
		{
			name: 'Rye bread',
			amount: 2,
			category: 'Bread',
			price: 49.5,
			productUrl: 'https://shop.example.cz/rye-bread',
		},
	],
};

describe('sandbox beyond the reference', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox({ seed: 'demo' });
	});
	afterAll(() => sandbox.close());
	beforeEach(() => {
		sandbox.reset();
		sandbox.clock.set(new Date('2026-01-15T10:00:00Z'));
	});

	it('orders: records every order of the array and answers 200 with an empty body', async () => {
		const older = {
			email: 'petr@example.cz',
			orderId: '1235',
			created: '2024-05-02',
			items: [{ name: 'Roll', amount: 1, category: null }],
		};

		const res = await call(sandbox, 'POST', '/orders/json', { body: [pluginOrder, older] });

		expect([res.status, res.text]).toEqual([200, '']);
		expect(sandbox.store.orders.rows).toEqual([
			{
				recordId: 1,
				received: '2026-01-15T10:00:00',
				email: 'jana@example.cz',
				orderId: 1234,
				created: '2024-05-01T10:15:00',
				finished: '2024-05-01T10:15:00',
				totalPrice: 99,
				items: [
					{
						name: 'Rye bread',
						amount: 2,
						category: 'Bread',
						price: 49.5,
						productUrl: 'https://shop.example.cz/rye-bread',
					},
				],
			},
			{
				recordId: 2,
				received: '2026-01-15T10:00:00',
				email: 'petr@example.cz',
				orderId: 1235,
				created: '2024-05-02T00:00:00',
				finished: null,
				totalPrice: null,
				items: [{ name: 'Roll', amount: 1, category: null, price: null, productUrl: null }],
			},
		]);
		const admin = await fetch(`${sandbox.origin}/__sandbox/orders`);
		expect(await admin.json()).toEqual(sandbox.store.orders.rows);
	});

	it('orders: a repeat is a second record (whether the API replaces by orderId is unknown)', async () => {
		await call(sandbox, 'POST', '/orders/json', { body: [pluginOrder] });
		await call(sandbox, 'POST', '/orders/json', { body: [pluginOrder] });

		expect(sandbox.store.orders.rows.map((o) => o.orderId)).toEqual([1234, 1234]);
	});

	it('orders: refuses an invalid order, naming it and the field, and records none of the request', async () => {
		const cases: Array<[unknown, string]> = [
			[pluginOrder, 'JSON array'],
			[[], 'JSON array'],
			[
				[pluginOrder, { ...pluginOrder, email: 'nope' }],
				'The [1].email field is not a valid e-mail address.',
			],
			[[{ ...pluginOrder, orderId: undefined }], 'The [0].orderId field is required.'],
			[[{ ...pluginOrder, orderId: 'A-1' }], 'The [0].orderId field must be an integer.'],
			[[{ ...pluginOrder, created: undefined }], 'The [0].created field is required.'],
			[
				[{ ...pluginOrder, created: '1.5.2024' }],
				'The [0].created field must be a valid date and time.',
			],
			[
				[{ ...pluginOrder, totalPrice: '99,00' }],
				'The [0].totalPrice field must be a decimal number.',
			],
			[[{ ...pluginOrder, items: [] }], 'The [0].items field must not be empty.'],
			[[{ ...pluginOrder, items: [{ amount: 1 }] }], 'The [0].items[0].name field is required.'],
			[
				[{ ...pluginOrder, items: [{ name: 'x', amount: 0 }] }],
				'The [0].items[0].amount field must be more than 0.',
			],
		];
		for (const [body, message] of cases) {
			const res = await call(sandbox, 'POST', '/orders/json', { body });
			expect([res.status, res.body.message]).toEqual([400, expect.stringContaining(message)]);
		}
		expect(sandbox.store.orders.size).toBe(0);
	});

	it('transactional e-mails keep Reply-To and tags; Get Many returns the tags', async () => {
		const sent = await call(sandbox, 'POST', '/transactionalEmails', {
			body: {
				email: {
					fromAddress: 'shop@example.cz',
					replyTo: 'help@example.cz',
					tags: ['order', 'eshop'],
					to: [{ address: 'jana@example.cz' }],
					subject: 'Your order',
					bodyText: 'Thank you',
				},
			},
		});
		expect(sent.status).toBe(200);
		const stored = sandbox.store.transactionalEmails.rows.at(-1)!;
		expect([stored.replyTo, stored.tags]).toEqual(['help@example.cz', 'order,eshop']);
		const listed = await call(sandbox, 'GET', '/transactionalEmails', {
			query: { guid: stored.guid },
		});
		expect(listed.body.data.map((e: { tags: string }) => e.tags)).toEqual(['order,eshop']);

		const bad = await call(sandbox, 'POST', '/transactionalEmails', {
			body: {
				email: {
					fromAddress: 'a@b.cz',
					replyTo: 'nope',
					to: [{ address: 'c@d.cz' }],
					subject: 'x',
					bodyText: 'x',
				},
			},
		});
		expect([bad.status, bad.body.message]).toEqual([
			400,
			'The email.replyTo field is not a valid e-mail address.',
		]);
	});

	it('campaigns keep the Reply-To address and name they are created or updated with', async () => {
		const created = await call(sandbox, 'POST', '/campaigns', {
			body: {
				name: 'Orders',
				unsubscribeTypeId: 1,
				mailFromAddress: 'shop@example.cz',
				replyToAddress: 'help@example.cz',
				replyToDisplayName: 'Help desk',
			},
		});
		const { campaignId } = created.body;
		const read = async () =>
			(await call(sandbox, 'GET', '/campaigns', { query: { campaignId } })).body.data;
		expect(await read()).toMatchObject({
			replyToAddress: 'help@example.cz',
			replyToDisplayName: 'Help desk',
		});

		await call(sandbox, 'PUT', `/campaigns/${campaignId}`, {
			body: { replyToDisplayName: 'Shop' },
		});
		expect(await read()).toMatchObject({
			replyToAddress: 'help@example.cz',
			replyToDisplayName: 'Shop',
		});
	});

	it('reads integer IDs sent as numeric strings, as the vendor plugins send them', async () => {
		const [list] = sandbox.store.mailingLists.rows;
		const [dispatcher] = sandbox.store.dispatchers.rows;

		const contact = await call(sandbox, 'POST', '/contacts', {
			body: { email: 'novak@example.cz', mailingListIds: [String(list.mailingListId)] },
		});
		const subscribe = await call(sandbox, 'POST', '/subscribeContacts', {
			body: { email: 'svoboda@example.cz', dispatcherId: String(dispatcher.dispatcherId) },
		});
		const notANumber = await call(sandbox, 'POST', '/contacts', {
			body: { email: 'dvorak@example.cz', mailingListIds: ['twelve'] },
		});

		expect([contact.status, subscribe.status]).toEqual([200, 200]);
		expect(sandbox.store.membersOf(list.mailingListId).map((c) => c.email)).toContain(
			'novak@example.cz',
		);
		expect([notANumber.status, notANumber.body.message]).toEqual([
			400,
			'The mailingListIds field must be an array of integer IDs.',
		]);
	});
});
