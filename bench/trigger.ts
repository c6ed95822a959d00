/**
 * The trigger part of `npm run bench`: the Mail Komplet Trigger against n8n's own Webhook node
 * (responseMode onReceived, POST) in one real n8n 2.40.5. Each is an active production workflow
 * made of that node alone, so what is measured is n8n's webhook path with each node in it; both
 * get the same payload (test/fixtures/webhooks/1-delivered.json) over keep-alive loopback
 * connections from this process.
 *
 *   npm run build && npx tsc -p tsconfig.tools.json && npx node .build/bench/trigger.js
 *
 * Executions are saved as n8n saves them by default (EXECUTIONS_DATA_SAVE_ON_SUCCESS=all, the
 * same for both workflows). After every run the bench waits until n8n has saved one successful
 * execution per request it sent, which proves each call started its workflow and keeps one run's
 * background work out of the next run's timing. Pruning is off so the counts stay exact.
 *
 * Environment knobs, for finding where the time goes (the regular bench sets none):
 *   BENCH_TRIGGER_ONLY=<c>         run one concurrency only (1 or 16)
 *   BENCH_TRIGGER_REQUESTS=<n>     requests per timed run instead of the plan's (warm-up: a third)
 *   BENCH_TRIGGER_N8N_ENV=K=V,...  extra environment for n8n (e.g. N8N_EXPRESSION_ENGINE=legacy)
 *   BENCH_TRIGGER_PACKAGE=<dir>    load this unpacked package (package.json + dist) instead
 *   BENCH_TRIGGER_TYPE_VERSION=<v> typeVersion of the trigger node in its workflow (default 1.1,
 *                                  what the editor adds; 1 is what workflows saved before had)
 *   BENCH_TRIGGER_CPU_PROF=<dir>   write V8 CPU profiles of the n8n server into <dir>
 */
import * as fs from 'node:fs';
import { cpus, totalmem } from 'node:os';
import * as path from 'node:path';

import type { INode } from 'n8n-workflow';
import { Pool } from 'undici';

import { activateWorkflow, importWorkflows, type WorkflowFile } from '../scripts/n8n/cli';
import { installDir } from '../scripts/n8n/install';
import { N8nInstance } from '../scripts/n8n/instance';
import { nodeType, triggerWebhookPath } from '../scripts/n8n/package-contents';
import { PACKAGE_NAME, REPO_ROOT } from '../scripts/n8n/paths';
import { guardCommand, sleep } from '../scripts/n8n/process';
import { N8nRest } from '../scripts/n8n/rest';
import { findRelease } from '../scripts/n8n/versions';

export const N8N_VERSION = '2.40.5';
const FIXTURE = path.join(REPO_ROOT, 'test', 'fixtures', 'webhooks', '1-delivered.json');

/**
 * Requests per timed run and per warm-up, by concurrency. Sized for the ~3-minute budget: with
 * n8n's default expression engine a single-node webhook workflow runs at only 15-40 requests/s
 * on the 2-core machines this project uses (see the report at the end of `npm run bench`).
 */
const PLAN: ReadonlyArray<{ concurrency: number; requests: number; warmup: number }> = [
	{ concurrency: 1, requests: 120, warmup: 40 },
	{ concurrency: 16, requests: 240, warmup: 64 },
];
const RUNS = 3;
const THROUGHPUT_TARGET = 0.95;
const P99_TARGET = 1.1;
/** One request may take this long before the run counts it as failed. */
const REQUEST_TIMEOUT_MS = 15_000;
/** Saving the executions of one run may lag its last answer by this much at most. */
const DRAIN_TIMEOUT_MS = 60_000;
/** What the bench changes in n8n's configuration, the same for both workflows. */
export const N8N_ENV: NodeJS.ProcessEnv = { EXECUTIONS_DATA_PRUNE: 'false', N8N_LOG_LEVEL: 'warn' };

const TRIGGER_WEBHOOK_ID = '0b6f3c1e-8d2a-4c7b-9e5f-1a2b3c4d5e6f';
const WEBHOOK_NODE_ID = '7c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f';
const WEBHOOK_PATH = 'mk-bench-webhook';

