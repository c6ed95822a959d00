import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildWebhookPayload, routes, startSandbox } from '../../sandbox';
import type { Sandbox } from '../../sandbox';
import { admin, call } from './helpers';

const WEBHOOK_FIELDS: Record<number, string[]> = {
	1: [
		'webhookTypeId',
		'transactionalEmailId',
		'created',
		'recipient',
		'fromAddress',
		'subject',
		'guid',
		'sent',
		'delivered',
	],
	2: [
		'webhookTypeId',
		'transactionalEmailId',
		'clickId',
		'created',
		'recipient',
		'fromAddress',
		'subject',
		'guid',
		'sent',
		'delivered',
		'linkUrl',
		'userAgent',
	],
	3: [
		'webhookTypeId',
		'transactionalEmailId',
		'openId',
		'created',
		'recipient',
		'fromAddress',
		'subject',
		'guid',
		'sent',
		'delivered',
		'userAgent',
	],
	4: [
		'webhookTypeId',
		'transactionalEmailId',
		'deliveryInfoId',
		'created',
		'recipient',
		'fromAddress',
		'subject',
		'guid',
		'sent',
	],
	5: [
		'webhookTypeId',
		'transactionalEmailId',
		'deliveryInfoId',
		'created',
		'recipient',
		'fromAddress',
		'fromDispalyName',
		'subject',
		'guid',
		'sent',
	],
	6: [
		'webhookTypeId',
		'transactionalEmailId',
		'excludeListId',
		'created',
		'recipient',
		'fromAddress',
		'subject',
		'guid',
		'sent',
		'delivered',
	],
	7: [
		'webhookTypeId',
		'transactionalEmailId',
		'excludeListId',
		'created',
		'recipient',
		'fromAddress',
		'subject',
		'guid',
		'sent',
		'delivered',
	],
	8: ['webhookTypeId', 'mailId', 'excludeListId', 'created', 'recipient', 'fromAddress', 'sent'],
};

