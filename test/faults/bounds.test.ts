/**
 * Retries stay within Max Tries and Max Total Wait, follow Retry-After (seconds or HTTP date),
 * and otherwise back off exponentially with jitter. Waits are counted on a fake clock.
 */
import type { INodeProperties } from 'n8n-workflow';

import { requestOptionsProperty } from '../../nodes/MailKomplet/actions/requestOptions.descriptions';
import { timing } from '../../nodes/MailKomplet/transport';
import { runNode } from '../harness';
import { useFakeClock } from '../helpers/faults';
import { useSandbox } from '../helpers/sandbox';

const t = useSandbox();
const clock = useFakeClock();

const getLists = { resource: 'mailingList', operation: 'getAll', returnAll: true };
const createList = { resource: 'mailingList', operation: 'create', name: 'A', isTest: false };

describe('Max Tries', () => {
	it('by default sends a failing read 5 times, backing off 0.75, 1.5, 3 and 6 s (jitter at its middle)', async () => {
		t.sandbox.inject({ method: 'GET', status: 503, times: 10 });

		const result = await t.run(getLists);

		expect(result.error?.message).toBe('Mail Komplet had a server error (503, 5 tries)');
		expect(t.sent()).toHaveLength(5);
		expect(clock.waits).toEqual([750, 1500, 3000, 6000]);
	});

	it('sends a failing read exactly as often as set', async () => {
		t.sandbox.inject({ method: 'GET', status: 429, times: 10, headers: { 'retry-after': '1' } });

		const result = await t.run({ ...getLists, requestOptions: { maxTries: 3 } });

		expect(result.error?.message).toBe('Mail Komplet rate limit reached (429, 3 tries)');
		expect(t.sent()).toHaveLength(3);
		expect(clock.waits).toEqual([1000, 1000]);
	});

	it('holds for writes that are not safe to repeat: a create retries 429 at most that often', async () => {
		t.sandbox.inject({ method: 'POST', status: 429, times: 10, headers: { 'retry-after': '0' } });

		const result = await t.run({ ...createList, requestOptions: { maxTries: 2 } });

		expect(result.error?.message).toBe('Mail Komplet rate limit reached (429, 2 tries)');
		expect(t.sent().map((r) => r.method)).toEqual(['POST', 'POST']);
		expect(t.sandbox.store.mailingLists.size).toBe(0);
	});

	it('retries a send whose connection was never made, and says so', async () => {
		const result = await runNode({
			parameters: {
				resource: 'transactionalSms',
				operation: 'send',
				sendMode: 'perItem',
				to: '+420775000001',
				text: 'Hi',
				requestOptions: { maxTries: 3 },
			},
			credentials: { ...t.credentials, baseUrl: 'http://127.0.0.1:1/api' },
		});

		expect(result.error?.message).toBe(
			'Could not reach Mail Komplet: connection refused (ECONNREFUSED, 3 tries)',
		);
		expect(clock.waits).toHaveLength(2);
	});
});

describe('Retry-After', () => {
	it('waits the seconds Mail Komplet asks for', async () => {
		t.sandbox.inject({ method: 'GET', status: 429, headers: { 'retry-after': '7' } });

		const result = await t.run(getLists);

		expect(result.error).toBeUndefined();
		expect(clock.waits).toEqual([7000]);
	});

	it('waits until the HTTP date Mail Komplet names', async () => {
		clock.setNow(Date.parse('2026-11-23T10:00:00Z'));
		t.sandbox.inject({
			method: 'GET',
			status: 503,
			headers: { 'retry-after': 'Mon, 23 Nov 2026 10:00:12 GMT' },
		});

		const result = await t.run(getLists);

		expect(result.error).toBeUndefined();
		expect(clock.waits).toEqual([12000]);
	});
});

describe('Max Total Wait', () => {
	it('ends the retries when a Retry-After is longer than what is left', async () => {
		t.sandbox.inject({ method: 'GET', status: 429, times: 10, headers: { 'retry-after': '6' } });

		const result = await t.run({ ...getLists, requestOptions: { maxWaitSeconds: 10 } });

		expect(result.error?.message).toBe('Mail Komplet rate limit reached (429, 2 tries)');
		expect(clock.waits).toEqual([6000]);
	});

	it('bounds backoff too: no wait starts that would pass it', async () => {
		t.sandbox.inject({ method: 'GET', kind: 'drop', times: 20 });

		const result = await t.run({
			...getLists,
			requestOptions: { maxTries: 10, maxWaitSeconds: 5, retryDelayMs: 1000 },
		});

		expect(result.error?.message).toBe(
			'Lost the connection to Mail Komplet: connection reset (ECONNRESET, 3 tries)',
		);
		expect(clock.waits).toEqual([750, 1500]);
	});
});

describe('backoff jitter', () => {
	it.each([
		[0, [500, 1000, 2000, 4000]],
		[0.999, [1000, 1999, 3998, 7996]],
	])(
		'with randomness %p waits %p: between half and all of the doubled delay',
		async (random, waits) => {
			timing.random = () => random;
			t.sandbox.inject({ method: 'GET', status: 502, times: 10 });

			await t.run(getLists);

			expect(clock.waits).toEqual(waits);
		},
	);
});

describe('Retries and Timeout are checked', () => {
	it('refuses a Max Tries out of range before sending anything', async () => {
		const result = await t.run({ ...getLists, requestOptions: { maxTries: '={{ 0 }}' } });

		expect(result.error?.message).toBe('Max Tries must be a number from 1 to 10, got 0');
		expect(t.sent()).toEqual([]);
	});

	it.each([
		['timeoutMs', 2 ** 31, 'Timeout (Ms) must be a number from 1 to 3600000, got 2147483648'],
		[
			'maxWaitSeconds',
			2 ** 31 / 1000,
			'Max Total Wait (Seconds) must be a number from 0 to 3600, got 2147483.648',
		],
	])(
		'refuses a %s a timer cannot hold, before sending anything',
		async (option, value, message) => {
			const result = await t.run({ ...getLists, requestOptions: { [option]: `={{ ${value} }}` } });

			expect(result.error?.message).toBe(message);
			expect(t.sent()).toEqual([]);
		},
	);

	it('offers no Timeout or Max Total Wait beyond an hour in the editor', () => {
		const bounds = Object.fromEntries(
			(requestOptionsProperty.options as INodeProperties[]).map((o) => [
				o.name,
				o.typeOptions?.maxValue,
			]),
		);

		expect(bounds).toMatchObject({ timeoutMs: 3_600_000, maxWaitSeconds: 3_600 });
	});
});
