import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Clock } from './clock';
import type { ChaosOptions, Fault } from './faults';
import type { HeldAnswers } from './held';
import { SandboxServer } from './server';
import type { SandboxLogin } from './sessions';
import { DEFAULT_LOGIN } from './sessions';
import type { Store } from './store';
import type {
	RecordedRequest,
	ResolvedOptions,
	SandboxOptions,
	SeedName,
	WebhookFireResult,
} from './types';
import { buildWebhookPayload, fireWebhook } from './webhooks';

export { buildWebhookPayload, fireWebhook, WEBHOOK_TYPES } from './webhooks';
export { Store } from './store';
export type { AddContactsOptions, ContactWriteMode } from './store';
export type * from './model';
export type { ChaosOptions, Fault, FaultKind } from './faults';
export type { Clock } from './clock';
export type { HeldAnswers } from './held';
export type { RecordedRequest, SandboxOptions, SeedName, WebhookFireResult } from './types';
export { routes } from './routes';
export { CHAOS_FAULTS, PROXY_FAULTS } from './faults';
export { CountWaiters } from './countWaiters';
export { startTlsLatency } from './latency';
export type { Flight, TlsLatency, TlsLatencyOptions } from './latency';

export interface Sandbox {
	/** Base URL for the node's credential, e.g. http://127.0.0.1:4010/api. */
	url: string;
	/** http://127.0.0.1:PORT (admin endpoints live under /__sandbox). */
	origin: string;
	port: number;
	apiKey: string;
	baseCrypt: string;
	/** The login POST /authentication/signIn accepts. */
	login: SandboxLogin;
	/** Ends every signed-in session now: the next request with its cookie is refused (403). */
	expireSessions(): void;
	/** The sandbox's time: real until a test sets it (reset runs it real again). */
	clock: Clock;
	/** Answers held back by 'slow' faults without delayMs, until the test releases them. */
	held: HeldAnswers;
	store: Store;
	/** Every request to /api, in order (a live array). */
	requests: RecordedRequest[];
	/** Returns the recorded requests and forgets them. */
	takeRequests(): RecordedRequest[];
	/** Resolves once `count` requests are recorded (as `requests` counts them). */
	untilReceived(count: number): Promise<void>;
	/** Answers the next matching request(s) with the given fault. */
	inject(fault: Fault): void;
	/** Ends injected faults and chaos. */
	clearFaults(): void;
	/** From now on a seeded share of requests meets a random fault (see sandbox/faults.ts). */
	chaos(options: ChaosOptions): void;
	/** Empties (or reseeds) the store, clears recorded requests and faults, releases held answers, runs the clock real. */
	reset(seed?: SeedName): void;
	/** POSTs a webhook payload of the given type (1-8) to `url`. */
	fireWebhook(
		url: string,
		webhookTypeId: number,
		overrides?: Record<string, unknown>,
	): Promise<WebhookFireResult>;
	close(): Promise<void>;
}

function resolveOptions(options: SandboxOptions): ResolvedOptions {
	const { maxPageSize, bulkPollsPerPhase = 1 } = options;
	if (maxPageSize !== undefined && (!Number.isInteger(maxPageSize) || maxPageSize < 1)) {
		throw new RangeError('maxPageSize must be a positive integer');
	}
	if (!Number.isInteger(bulkPollsPerPhase) || bulkPollsPerPhase < 0) {
		throw new RangeError('bulkPollsPerPhase must be a non-negative integer');
	}
	return {
		port: options.port ?? 0,
		host: options.host ?? '127.0.0.1',
		apiKey: options.apiKey ?? 'sandbox-api-key',
		baseCrypt: options.baseCrypt ?? 'sandboxBaseCrypt',
		login: options.login ?? DEFAULT_LOGIN,
		sessionTtlMs: options.sessionTtlMs ?? 30 * 60_000,
		signInStyle: options.signInStyle ?? 'reference',
		seed: options.seed ?? 'empty',
		maxPageSize,
		bulkPollsPerPhase,
	};
}

/** Starts a local emulator of the Mail Komplet REST API. */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
	const resolved = resolveOptions(options);
	const server = new SandboxServer(resolved);
	const http = createServer(server.handle);
	http.keepAliveTimeout = 5_000;
	await new Promise<void>((resolve, reject) => {
		http.once('error', reject);
		http.listen(resolved.port, resolved.host, () => {
			http.off('error', reject);
			resolve();
		});
	});
	const { port } = http.address() as AddressInfo;
	const origin = `http://${resolved.host}:${port}`;
	server.url = `${origin}/api`;
	return {
		url: server.url,
		origin,
		port,
		apiKey: resolved.apiKey,
		baseCrypt: resolved.baseCrypt,
		login: resolved.login,
		expireSessions: () => server.sessions.expireAll(),
		clock: server.clock,
		held: server.held,
		store: server.store,
		requests: server.requests,
		takeRequests: () => server.takeRequests(),
		untilReceived: (count) => server.received.until(count),
		inject: (fault) => server.inject(fault),
		clearFaults: () => server.clearFaults(),
		chaos: (options) => server.startChaos(options),
		reset: (seed) => server.reset(seed),
		fireWebhook: (url, webhookTypeId, overrides) =>
			fireWebhook(url, buildWebhookPayload(webhookTypeId, overrides, server.store)),
		close: () =>
			new Promise<void>((resolve, reject) => {
				http.close((error) => (error ? reject(error) : resolve()));
				http.closeAllConnections();
			}),
	};
}
