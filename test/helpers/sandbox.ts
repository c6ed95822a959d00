import type { INodeParameters } from 'n8n-workflow';

import type { Sandbox, SandboxOptions } from '../../sandbox';
import { startSandbox } from '../../sandbox';
import type { RunOptions, RunResult, SandboxCredentials } from '../harness';
import { runNode } from '../harness';

/** The headers every Mail Komplet request must carry, as the reference documents them. */
export const API_HEADERS = {
	authorization: 'Basic sandbox-api-key',
	accept: 'application/json;charset:utf-8',
	'x-requested-with': 'XMLHttpRequest',
};

export interface SentRequest {
	method: string;
	/** Path after /api/<baseCrypt>. */
	path: string;
	query: Record<string, string>;
	body?: unknown;
}

export interface SandboxTestContext {
	sandbox: Sandbox;
	credentials: SandboxCredentials;
	/** Runs the node with these parameters (and items) against the sandbox. */
	run(
		parameters: INodeParameters,
		options?: Pick<RunOptions, 'items' | 'continueOnFail' | 'typeVersion' | 'settings'>,
	): Promise<RunResult>;
	/** Requests the sandbox received since the last call, in a form tests compare exactly. */
	sent(): SentRequest[];
}

/**
 * Starts a sandbox for the test file and gives each test a fresh store and request log (or,
 * with `shared`, lets the tests of a file build on each other's state, as phases of one run).
 */
export function useSandbox(
	options: SandboxOptions = {},
	{ shared = false }: { shared?: boolean } = {},
): SandboxTestContext {
	const context = {} as SandboxTestContext;
	beforeAll(async () => {
		const sandbox = await startSandbox(options);
		context.sandbox = sandbox;
		context.credentials = {
			apiKey: sandbox.apiKey,
			baseCrypt: sandbox.baseCrypt,
			baseUrl: sandbox.url,
		};
	});
	afterAll(async () => await context.sandbox.close());
	if (!shared) beforeEach(() => context.sandbox.reset());
	context.run = async (parameters, runOptions = {}) =>
		await runNode({ parameters, credentials: context.credentials, ...runOptions });
	context.sent = () => {
		const prefix = `/api/${context.sandbox.baseCrypt}`;
		return context.sandbox.takeRequests().map((request) => ({
			method: request.method,
			path: request.path.startsWith(prefix) ? request.path.slice(prefix.length) : request.path,
			query: request.query,
			...(request.body === undefined ? {} : { body: request.body }),
		}));
	};
	return context;
}

/** Which comes first: `state` or the end of `run` (successful or not). */
const firstOf = async (run: Promise<unknown>, state: Promise<void>) =>
	await Promise.race([
		state.then(() => 'reached' as const),
		run.then(
			() => 'ended' as const,
			() => 'ended' as const,
		),
	]);

/**
 * Waits for `state` (answers held, requests received) while `run` is under way; fails when the
 * run ends first, so a test whose requests never pile up says so instead of hanging.
 */
export async function beforeRunEnds(
	run: Promise<unknown>,
	state: Promise<void>,
	what: string,
): Promise<void> {
	if ((await firstOf(run, state)) === 'ended') throw new Error(`The run ended before ${what}`);
}

/**
 * Lets `run` go on in rounds: each time `count` answers are held at once, releases them all;
 * resolves with the run's result. Requests a round holds were all under way together.
 */
export async function releasingEvery<T>(
	sandbox: Sandbox,
	count: number,
	run: Promise<T>,
): Promise<T> {
	while ((await firstOf(run, sandbox.held.untilHeld(count))) === 'reached') sandbox.held.release();
	return await run;
}

/** Builds n8n's resource-locator value for an ID typed "By ID". */
export const byId = (value: string | number) => ({ __rl: true, mode: 'id', value: String(value) });
