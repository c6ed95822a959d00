import { WebhookHarness } from '../helpers/webhook-harness';
import {
	FIXTURES,
	startTrigger,
	TEST_BASIC_PASSWORD,
	TEST_BASIC_USER,
	TEST_HEADER_TOKEN,
	TEST_QUERY_TOKEN,
} from './setup';

const EVENT = FIXTURES['1-delivered'];

function basic(user: string, password: string): string {
	return `Basic ${Buffer.from(`${user}:${password}`, 'utf8').toString('base64')}`;
}

afterAll(() => WebhookHarness.cleanUp());

/** Checks a refusal: status, short JSON reason, nothing started, nothing of the secrets. */
function expectRefused(
	response: Awaited<ReturnType<WebhookHarness['send']>>,
	status: number,
	secrets: string[],
) {
	expect(response.status).toBe(status);
	expect(response.json).toEqual({ error: expect.any(String) });
	expect(response.call?.started).toBe(false);
	expect(response.call?.items).toEqual([]);
	expect(response.call?.error).toBeUndefined();
	expect(response.call?.protocolErrors).toEqual([]);
	for (const secret of secrets) expect(response.text).not.toContain(secret);
	expect(response.text).not.toMatch(/\bat \S+ \(|Error:/);
}

describe('no authentication', () => {
	let harness: WebhookHarness;
	beforeAll(async () => {
		harness = await startTrigger({ parameters: { authentication: 'none' } });
	});
	afterAll(async () => await harness.close());

	it('accepts any caller', async () => {
		const response = await harness.send({ body: EVENT });
		expect(response.status).toBe(200);
		expect(response.call?.items).toHaveLength(1);
	});
});

describe('shared secret in a query parameter', () => {
	let harness: WebhookHarness;
	beforeAll(async () => {
		harness = await startTrigger({
			parameters: { authentication: 'sharedSecret' },
			credentials: {
				mailKompletWebhookSecretApi: {
					location: 'query',
					queryParameterName: 'token',
					secret: TEST_QUERY_TOKEN,
				},
			},
		});
	});
	afterAll(async () => await harness.close());

	it('accepts the right secret', async () => {
		const response = await harness.send({ query: { token: TEST_QUERY_TOKEN }, body: EVENT });
		expect(response.status).toBe(200);
		expect(response.call?.items).toHaveLength(1);
		// The secret is not copied into the output.
		expect(JSON.stringify(response.call?.items)).not.toContain(TEST_QUERY_TOKEN);
	});

	it('accepts it on the test URL too', async () => {
		const response = await harness.send({
			url: 'test',
			query: { token: TEST_QUERY_TOKEN },
			body: EVENT,
		});
		expect(response.status).toBe(200);
	});

	it('answers 401 without the parameter', async () => {
		expectRefused(await harness.send({ body: EVENT }), 401, [TEST_QUERY_TOKEN]);
	});

	it('answers 401 for an empty parameter', async () => {
		expectRefused(await harness.send({ query: { token: '' }, body: EVENT }), 401, [
			TEST_QUERY_TOKEN,
		]);
	});

	it('answers 401 when the secret is sent elsewhere (in a header)', async () => {
		const response = await harness.send({ headers: { token: TEST_QUERY_TOKEN }, body: EVENT });
		expectRefused(response, 401, [TEST_QUERY_TOKEN]);
	});

	it.each([
		['a wrong secret', 'wrong-token'],
		['the secret with one character changed', TEST_QUERY_TOKEN.slice(0, -1) + 'X'],
		['a prefix of the secret', TEST_QUERY_TOKEN.slice(0, 8)],
		['the secret with more after it', TEST_QUERY_TOKEN + 'x'],
		['the secret in other case', TEST_QUERY_TOKEN.toUpperCase()],
	])('answers 403 for %s', async (_label, token) => {
		expectRefused(await harness.send({ query: { token }, body: EVENT }), 403, [TEST_QUERY_TOKEN]);
	});

	it('answers 403 when the parameter comes twice', async () => {
		const response = await harness.send({
			query: { token: [TEST_QUERY_TOKEN, 'other'] },
			body: EVENT,
		});
		expectRefused(response, 403, [TEST_QUERY_TOKEN]);
	});

	it('checks the secret before the body', async () => {
		expectRefused(await harness.send({ query: { token: 'wrong' }, body: '{nope' }), 403, []);
		expectRefused(await harness.send({ body: '' }), 401, []);
	});
});

describe('shared secret in a header', () => {
	let harness: WebhookHarness;
	beforeAll(async () => {
		harness = await startTrigger({
			parameters: { authentication: 'sharedSecret' },
			credentials: {
				mailKompletWebhookSecretApi: {
					location: 'header',
					headerName: 'X-Mail-Komplet-Token',
					secret: TEST_HEADER_TOKEN,
				},
			},
		});
	});
	afterAll(async () => await harness.close());

	it('accepts the right secret, whatever the case of the header name', async () => {
		for (const name of ['X-Mail-Komplet-Token', 'x-mail-komplet-token', 'X-MAIL-KOMPLET-TOKEN']) {
			const response = await harness.send({ headers: { [name]: TEST_HEADER_TOKEN }, body: EVENT });
			expect(response.status).toBe(200);
			expect(response.call?.items).toHaveLength(1);
		}
	});

	it('answers 401 without the header', async () => {
		expectRefused(await harness.send({ body: EVENT }), 401, [TEST_HEADER_TOKEN]);
	});

	it('answers 401 when the secret is sent as a query parameter instead', async () => {
		const response = await harness.send({
			query: { 'X-Mail-Komplet-Token': TEST_HEADER_TOKEN },
			body: EVENT,
		});
		expectRefused(response, 401, [TEST_HEADER_TOKEN]);
	});

	it('answers 403 for a wrong secret', async () => {
		const response = await harness.send({
			headers: { 'X-Mail-Komplet-Token': 'nope' },
			body: EVENT,
		});
		expectRefused(response, 403, [TEST_HEADER_TOKEN]);
	});

	it('answers 403 for the secret as a Bearer token', async () => {
		const response = await harness.send({
			headers: { 'X-Mail-Komplet-Token': `Bearer ${TEST_HEADER_TOKEN}` },
			body: EVENT,
		});
		expectRefused(response, 403, [TEST_HEADER_TOKEN]);
	});
});

describe('Basic Auth', () => {
	let harness: WebhookHarness;
	beforeAll(async () => {
		harness = await startTrigger({
			parameters: { authentication: 'basicAuth' },
			credentials: {
				mailKompletWebhookBasicAuthApi: { user: TEST_BASIC_USER, password: TEST_BASIC_PASSWORD },
			},
		});
	});
	afterAll(async () => await harness.close());

	it('accepts the right user and password', async () => {
		const response = await harness.send({
			headers: { authorization: basic(TEST_BASIC_USER, TEST_BASIC_PASSWORD) },
			body: EVENT,
		});
		expect(response.status).toBe(200);
		expect(response.call?.items).toHaveLength(1);
	});

	it('accepts a lower-case scheme', async () => {
		const header = basic(TEST_BASIC_USER, TEST_BASIC_PASSWORD).replace('Basic', 'basic');
		const response = await harness.send({ headers: { authorization: header }, body: EVENT });
		expect(response.status).toBe(200);
	});

	it('answers 401 with a Basic challenge without credentials', async () => {
		const response = await harness.send({ body: EVENT });
		expectRefused(response, 401, [TEST_BASIC_PASSWORD]);
		expect(response.headers['www-authenticate']).toBe(
			'Basic realm="Mail Komplet Trigger", charset="UTF-8"',
		);
	});

	it('answers 401 for another scheme', async () => {
		const response = await harness.send({
			headers: { authorization: `Bearer ${TEST_BASIC_PASSWORD}` },
			body: EVENT,
		});
		expectRefused(response, 401, [TEST_BASIC_PASSWORD]);
	});

	it.each([
		['a wrong password', basic(TEST_BASIC_USER, 'wrong-password')],
		['a wrong user', basic('someone-else', TEST_BASIC_PASSWORD)],
		['user and password swapped', basic(TEST_BASIC_PASSWORD, TEST_BASIC_USER)],
		['an empty password', basic(TEST_BASIC_USER, '')],
		['no colon', `Basic ${Buffer.from(TEST_BASIC_USER + TEST_BASIC_PASSWORD).toString('base64')}`],
		['no credentials after the scheme', 'Basic'],
		['garbage after the scheme', 'Basic !!!not-base64!!!'],
	])('answers 403 for %s', async (_label, authorization) => {
		const response = await harness.send({ headers: { authorization }, body: EVENT });
		expectRefused(response, 403, [TEST_BASIC_PASSWORD]);
	});
});

describe('authentication chosen but no credential set on the node', () => {
	it.each(['sharedSecret', 'basicAuth'])(
		'%s: answers 500, starts nothing, does not crash',
		async (authentication) => {
			const harness = await startTrigger({ parameters: { authentication } });
			try {
				const response = await harness.send({ body: EVENT });
				expectRefused(response, 500, []);
				expect(response.json).toEqual({ error: 'Webhook authentication is not set up in n8n' });
			} finally {
				await harness.close();
			}
		},
	);

	it('answers 500 for a credential with an empty secret', async () => {
		const harness = await startTrigger({
			parameters: { authentication: 'sharedSecret' },
			credentials: {
				mailKompletWebhookSecretApi: { location: 'query', queryParameterName: 'token', secret: '' },
			},
		});
		try {
			expectRefused(await harness.send({ query: { token: '' }, body: EVENT }), 500, []);
		} finally {
			await harness.close();
		}
	});
});
