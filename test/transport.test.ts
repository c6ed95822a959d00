import { parseRetryAfter } from '../nodes/MailKomplet/transport';
import { networkFailure } from '../nodes/MailKomplet/transport/failures';
import { jsonOf, runNode } from './harness';
import { expectNoSecret, useFakeClock } from './helpers/faults';
import { useSandbox } from './helpers/sandbox';

describe('transport: retries (details per fault kind in test/faults)', () => {
	const t = useSandbox();
	const clock = useFakeClock();

	it('retries a 429 after the Retry-After seconds and succeeds', async () => {
		t.sandbox.store.addMailingList({ name: 'Customers' });
		t.sandbox.inject({
			method: 'GET',
			path: '/mailingLists',
			status: 429,
			headers: { 'retry-after': '1' },
		});

		const result = await t.run({ resource: 'mailingList', operation: 'getAll', returnAll: true });

		expect(result.error).toBeUndefined();
		expect(jsonOf(result).map((l) => l.name)).toEqual(['Customers']);
		expect(t.sent()).toHaveLength(2);
		expect(clock.waits).toEqual([1000]);
	});

	it('retries a POST on 429, since the server did not act on it', async () => {
		t.sandbox.inject({
			method: 'POST',
			path: '/mailingLists',
			status: 429,
			headers: { 'retry-after': '0' },
		});

		const result = await t.run({
			resource: 'mailingList',
			operation: 'create',
			name: 'A',
			isTest: false,
		});

		expect(result.error).toBeUndefined();
		expect(t.sent().map((r) => r.method)).toEqual(['POST', 'POST']);
		expect(t.sandbox.store.mailingLists.size).toBe(1);
	});

	it('after a 503 to a create, looks for the record twice (2 s apart) before sending it again', async () => {
		t.sandbox.inject({ method: 'POST', path: '/mailingLists', status: 503 });

		const result = await t.run({
			resource: 'mailingList',
			operation: 'create',
			name: 'A',
			isTest: false,
		});

		expect(result.error).toBeUndefined();
		expect(t.sent().map((r) => `${r.method} ${r.path}`)).toEqual([
			'POST /mailingLists',
			'GET /mailingLists',
			'GET /mailingLists',
			'POST /mailingLists',
		]);
		expect(clock.waits).toEqual([2000]);
		expect(t.sandbox.store.mailingLists.size).toBe(1);
	});

	it('retries GET, PUT and DELETE on 503', async () => {
		const list = t.sandbox.store.addMailingList({ name: 'A' });
		t.sandbox.inject({ method: 'PUT', status: 503, headers: { 'retry-after': '0' } });
		t.sandbox.inject({ method: 'DELETE', status: 503, headers: { 'retry-after': '0' } });

		const updated = await t.run({
			resource: 'mailingList',
			operation: 'update',
			mailingListId: { __rl: true, mode: 'id', value: String(list.mailingListId) },
			updateFields: { name: 'B' },
		});
		const deleted = await t.run({
			resource: 'mailingList',
			operation: 'delete',
			mailingListIds: [list.mailingListId],
			unassign: true,
		});

		expect([updated.error, deleted.error]).toEqual([undefined, undefined]);
		expect(t.sent().map((r) => r.method)).toEqual(['PUT', 'PUT', 'DELETE', 'DELETE']);
	});

	it('gives up after five tries, saying so', async () => {
		t.sandbox.inject({ method: 'GET', status: 429, times: 10, headers: { 'retry-after': '0' } });

		const result = await t.run({ resource: 'mailingList', operation: 'getAll', returnAll: true });

		expect(result.error?.message).toBe('Mail Komplet rate limit reached (429, 5 tries)');
		expect(result.error?.httpCode).toBe('429');
		expect(t.sent()).toHaveLength(5);
	});

	it('does not wait longer than 60 seconds in all', async () => {
		t.sandbox.inject({ method: 'GET', status: 429, headers: { 'retry-after': '61' } });

		const result = await t.run({ resource: 'mailingList', operation: 'getAll', returnAll: true });

		expect(result.error?.httpCode).toBe('429');
		expect(t.sent()).toHaveLength(1);
		expect(clock.waits).toEqual([]);
	});
});