describe('sandbox faults, admin endpoints, webhooks', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox({ seed: 'demo' });
	});
	afterAll(() => sandbox.close());
	beforeEach(() => sandbox.reset());

	it('covers every documented REST method + path, and the orders route beyond the reference', () => {
		const pairs = routes.map((r) => `${r.method} ${r.path.replace(/\{\w+:int\}/, '{id}')}`).sort();
		expect(pairs).toEqual([
			'DELETE /campaigns',
			'DELETE /contacts',
			'DELETE /customColumns',
			'DELETE /excludeLists',
			'DELETE /mailingLists',
			'DELETE /saleCouponGroups',
			'DELETE /saleCoupons/{id}',
			'GET /businessUnits',
			'GET /campaigns',
			'GET /contacts',
			'GET /contacts/getBulkInfo',
			'GET /contacts/getContactActivity',
			'GET /customColumns',
			'GET /dispatchers',
			'GET /excludeLists',
			'GET /generatorExecutions',
			'GET /mailingLists',
			'GET /marketingEmails',
			'GET /marketingEmails/clicks',
			'GET /marketingEmails/opens',
			'GET /saleCouponGroups',
			'GET /saleCoupons',
			'GET /templates',
			'GET /transactionalEmails',
			'GET /transactionalEmails/bounceInfo',
			'GET /transactionalEmails/clicks',
			'GET /transactionalEmails/opens',
			'GET /transactionalSms',
			'POST /campaigns',
			'POST /contacts',
			'POST /contacts/bulk',
			'POST /customColumns',
			'POST /excludeLists',
			'POST /mailingLists',
			'POST /orders/json',
			'POST /saleCouponGroups',
			'POST /saleCoupons',
			'POST /subscribeContacts',
			'POST /transactionalEmails',
			'POST /transactionalSms',
			'PUT /campaigns/{id}',
			'PUT /contacts/{id}',
			'PUT /customColumns/{id}',
			'PUT /mailingLists/{id}',
		]);
	});

	it('injects faults by method and path, for a number of times, with headers and body', async () => {
		sandbox.inject({
			method: 'GET',
			path: '/contacts',
			status: 429,
			times: 2,
			headers: { 'retry-after': '1' },
		});
		const first = await call(sandbox, 'GET', '/contacts');
		expect(first.status).toBe(429);
		expect(first.headers['retry-after']).toBe('1');
		expect(first.body).toEqual({ message: expect.any(String) });
		expect((await call(sandbox, 'GET', '/mailingLists')).status).toBe(200);
		expect((await call(sandbox, 'POST', '/contacts', { body: { email: 'x@y.cz' } })).status).toBe(
			200,
		);
		expect((await call(sandbox, 'GET', '/contacts')).status).toBe(429);
		expect((await call(sandbox, 'GET', '/contacts')).status).toBe(200);

		sandbox.inject({
			path: '/transactionalEmails*',
			status: 503,
			body: { message: 'Service Unavailable' },
		});
		const opens = await call(sandbox, 'GET', '/transactionalEmails/opens');
		expect([opens.status, opens.body]).toEqual([503, { message: 'Service Unavailable' }]);
		expect(sandbox.requests.at(-1)).toMatchObject({
			path: `/api/${sandbox.baseCrypt}/transactionalEmails/opens`,
			status: 503,
		});
	});

	it('is driven through the admin HTTP endpoints', async () => {
		const health = await admin(sandbox, 'GET', '/health');
		expect(health.body).toMatchObject({
			status: 'ok',
			url: sandbox.url,
			baseCrypt: sandbox.baseCrypt,
		});

		expect(
			(
				await admin(sandbox, 'POST', '/faults', {
					method: 'PUT',
					path: '/mailingLists/' + sandbox.store.mailingLists.rows[0].mailingListId,
					status: 500,
				})
			).status,
		).toBe(200);
		expect((await admin(sandbox, 'POST', '/faults', { status: 42 })).status).toBe(400);
		const put = await call(
			sandbox,
			'PUT',
			`/mailingLists/${sandbox.store.mailingLists.rows[0].mailingListId}`,
			{ body: { name: 'x' } },
		);
		expect(put.status).toBe(500);

		const requests = await admin(sandbox, 'GET', '/requests');
		expect(requests.body).toHaveLength(1);
		expect(requests.body[0]).toMatchObject({ method: 'PUT', body: { name: 'x' }, status: 500 });
		expect((await admin(sandbox, 'DELETE', '/requests')).body).toEqual({ cleared: 1 });
		expect(sandbox.requests).toHaveLength(0);

		const generated = await admin(sandbox, 'POST', '/store/contacts', { count: 1000 });
		expect(generated.body.count).toBe(1000);
		expect((await admin(sandbox, 'GET', '/store')).body.contacts).toBe(1050);

		expect((await admin(sandbox, 'POST', '/reset', { seed: 'empty' })).status).toBe(200);
		expect((await call(sandbox, 'GET', '/contacts')).body.totalRecordCount).toBe(0);
		await admin(sandbox, 'POST', '/reset');
		expect((await call(sandbox, 'GET', '/contacts')).body.totalRecordCount).toBe(50);
		expect((await admin(sandbox, 'GET', '/nothing')).status).toBe(404);
	});

	it('builds webhook payloads with exactly the documented fields', () => {
		for (const [type, fields] of Object.entries(WEBHOOK_FIELDS)) {
			const bare = buildWebhookPayload(Number(type));
			expect(Object.keys(bare)).toEqual(fields);
			expect(bare.webhookTypeId).toBe(Number(type));
			const fromStore = buildWebhookPayload(Number(type), {}, sandbox.store);
			expect(Object.keys(fromStore)).toEqual(fields);
		}
		const click = buildWebhookPayload(2, {}, sandbox.store);
		const stored = sandbox.store.transactionalClicks.get(click.clickId as number);
		expect(stored).toMatchObject({ emailId: click.transactionalEmailId, linkUrl: click.linkUrl });
		expect(
			sandbox.store.transactionalEmails.get(click.transactionalEmailId as number)?.toAddress,
		).toBe(click.recipient);
		expect(buildWebhookPayload(1, { recipient: 'override@example.cz' }).recipient).toBe(
			'override@example.cz',
		);
		expect(() => buildWebhookPayload(9)).toThrow(RangeError);
	});

	it('fires a webhook to a local receiver through the admin endpoint', async () => {
		const received: Array<{ headers: Record<string, unknown>; body: unknown }> = [];
		const receiver = createServer((req, res) => {
			let text = '';
			req.on('data', (c: Buffer) => (text += c.toString()));
			req.on('end', () => {
				received.push({ headers: req.headers, body: JSON.parse(text) });
				res.writeHead(200, { 'content-type': 'application/json' });
				res.end(JSON.stringify({ ok: true }));
			});
		});
		await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
		const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/webhook/mk`;
		try {
			const fired = await admin(sandbox, 'POST', '/webhooks/fire', {
				url,
				webhookTypeId: 5,
				overrides: { subject: 'Přepsáno' },
			});
			expect(fired.status).toBe(200);
			expect(fired.body).toMatchObject({ status: 200, body: { ok: true } });
			expect(received).toHaveLength(1);
			expect(received[0].headers['content-type']).toMatch(/^application\/json/);
			expect(received[0].body).toMatchObject({
				webhookTypeId: 5,
				subject: 'Přepsáno',
				fromDispalyName: expect.any(String),
			});
			expect(Object.keys(received[0].body as object)).toEqual(WEBHOOK_FIELDS[5]);

			const direct = await sandbox.fireWebhook(url, 8);
			expect(direct.status).toBe(200);
			const unsubscribe = sandbox.store.excludeLists.rows
				.filter((e) => e.sourceMarketingEmailId && e.reasonId === 1)
				.at(-1);
			expect(received[1].body).toMatchObject({
				mailId: unsubscribe?.sourceMarketingEmailId,
				excludeListId: unsubscribe?.excludeListId,
				recipient: unsubscribe?.email,
			});

			expect(
				(await admin(sandbox, 'POST', '/webhooks/fire', { url, webhookTypeId: 0 })).status,
			).toBe(400);
			const down = await admin(sandbox, 'POST', '/webhooks/fire', {
				url: 'http://127.0.0.1:1/none',
				webhookTypeId: 1,
			});
			expect(down.status).toBe(502);
		} finally {
			await new Promise((resolve) => receiver.close(resolve));
		}
	});
});
