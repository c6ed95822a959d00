import type { IDataObject } from 'n8n-workflow';

import { timing } from '../../nodes/MailKomplet/transport';
import type { Fault } from '../../sandbox';
import { CountWaiters } from '../../sandbox';

export interface FakeClock {
	/** Every wait the node began, in order. */
	waits: number[];
	setNow(ms: number): void;
	/** From now on (this test), waits last until `advance` moves the time past their end. */
	holdWaits(): void;
	/** Resolves once `count` held waits are under way. */
	untilWaiting(count: number): Promise<void>;
	/** Moves the time on by `ms`, ending the held waits that are then over. */
	advance(ms: number): void;
}

/**
 * Replaces the transport's clock for each test: waits are recorded and end at once, time moves
 * on by what was waited, jitter is fixed at its middle. Bounds are asserted on `waits`; a test
 * that needs to act while the node waits holds the waits and advances the time itself.
 */
export function useFakeClock(): FakeClock {
	const real = { ...timing };
	let now = 0;
	let sleepers: Array<{ until: number; wake: () => void }> = [];
	const waiting = new CountWaiters(() => sleepers.length);
	const autoSleep = async (ms: number) => {
		clock.waits.push(ms);
		now += ms;
	};
	const heldSleep = async (ms: number) => {
		clock.waits.push(ms);
		await new Promise<void>((wake) => {
			sleepers.push({ until: now + ms, wake });
			waiting.check();
		});
	};
	const clock: FakeClock = {
		waits: [],
		setNow: (ms) => (now = ms),
		holdWaits: () => (timing.sleep = heldSleep),
		untilWaiting: async (count) => await waiting.until(count),
		advance: (ms) => {
			now += ms;
			const over = sleepers.filter((sleeper) => sleeper.until <= now);
			sleepers = sleepers.filter((sleeper) => sleeper.until > now);
			for (const sleeper of over) sleeper.wake();
		},
	};
	beforeEach(() => {
		clock.waits.length = 0;
		sleepers = [];
		// From the real time, as the sandbox's Retry-After dates are.
		now = Date.now();
		timing.sleep = autoSleep;
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

/**
 * Retries and Timeout for tests: tiny waits, and a timeout long for a busy machine's answers;
 * a "slow" fault holds its answer until the test releases it, so it always comes too late.
 */
export const FAST = { retryDelayMs: 1, timeoutMs: 1000 };

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
	['an answer slower than the timeout', { kind: 'slow' }],
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