/** One timed run against one workflow, or the median of several. */
export interface LoadStats {
	requests: number;
	/** Answers outside 200-299, and requests that got no answer at all. */
	non2xx: number;
	rps: number;
	p50Ms: number;
	p99Ms: number;
}

export interface TriggerRow {
	concurrency: number;
	/** Requests per timed run (each side ran RUNS timed runs after a warm-up). */
	requests: number;
	/** Medians of the timed runs, each figure on its own. */
	trigger: LoadStats;
	webhook: LoadStats;
	/** trigger req/s / webhook req/s (higher is better). */
	throughputRatio: number;
	/** trigger p99 / webhook p99 (lower is better). */
	p99Ratio: number;
	/** Non-2xx answers over every run of this concurrency, warm-up included. */
	non2xx: { trigger: number; webhook: number };
	/** Successful executions n8n saved during this concurrency, against the requests each side sent. */
	executions: { trigger: number; webhook: number; expected: number; failed: number };
	target: string;
	ok: boolean;
	/** n8n version, Node version, machine, n8n settings. */
	environment: string;
}

interface Target {
	name: 'trigger' | 'webhook';
	workflowId: string;
	path: string;
	/** Requests sent so far, all runs included (what n8n must have saved once drained). */
	sent: number;
	non2xx: number;
}

function nodeUuid(seed: string): string {
	const hex = Buffer.from(seed.padEnd(16, '.')).toString('hex').slice(0, 32);
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function singleNodeWorkflow(
	id: string,
	name: string,
	node: Omit<INode, 'id' | 'position'>,
): WorkflowFile {
	return {
		id,
		name,
		nodes: [{ ...node, id: nodeUuid(id), position: [0, 0] }],
		connections: {},
		settings: { executionOrder: 'v1' },
	};
}

function triggerWorkflow(): WorkflowFile {
	return singleNodeWorkflow('mkBenchTrigger01', 'Bench: Mail Komplet Trigger', {
		name: 'Mail Komplet Trigger',
		type: nodeType('mailKompletTrigger'),
		typeVersion: Number(process.env.BENCH_TRIGGER_TYPE_VERSION) || 1.1,
		webhookId: TRIGGER_WEBHOOK_ID,
		// Authentication None and every event, as the editor saves them.
		parameters: {
			authentication: 'none',
			events: [
				'transactionalEmail.delivered',
				'transactionalEmail.clicked',
				'transactionalEmail.opened',
				'transactionalEmail.softBounced',
				'transactionalEmail.hardBounced',
				'transactionalEmail.unsubscribed',
				'transactionalEmail.spamComplaint',
				'marketingEmail.unsubscribed',
			],
			options: {},
		},
	});
}

function webhookWorkflow(): WorkflowFile {
	return singleNodeWorkflow('mkBenchWebhook01', 'Bench: n8n Webhook', {
		name: 'Webhook',
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2.1,
		webhookId: WEBHOOK_NODE_ID,
		parameters: { httpMethod: 'POST', path: WEBHOOK_PATH, responseMode: 'onReceived', options: {} },
	});
}

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: number[], p: number): number {
	if (sorted.length === 0) return NaN;
	return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}

function medianOf(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)];
}

/** Sends `requests` POSTs of the payload, `concurrency` at a time, over the pool's connections. */
async function load(
	pool: Pool,
	target: Target,
	body: string,
	concurrency: number,
	requests: number,
): Promise<LoadStats> {
	const latencies: number[] = [];
	let next = 0;
	let non2xx = 0;
	const worker = async () => {
		while (next < requests) {
			next++;
			const started = process.hrtime.bigint();
			try {
				const response = await pool.request({
					path: target.path,
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body,
					headersTimeout: REQUEST_TIMEOUT_MS,
					bodyTimeout: REQUEST_TIMEOUT_MS,
				});
				await response.body.dump();
				if (response.statusCode < 200 || response.statusCode > 299) non2xx++;
			} catch {
				non2xx++;
			}
			latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
		}
	};
	const started = process.hrtime.bigint();
	await Promise.all(Array.from({ length: concurrency }, worker));
	const ms = Number(process.hrtime.bigint() - started) / 1e6;
	target.sent += requests;
	target.non2xx += non2xx;
	latencies.sort((a, b) => a - b);
	return {
		requests,
		non2xx,
		rps: (requests / ms) * 1000,
		p50Ms: percentile(latencies, 0.5),
		p99Ms: percentile(latencies, 0.99),
	};
}

