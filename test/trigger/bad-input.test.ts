import { WebhookHarness } from '../helpers/webhook-harness';
import { FIXTURES, startTrigger, TEST_QUERY_TOKEN } from './setup';

type SendResult = Awaited<ReturnType<WebhookHarness['send']>>;

const MIB = 1024 * 1024;
const EVENT = FIXTURES['2-clicked'];

afterAll(() => WebhookHarness.cleanUp());

/** A refusal: the status, `{ error }` with a short reason, nothing started, nothing leaked. */
function expectRejected(response: SendResult, status = 400): void {
	expect(response.status).toBe(status);
	expect(response.json).toEqual({ error: expect.any(String) });
	const reason = (response.json as { error: string }).error;
	expect(reason.length).toBeGreaterThan(0);
	expect(reason.length).toBeLessThan(80);
	expect(response.text).not.toContain(TEST_QUERY_TOKEN);
	expect(response.text).not.toMatch(/\n\s+at |Error:|stack/i);
	const call = response.call!;
	expect(call.error).toBeUndefined();
	expect(call.protocolErrors).toEqual([]);
	expect(call.started).toBe(false);
	expect(call.items).toEqual([]);
	expect(call.result).toEqual({ noWebhookResponse: true });
}

function reasonOf(response: SendResult): string {
	return (response.json as { error: string }).error;
}

/** A body nested `depth` levels deep inside an otherwise valid event. */
function nested(depth: number): string {
	return `{"webhookTypeId":1,"x":${'['.repeat(depth - 1)}${']'.repeat(depth - 1)}}`;
}

