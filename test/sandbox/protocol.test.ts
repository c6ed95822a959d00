import { startSandbox } from '../../sandbox';
import type { Sandbox } from '../../sandbox';
import { call } from './helpers';

describe('sandbox protocol: auth, headers, body, routing', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox();
	});
	afterAll(() => sandbox.close());
	beforeEach(() => sandbox.reset());

	it('answers a correct request with 200', async () => {
		const res = await call(sandbox, 'GET', '/mailingLists');
		expect(res.status).toBe(200);
		expect(res.headers['content-type']).toMatch(/^application\/json/);
		expect(res.body).toEqual({ totalRecordCount: 0, pageCount: 0, data: [] });
	});

	it.each([
		['no Authorization header', { headers: { authorization: '' } }],
		['a wrong key', { headers: { authorization: 'Basic wrong-key' } }],
		[
			'a base64-encoded key',
			{ headers: { authorization: `Basic ${Buffer.from('sandbox-api-key').toString('base64')}` } },
		],
		['a Bearer token', { headers: { authorization: 'Bearer sandbox-api-key' } }],
		['a wrong baseCrypt', { baseCrypt: 'otherAccount' }],
	])('rejects %s with 403', async (_label, options) => {
		const res = await call(sandbox, 'GET', '/mailingLists', options);
		expect(res.status).toBe(403);
		expect(res.body).toEqual({ message: expect.any(String) });
	});

	it('requires X-Requested-With: XMLHttpRequest (400 naming the header)', async () => {
		const res = await call(sandbox, 'GET', '/mailingLists', {
			replaceHeaders: true,
			headers: { accept: 'application/json', authorization: 'Basic sandbox-api-key' },
		});
		expect(res.status).toBe(400);
		expect(res.body.message).toContain('X-Requested-With');
	});

	it('requires an Accept header that accepts JSON', async () => {
		const missing = await call(sandbox, 'GET', '/mailingLists', {
			replaceHeaders: true,
			headers: { 'x-requested-with': 'XMLHttpRequest', authorization: 'Basic sandbox-api-key' },
		});
		expect(missing.status).toBe(400);
		expect(missing.body.message).toContain('Accept');
		const html = await call(sandbox, 'GET', '/mailingLists', { headers: { accept: 'text/html' } });
		expect(html.status).toBe(400);
		const any = await call(sandbox, 'GET', '/mailingLists', {
			headers: { accept: 'text/html, */*;q=0.1' },
		});
		expect(any.status).toBe(200);
	});

	it('requires Content-Type application/json on POST/PUT bodies (415), charset allowed', async () => {
		const plain = await call(sandbox, 'POST', '/mailingLists', {
			rawBody: JSON.stringify({ name: 'A', isTest: false }),
			headers: { 'content-type': 'text/plain' },
		});
		expect(plain.status).toBe(415);
		const withCharset = await call(sandbox, 'POST', '/mailingLists', {
			body: { name: 'A', isTest: false },
			headers: { 'content-type': 'application/json; charset=utf-8' },
		});
		expect(withCharset.status).toBe(200);
	});

	it('rejects malformed JSON with 400', async () => {
		const res = await call(sandbox, 'POST', '/mailingLists', {
			rawBody: '{"name": "A", ',
			headers: { 'content-type': 'application/json' },
		});
		expect(res.status).toBe(400);
		expect(res.body.message).toMatch(/JSON/);
	});

	it('answers 404 for unknown paths and 405 for undocumented methods', async () => {
		expect((await call(sandbox, 'GET', '/nothingHere')).status).toBe(404);
		expect(
			(await call(sandbox, 'GET', '/marketing', { query: { generatorExecutionId: 1 } })).status,
		).toBe(404);
		const patch = await call(sandbox, 'PATCH', '/mailingLists');
		expect(patch.status).toBe(405);
		expect(patch.headers.allow).toContain('GET');
		expect((await call(sandbox, 'GET', '/mailingLists/5')).status).toBe(405);
		expect((await call(sandbox, 'PUT', '/mailingLists/abc', { body: {} })).status).toBe(404);
	});

	it('validates query IDs and booleans (400)', async () => {
		const id = await call(sandbox, 'GET', '/contacts', { query: { contactId: 'abc' } });
		expect(id.status).toBe(400);
		expect(id.body.message).toContain('contactId');
		const bool = await call(sandbox, 'GET', '/mailingLists', { query: { isTesting: 'yes' } });
		expect(bool.status).toBe(400);
		expect(bool.body.message).toContain('isTesting');
	});

	it('records every /api request, including refused ones', async () => {
		await call(sandbox, 'POST', '/mailingLists', {
			body: { name: 'Rec', isTest: false },
			query: { a: 1 },
		});
		await call(sandbox, 'GET', '/contacts', {
			headers: { authorization: 'Basic nope' },
			query: { email: 'x', page: 2 },
		});
		const recorded = sandbox.takeRequests();
		expect(recorded).toHaveLength(2);
		expect(recorded[0]).toMatchObject({
			method: 'POST',
			path: '/api/sandboxBaseCrypt/mailingLists',
			query: { a: '1' },
			body: { name: 'Rec', isTest: false },
			status: 200,
		});
		expect(recorded[0].headers['x-requested-with']).toBe('XMLHttpRequest');
		expect(recorded[0].rawBody).toBe('{"name":"Rec","isTest":false}');
		expect(recorded[1]).toMatchObject({
			method: 'GET',
			status: 403,
			query: { email: 'x', page: '2' },
			body: undefined,
		});
		expect(sandbox.requests).toHaveLength(0);
	});

	it('uses a custom API key and baseCrypt', async () => {
		const other = await startSandbox({ apiKey: 'K-123', baseCrypt: 'acc42' });
		try {
			expect(other.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api$/);
			expect((await call(other, 'GET', '/templates')).status).toBe(200);
			expect(
				(await call(other, 'GET', '/templates', { baseCrypt: 'sandboxBaseCrypt' })).status,
			).toBe(403);
		} finally {
			await other.close();
		}
	});
});