const FAILED = ['error', 'crashed', 'canceled'];

async function countExecutions(
	rest: N8nRest,
	workflowId: string,
	status: string[],
): Promise<number> {
	const filter = encodeURIComponent(JSON.stringify({ workflowId, status }));
	const page = await rest.request<{ count: number }>(
		'GET',
		`/rest/executions?filter=${filter}&limit=1`,
	);
	return page.count;
}

/** Waits until n8n saved a successful execution for every request sent to the target. */
async function drain(rest: N8nRest, target: Target): Promise<void> {
	const deadline = Date.now() + DRAIN_TIMEOUT_MS;
	for (;;) {
		const saved = await countExecutions(rest, target.workflowId, ['success']);
		if (saved >= target.sent) return;
		const failed = await countExecutions(rest, target.workflowId, FAILED);
		if (failed > 0) throw new Error(`${failed} ${target.name} executions failed`);
		if (Date.now() > deadline) {
			throw new Error(
				`only ${saved} of ${target.sent} ${target.name} executions saved within ${DRAIN_TIMEOUT_MS} ms`,
			);
		}
		await sleep(100);
	}
}

export function extraN8nEnv(spec: string | undefined): NodeJS.ProcessEnv {
	const pairs = (spec ?? '').split(',').filter((pair) => pair.includes('='));
	return Object.fromEntries(
		pairs.map((pair) => [
			pair.slice(0, pair.indexOf('=')).trim(),
			pair.slice(pair.indexOf('=') + 1),
		]),
	);
}

export function environmentLine(n8nEnv: NodeJS.ProcessEnv): string {
	const cpu = cpus();
	const machine = `${cpu.length} x ${cpu[0]?.model.trim() ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB`;
	const manifest = path.join(
		installDir(findRelease(N8N_VERSION)),
		'node_modules',
		'n8n',
		'package.json',
	);
	const { version } = JSON.parse(fs.readFileSync(manifest, 'utf8')) as { version: string };
	const settings = Object.entries(n8nEnv).map(([key, value]) => `${key}=${value}`);
	return `n8n ${version} (defaults except ${settings.join(', ')}), Node ${process.version} for n8n and the load generator, ${machine}`;
}

/** Puts a replacement package where N8nInstance installed the built one (investigation only). */
function replacePackage(n8n: N8nInstance, source: string): void {
	const target = path.join(n8n.userFolder, '.n8n', 'nodes', 'node_modules', PACKAGE_NAME);
	fs.rmSync(target, { recursive: true, force: true });
	fs.cpSync(source, target, { recursive: true });
}

/** Imports and publishes both workflows, starts n8n and waits until both webhooks listen. */
async function startN8n(
	n8n: N8nInstance,
	workflows: WorkflowFile[],
	log: (line: string) => void,
): Promise<void> {
	if (process.env.BENCH_TRIGGER_PACKAGE)
		replacePackage(n8n, path.resolve(process.env.BENCH_TRIGGER_PACKAGE));
	await importWorkflows(n8n, workflows);
	for (const workflow of workflows) await activateWorkflow(n8n, workflow.id);
	const profileDir = process.env.BENCH_TRIGGER_CPU_PROF;
	if (profileDir) {
		// Set only around start(): the CLI commands above would write profiles too. Profiles are
		// written when n8n exits (dispose() stops it with SIGTERM).
		fs.mkdirSync(profileDir, { recursive: true });
		process.env.NODE_OPTIONS =
			`${process.env.NODE_OPTIONS ?? ''} --cpu-prof --cpu-prof-dir=${path.resolve(profileDir)}`.trim();
	}
	log(
		`Starting n8n ${n8n.release.version} on ${n8n.baseUrl} (log: ${path.relative(REPO_ROOT, n8n.logFile)})`,
	);
	try {
		await n8n.start();
	} finally {
		if (profileDir) delete process.env.NODE_OPTIONS;
	}
	const [triggerPath, webhookPath] = benchWebhookPaths();
	await n8n.waitForWebhook(triggerPath);
	await n8n.waitForWebhook(webhookPath, { probe: 'options' });
}

interface Step {
	concurrency: number;
	requests: number;
	warmup: number;
}