describe('bad input is answered 400 and starts nothing', () => {
	let harness: WebhookHarness;
	beforeAll(async () => {
		// With a secret, so the tests also show it never appears in an answer.
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

	async function post(body: string | Buffer | undefined, contentType = 'application/json') {
		return await harness.send({
			query: { token: TEST_QUERY_TOKEN },
			headers: { 'content-type': contentType },
			body,
		});
	}

	it.each([
		[
			'a missing comma (as in the documentation)',
			'{"webhookTypeId": 1, "subject": "x" "guid": "y"}',
		],
		[
			'a missing quote (as in the documentation)',
			'{"webhookTypeId": 2, "recipient": "a@example.com, "x": 1}',
		],
		['a trailing comma', '{"webhookTypeId": 1,}'],
		['single quotes', "{'webhookTypeId': 1}"],
		['a truncated body', JSON.stringify(EVENT).slice(0, 40)],
		['two objects', '{"webhookTypeId":1}{"webhookTypeId":2}'],
		['not JSON at all', 'webhookTypeId=1&recipient=a%40example.com'],
		['XML', '<event><webhookTypeId>1</webhookTypeId></event>'],
		['NaN', '{"webhookTypeId": NaN}'],
		['a comment', '{"webhookTypeId": 1 /* delivered */}'],
	])('malformed JSON: %s', async (_label, body) => {
		const response = await post(body);
		expectRejected(response);
		expect(reasonOf(response)).toBe('Body is not valid JSON');
	});

	it.each([
		['no body', undefined],
		['an empty body', ''],
		['only white space', ' \r\n\t '],
	])('empty body: %s', async (_label, body) => {
		const response = await post(body);
		expectRejected(response);
		expect(reasonOf(response)).toBe('Body is empty');
	});

	it.each([
		['a number', '1'],
		['a string', '"webhookTypeId"'],
		['true', 'true'],
		['null', 'null'],
	])('JSON that is not an object or array: %s', async (_label, body) => {
		const response = await post(body);
		expectRejected(response);
		expect(reasonOf(response)).toBe('Body must be a JSON object or an array of objects');
	});

	it.each([
		['an empty array', '[]', 'Body is an empty array'],
		['an array of numbers', '[1, 2]', 'Event 1 is not a JSON object'],
		['an array with null', `[${JSON.stringify(EVENT)}, null]`, 'Event 2 is not a JSON object'],
		['an array of arrays', `[[${JSON.stringify(EVENT)}]]`, 'Event 1 is not a JSON object'],
		['an array with a string', `[${JSON.stringify(EVENT)}, "x"]`, 'Event 2 is not a JSON object'],
	])('arrays that are not arrays of events: %s', async (_label, body, reason) => {
		const response = await post(body);
		expectRejected(response);
		expect(reasonOf(response)).toBe(reason);
	});

	it.each([
		['missing', { ...EVENT, webhookTypeId: undefined }, 'Body has no webhookTypeId'],
		['0', { ...EVENT, webhookTypeId: 0 }, 'Body has an unknown webhookTypeId'],
		['9', { ...EVENT, webhookTypeId: 9 }, 'Body has an unknown webhookTypeId'],
		['-1', { ...EVENT, webhookTypeId: -1 }, 'Body has an unknown webhookTypeId'],
		['1000000', { ...EVENT, webhookTypeId: 1000000 }, 'Body has an unknown webhookTypeId'],
		['1.5', { ...EVENT, webhookTypeId: 1.5 }, 'Body has a webhookTypeId that is not an integer'],
		[
			'"1" (a string)',
			{ ...EVENT, webhookTypeId: '1' },
			'Body has a webhookTypeId that is not an integer',
		],
		['null', { ...EVENT, webhookTypeId: null }, 'Body has a webhookTypeId that is not an integer'],
		['true', { ...EVENT, webhookTypeId: true }, 'Body has a webhookTypeId that is not an integer'],
		[
			'an array',
			{ ...EVENT, webhookTypeId: [1] },
			'Body has a webhookTypeId that is not an integer',
		],
		[
			'an object',
			{ ...EVENT, webhookTypeId: { id: 1 } },
			'Body has a webhookTypeId that is not an integer',
		],
	])('webhookTypeId %s', async (_label, event, reason) => {
		const response = await post(JSON.stringify(event));
		expectRejected(response);
		expect(reasonOf(response)).toBe(reason);
	});

	it('refuses a whole array when one event in it is bad', async () => {
		const body = JSON.stringify([
			FIXTURES['1-delivered'],
			{ ...EVENT, webhookTypeId: 9 },
			FIXTURES['3-opened'],
		]);
		const response = await post(body);
		expectRejected(response);
		expect(reasonOf(response)).toBe('Event 2 has an unknown webhookTypeId');
	});

	it('refuses a body over 1 MiB', async () => {
		const padding = 'x'.repeat(MIB);
		const response = await post(JSON.stringify({ ...EVENT, padding }));
		expectRejected(response);
		expect(reasonOf(response)).toBe(`Body is too large (limit ${MIB} bytes)`);
		expect(response.headers.connection).toBe('close');
	});

	it('refuses a body over 1 MiB sent without a Content-Length (chunked)', async () => {
		const response = await harness.send({
			query: { token: TEST_QUERY_TOKEN },
			body: JSON.stringify({ ...EVENT, padding: 'x'.repeat(2 * MIB) }),
			chunked: true,
		});
		expectRejected(response);
		expect(reasonOf(response)).toBe(`Body is too large (limit ${MIB} bytes)`);
	});

	it('accepts a body of just under 1 MiB', async () => {
		const event = { ...EVENT, padding: '' };
		event.padding = 'x'.repeat(MIB - JSON.stringify(event).length);
		const body = JSON.stringify(event);
		expect(Buffer.byteLength(body)).toBe(MIB);
		const response = await post(body);
		expect(response.status).toBe(200);
		expect(response.call?.items).toHaveLength(1);
	});

	it('refuses JSON nested deeper than 32 levels', async () => {
		expect((await post(nested(32))).status).toBe(200);
		const response = await post(nested(33));
		expectRejected(response);
		expect(reasonOf(response)).toBe('Body is nested too deeply');
		expectRejected(await post(nested(100000)));
	});

	it('answers 415 for a charset it cannot decode', async () => {
		const response = await post(
			JSON.stringify(EVENT),
			'application/json; charset=x-no-such-charset',
		);
		expectRejected(response, 415);
		expect(reasonOf(response)).toBe('Unsupported charset');
	});
});

describe("with n8n's own body parsing in front (what a real n8n does)", () => {
	let harness: WebhookHarness;
	beforeAll(async () => {
		harness = await startTrigger({ bodyMode: 'n8n' });
	});
	afterAll(async () => await harness.close());

	it('n8n itself answers 422 to malformed JSON sent as application/json; the node never runs', async () => {
		const response = await harness.send({
			headers: { 'content-type': 'application/json' },
			body: '{"webhookTypeId": 1,',
		});
		expect(response.status).toBe(422);
		expect(response.call?.result).toBeUndefined();
		expect(response.call?.started).toBe(false);
	});

	it.each(['text/plain', 'application/octet-stream', undefined])(
		'the node answers 400 to malformed JSON sent as %s',
		async (contentType) => {
			const response = await harness.send({
				headers: contentType ? { 'content-type': contentType } : {},
				body: '{"webhookTypeId": 1,',
			});
			expectRejected(response);
		},
	);

	it('the node answers 400 to an empty body n8n parsed to {}', async () => {
		const response = await harness.send({
			headers: { 'content-type': 'application/json' },
			body: '',
		});
		expectRejected(response);
		expect(reasonOf(response)).toBe('Body is empty');
	});

	it('the node answers 400 to valid JSON that is no event', async () => {
		const response = await harness.send({
			headers: { 'content-type': 'application/json' },
			body: '{"a":1}',
		});
		expectRejected(response);
	});
});

describe('reading the bare request stream', () => {
	let harness: WebhookHarness;
	beforeAll(async () => {
		harness = await startTrigger({ bodyMode: 'stream' });
	});
	afterAll(async () => await harness.close());

	it.each([false, true])('stops reading past 1 MiB (chunked: %s)', async (chunked) => {
		const response = await harness.send({ body: Buffer.alloc(3 * MIB, 0x20), chunked });
		expectRejected(response);
		expect(reasonOf(response)).toBe(`Body is too large (limit ${MIB} bytes)`);
	});

	it('reads a chunked body', async () => {
		const response = await harness.send({ body: JSON.stringify([EVENT, EVENT]), chunked: true });
		expect(response.status).toBe(200);
		expect(response.call?.items).toHaveLength(2);
	});

	it('refuses malformed JSON', async () => {
		expectRejected(await harness.send({ body: '{"webhookTypeId":' }));
	});
});