describe('transport: errors and secrets', () => {
	const t = useSandbox();
	useFakeClock();

	it('maps 403 to "API key or baseCrypt is wrong" and never shows the key', async () => {
		const result = await runNode({
			parameters: { resource: 'mailingList', operation: 'getAll', returnAll: true },
			credentials: { ...t.credentials, apiKey: 'wrong-secret-key-123' },
		});

		expect(result.error?.message).toBe('API key or baseCrypt is wrong');
		expect(result.error?.httpCode).toBe('403');
		expectNoSecret(result.error, 'wrong-secret-key-123');
		expectNoSecret(result.run.data.resultData, 'wrong-secret-key-123');
	});

	it.each([
		[400, 'Mail Komplet rejected the request: The name field is required.'],
		// A Get Many names no record: its 404 can only mean a wrong address.
		[404, 'Nothing at this address answers like Mail Komplet'],
		[500, 'Mail Komplet had a server error (500, 5 tries)'],
	])('maps %i and keeps the key out of the error', async (status, message) => {
		t.sandbox.inject({ status, times: 5, body: { message: 'The name field is required.' } });

		const result = await t.run({ resource: 'mailingList', operation: 'getAll', returnAll: true });

		expect(result.error?.message).toBe(message);
		expectNoSecret(result.error, t.credentials.apiKey);
		expectNoSecret(result.run, t.credentials.apiKey);
	});

	it('quotes an answer echoing the request headers without any credential in it, cut short', async () => {
		const echo = [
			'Bad request. Authorization: Basic sandbox-api-key',
			'Cookie: .ASPXAUTH=0123456789abcdef; other=1',
			'Proxy-Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.e30.c2lnbmF0dXJl',
			'X-Api-Key: k-123456',
			'x'.repeat(5000),
		].join('\n');
		t.sandbox.inject({ status: 400, body: { message: echo } });

		const result = await t.run({ resource: 'mailingList', operation: 'getAll', returnAll: true });

		expect(result.error?.message).toMatch(
			/^Mail Komplet rejected the request: Bad request\. Authorization: \[hidden\] Cookie: \[hidden\]; other=1 Proxy-Authorization: \[hidden\] X-Api-Key: \[hidden\] x+…$/,
		);
		expect(result.error?.message.length).toBeLessThan(350);
		for (const secret of [
			'sandbox-api-key',
			'0123456789abcdef',
			'eyJhbGciOiJIUzI1NiJ9',
			'k-123456',
		]) {
			expectNoSecret(result.error, secret);
			expectNoSecret(result.run.data, secret);
		}
	});

	it('keeps the key out of network errors', async () => {
		const result = await runNode({
			parameters: { resource: 'mailingList', operation: 'getAll', returnAll: true },
			credentials: { ...t.credentials, baseUrl: 'http://127.0.0.1:1/api' },
		});

		expect(result.error?.message).toBe(
			'Could not reach Mail Komplet: connection refused (ECONNREFUSED, 5 tries)',
		);
		expect(result.error?.description).toContain('Check the Base URL');
		expectNoSecret(result.error, t.credentials.apiKey);
	});

	it('keeps the key out of continueOnFail output items', async () => {
		const result = await runNode({
			parameters: { resource: 'mailingList', operation: 'getAll', returnAll: true },
			credentials: { ...t.credentials, apiKey: 'wrong-secret-key-456' },
			continueOnFail: true,
		});

		expect(result.items).toEqual([
			{
				json: {
					error: 'API key or baseCrypt is wrong',
					description:
						'Mail Komplet said: Authorization has been denied for this request. Check the API key and baseCrypt in the Mail Komplet credential (Settings > API keys in Mail Komplet).',
				},
				pairedItem: { item: 0 },
			},
		]);
		expectNoSecret(result.items, 'wrong-secret-key-456');
	});

	it('encodes the baseCrypt as one path segment', async () => {
		const result = await runNode({
			parameters: { resource: 'mailingList', operation: 'getAll', returnAll: true },
			credentials: { ...t.credentials, baseCrypt: '../x?y' },
		});

		expect(result.error?.httpCode).toBe('403');
		expect(t.sandbox.takeRequests().map((r) => r.path)).toEqual(['/api/..%2Fx%3Fy/mailingLists']);
	});
});

describe('transport: paging when the server serves fewer records than asked', () => {
	const t = useSandbox({ maxPageSize: 100 });

	it('continues at the served size and returns each record once', async () => {
		t.sandbox.store.addContacts(350);

		const result = await t.run({
			resource: 'contact',
			operation: 'getAll',
			returnAll: true,
			options: { pageSize: 500 },
		});

		const ids = jsonOf(result).map((c) => c.contactId);
		expect(ids).toHaveLength(350);
		expect(new Set(ids).size).toBe(350);
		// Pages 2 to 4 are under way together, so they may arrive in any order.
		const byPage = t.sent().sort((a, b) => Number(a.query.page) - Number(b.query.page));
		expect(byPage.map((r) => r.query)).toEqual([
			{ page: '1', pageSize: '500' },
			{ page: '2', pageSize: '100' },
			{ page: '3', pageSize: '100' },
			{ page: '4', pageSize: '100' },
		]);
	});

	it('stops at the Limit across pages', async () => {
		t.sandbox.store.addContacts(350);

		const result = await t.run({
			resource: 'contact',
			operation: 'getAll',
			returnAll: false,
			limit: 150,
		});

		expect(jsonOf(result)).toHaveLength(150);
		expect(t.sent()).toHaveLength(2);
	});
});

describe('transport: Retry-After', () => {
	const now = Date.parse('2026-11-23T10:00:00Z');

	it.each([
		['2', 2000],
		['0.5', 500],
		['Mon, 23 Nov 2026 10:00:07 GMT', 7000],
		['Mon, 23 Nov 2026 09:59:00 GMT', 0],
		['soon', undefined],
		[undefined, undefined],
	])('reads %p as %p ms', (value, expected) => {
		expect(parseRetryAfter(value, now)).toBe(expected);
	});
});

describe('connection failures as n8n reports them', () => {
	it.each([
		[
			'The connection to the server was closed unexpectedly, perhaps it is offline.',
			'ECONNRESET',
			true,
		],
		['The service refused the connection - perhaps it is offline', 'ECONNREFUSED', false],
		["The connection timed out, consider setting the 'Retry on Fail' option", 'ETIMEDOUT', true],
	])('"%s" without a code is %s', (message, code, established) => {
		// n8n 1.x wraps the socket error in a NodeApiError whose text replaces the code.
		const wrapped = Object.assign(new Error(message), { cause: new Error('wrapped') });

		expect(networkFailure(wrapped)).toMatchObject({ type: 'network', code, established });
	});
});