/** One concurrency: a warm-up of each side, then RUNS timed runs of each, alternated. */
async function measureStep(
	step: Step,
	pool: Pool,
	rest: N8nRest,
	targets: [Target, Target],
	body: string,
	environment: string,
	log: (line: string) => void,
): Promise<TriggerRow> {
	const before = targets.map((t) => ({ sent: t.sent, non2xx: t.non2xx }));
	const stats: Record<Target['name'], LoadStats[]> = { trigger: [], webhook: [] };
	for (const target of targets) {
		await load(pool, target, body, step.concurrency, step.warmup);
		await drain(rest, target);
	}
	// A/B, B/A, A/B: each side runs first about as often, so a slow drift (the executions table
	// grows all along) does not land on one side only.
	for (let run = 0; run < RUNS; run++) {
		for (const target of run % 2 === 0 ? targets : [...targets].reverse()) {
			const result = await load(pool, target, body, step.concurrency, step.requests);
			stats[target.name].push(result);
			await drain(rest, target);
			log(
				`  c=${step.concurrency} run ${run + 1} ${target.name.padEnd(7)} ${result.rps.toFixed(1)} req/s, p50 ${result.p50Ms.toFixed(1)} ms, p99 ${result.p99Ms.toFixed(1)} ms, non-2xx ${result.non2xx}`,
			);
		}
	}
	const summary = (name: Target['name']): LoadStats => ({
		requests: step.requests,
		non2xx: stats[name].reduce((sum, s) => sum + s.non2xx, 0),
		rps: medianOf(stats[name].map((s) => s.rps)),
		p50Ms: medianOf(stats[name].map((s) => s.p50Ms)),
		p99Ms: medianOf(stats[name].map((s) => s.p99Ms)),
	});
	const trigger = summary('trigger');
	const webhook = summary('webhook');
	const [t, w] = targets;
	const executions = {
		trigger: (await countExecutions(rest, t.workflowId, ['success'])) - before[0].sent,
		webhook: (await countExecutions(rest, w.workflowId, ['success'])) - before[1].sent,
		expected: t.sent - before[0].sent,
		failed:
			(await countExecutions(rest, t.workflowId, FAILED)) +
			(await countExecutions(rest, w.workflowId, FAILED)),
	};
	const non2xx = { trigger: t.non2xx - before[0].non2xx, webhook: w.non2xx - before[1].non2xx };
	const throughputRatio = trigger.rps / webhook.rps;
	const p99Ratio = trigger.p99Ms / webhook.p99Ms;
	return {
		concurrency: step.concurrency,
		requests: step.requests,
		trigger,
		webhook,
		throughputRatio,
		p99Ratio,
		non2xx,
		executions,
		target: `req/s >= ${THROUGHPUT_TARGET}x, p99 <= ${P99_TARGET}x, 0 non-2xx, every call saved`,
		ok:
			throughputRatio >= THROUGHPUT_TARGET &&
			p99Ratio <= P99_TARGET &&
			non2xx.trigger === 0 &&
			non2xx.webhook === 0 &&
			executions.trigger === executions.expected &&
			executions.webhook === executions.expected &&
			executions.failed === 0,
		environment,
	};
}

/** The two workflows measured: the trigger and n8n's Webhook node, each alone. */
export function benchWorkflows(): [WorkflowFile, WorkflowFile] {
	return [triggerWorkflow(), webhookWorkflow()];
}

/** Paths below /webhook/ of benchWorkflows(), in the same order. */
export function benchWebhookPaths(): [string, string] {
	return [`${TRIGGER_WEBHOOK_ID}/${triggerWebhookPath()}`, WEBHOOK_PATH];
}

/**
 * Runs the plan against both workflows, whose production webhooks `webhookBaseUrl` serves;
 * `rest` is signed in where the executions can be listed.
 */
