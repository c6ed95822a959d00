import type { IDataObject } from 'n8n-workflow';

import { timing } from '../../nodes/MailKomplet/transport';
import type { Fault } from '../../sandbox';

/**
 * Replaces the transport's clock for each test: waits are recorded and return at once, time
 * moves on by what was waited, jitter is fixed at its middle. Bounds are asserted on `waits`.
 */
export function useFakeClock(): { waits: number[]; setNow: (ms: number) => void } {
	const real = { ...timing };
	let now = 0;
	const clock = { waits: [] as number[], setNow: (ms: number) => (now = ms) };
	beforeEach(() => {
		clock.waits.length = 0;
		now = Date.now();
		timing.sleep = async (ms: number) => {
			clock.waits.push(ms);
			now += ms;
		};
		timing.now = () => now;
		timing.random = () => 0.5;
	});
	afterEach(() => Object.assign(timing, real));
	return clock;
}

/** What a leaked secret would look like anywhere in a value, its stack included. */
export function expectNoSecret(value: unknown, secret: string): void {
	const text = JSON.stringify(value, Object.getOwnPropertyNames(value ?? {}));
	expect(text).not.toContain(secret);
	expect(String((value as Error)?.stack ?? '')).not.toContain(secret);
}

/** Retries and Timeout for tests: tiny waits, a timeout short for the "slow" fault yet long for a busy CI machine. */
export const FAST = { retryDelayMs: 1, timeoutMs: 600 };

/** How long a "slow" fault holds its answer: well past FAST's timeout. */
export const SLOW_MS = 900;

/** Every fault kind the sandbox injects, named for test titles; `applied` ones let the write happen. */
export const FAULT_KINDS: Array<[string, Omit<Fault, 'method' | 'path'>]> = [
	['a 429 with Retry-After seconds', { status: 429, headers: { 'retry-after': '0' } }],
	['a 429 with Retry-After as a date', { status: 429, headers: { 'retry-after': 'date' } }],
	['a 500 before the write', { status: 500 }],
	['a 502 before the write', { status: 502 }],
	['a 503 before the write', { status: 503 }],
	['a 504 before the write', { status: 504 }],
	['a 500 after the write', { status: 500, applied: true }],
	['a 503 after the write', { status: 503, applied: true }],
	['a 504 after the write', { status: 504, applied: true }],
	['a connection dropped before the write', { kind: 'drop' }],
	['a connection dropped after the write', { kind: 'drop', applied: true }],
	['an answer cut short', { kind: 'cut' }],
	['an answer slower than the timeout', { kind: 'slow', delayMs: SLOW_MS }],
	['a CDN error page 520 after the write', { kind: 'page', status: 520, applied: true }],
	['a CDN timeout page 524 after the write', { kind: 'page', status: 524, applied: true }],
];

/** Answers from something that is not Mail Komplet, which never saw the request. */
export const PROXY_FAULT_KINDS: Array<[string, Omit<Fault, 'method' | 'path'>]> = [
	['a 200 web page instead of the answer', { kind: 'page' }],
	['a 302 to a maintenance page', { kind: 'redirect' }],
];

/** The faults that leave open whether a write happened (everything but 429). */
export const AMBIGUOUS_FAULTS = FAULT_KINDS.filter(([, fault]) => fault.status !== 429);

/** The JSON of error items, by the item they are paired with. */
export function errorItems(items: Array<{ json: IDataObject; pairedItem?: unknown }>) {
	return items
		.filter((item) => item.json.error !== undefined)
		.map((item) => ({ item: (item.pairedItem as { item: number }).item, error: item.json.error }));
}