export async function measureWorkflows(
	webhookBaseUrl: string,
	rest: N8nRest,
	workflows: [WorkflowFile, WorkflowFile],
	environment: string,
	log: (line: string) => void,
	elapsed: () => string,
): Promise<TriggerRow[]> {
	const [triggerPath, webhookPath] = benchWebhookPaths().map((p) => `/webhook/${p}`);
	const targets: [Target, Target] = [
		{ name: 'trigger', workflowId: workflows[0].id, path: triggerPath, sent: 0, non2xx: 0 },
		{ name: 'webhook', workflowId: workflows[1].id, path: webhookPath, sent: 0, non2xx: 0 },
	];
	const body = fs.readFileSync(FIXTURE, 'utf8');
	const pool = new Pool(webhookBaseUrl, {
		connections: Math.max(...PLAN.map((s) => s.concurrency)),
		pipelining: 1,
	});
	try {
		const only = Number(process.env.BENCH_TRIGGER_ONLY) || undefined;
		const requests = Number(process.env.BENCH_TRIGGER_REQUESTS) || undefined;
		const plan = PLAN.filter((s) => only === undefined || s.concurrency === only).map((s) =>
			requests ? { ...s, requests, warmup: Math.ceil(requests / 3) } : s,
		);
		const rows: TriggerRow[] = [];
		for (const step of plan) {
			rows.push(await measureStep(step, pool, rest, targets, body, environment, log));
			log(`Concurrency ${step.concurrency} done (${elapsed()})`);
		}
		return rows;
	} finally {
		await pool.close();
	}
}

export function stopwatch(): () => string {
	const started = Date.now();
	return () => `${Math.round((Date.now() - started) / 1000)} s`;
}

export async function triggerBenchmarks(
	log: (line: string) => void = console.log,
): Promise<TriggerRow[]> {
	const elapsed = stopwatch();
	const n8nEnv = { ...N8N_ENV, ...extraN8nEnv(process.env.BENCH_TRIGGER_N8N_ENV) };
	const n8n = await N8nInstance.create({
		release: findRelease(N8N_VERSION),
		label: 'bench-trigger',
		env: n8nEnv,
	});
	try {
		const workflows = benchWorkflows();
		await startN8n(n8n, workflows, log);
		const rest = new N8nRest(n8n.baseUrl);
		await rest.signIn();
		log(`Both webhooks listen (${elapsed()})`);
		return await measureWorkflows(
			n8n.baseUrl,
			rest,
			workflows,
			environmentLine(n8nEnv),
			log,
			elapsed,
		);
	} finally {
		await n8n.dispose();
	}
}

const fixed = (value: number, digits = 1) => value.toFixed(digits);

export function triggerReport(
	rows: TriggerRow[],
	setup = 'each an active single-node production workflow with its executions saved',
): string {
	const lines = [
		`Mail Komplet Trigger vs n8n's Webhook node (onReceived, POST, same payload), ${setup}; ${rows[0]?.environment ?? 'no rows'}`,
		'',
		'| Concurrency | Requests/run | Trigger req/s | Webhook req/s | Throughput ratio | Trigger p50 ms | Webhook p50 ms | Trigger p99 ms | Webhook p99 ms | p99 ratio | Non-2xx trigger/webhook | Executions saved trigger/webhook | Target | Met |',
		'| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |',
	];
	for (const row of rows) {
		const saved = `${row.executions.trigger}/${row.executions.webhook} of ${row.executions.expected} each${row.executions.failed ? `, ${row.executions.failed} failed` : ''}`;
		lines.push(
			`| ${row.concurrency} | ${row.requests} | ${fixed(row.trigger.rps)} | ${fixed(row.webhook.rps)} | ${fixed(row.throughputRatio, 2)}x | ${fixed(row.trigger.p50Ms)} | ${fixed(row.webhook.p50Ms)} | ${fixed(row.trigger.p99Ms)} | ${fixed(row.webhook.p99Ms)} | ${fixed(row.p99Ratio, 2)}x | ${row.non2xx.trigger}/${row.non2xx.webhook} | ${saved} | ${row.target} | ${row.ok ? 'yes' : 'NO'} |`,
		);
	}
	lines.push(
		'',
		`Medians of ${RUNS} timed runs per side after a warm-up, in the order A/B, B/A, A/B, over keep-alive loopback connections (undici Pool); executions saved counts warm-ups too.`,
	);
	return lines.join('\n');
}

if (require.main === module) {
	guardCommand();
	triggerBenchmarks()
		.then((rows) => console.log(`\n${triggerReport(rows)}`))
		.catch((error: Error) => {
			console.error(error.stack ?? error.message);
			process.exitCode = 1;
		});
}
