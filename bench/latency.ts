/**
 * The latency axis of `npm run bench`: each workload at 0 ms and 40 ms added to every request
 * (the sandbox's 'slow' fault on every request), the node in some settings against one raw
 * baseline, as ratios within one run. The sandbox runs in a process of its own, as a real
 * account is elsewhere: its work does not take turns with the node's on one thread. Then peak
 * memory of Return All over 1,000,000 contacts, the node and a raw loop each in a child process
 * of its own (peak RSS is per process).
 *
 *   npm run build:tools && node --expose-gc .build/bench/latency.js
 *
 * A workload is one LatencyCase: add rows by adding cases (or variants to a case).
 */
import { fork } from 'node:child_process';

import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';
import { request } from 'undici';

import { PAGE_SIZE } from '../nodes/MailKomplet/helpers/parameters';
import { startSandbox } from '../sandbox';
import type { Measurement } from './measure';
import { measure } from './measure';

export const LATENCIES_MS = [0, 40];
const CONTACTS = 100_000;
// Loaded when the node runs, so the raw loop's child process never holds n8n.
const harness = async () => await import('../test/harness');
const RSS_CONTACTS = 1_000_000;

/** One way the node runs the workload. */
interface Variant {
	name: string;
	parameters: INodeParameters;
	items?: INodeExecutionData[];
}

/** What a target is checked on: each variant's and the baseline's median time, by name. */
type Times = Record<string, number>;

/** One workload at every latency: node variants against a raw baseline doing the same work. */
export interface LatencyCase {
	name: string;
	/** Before every run, outside the timing (fresh store, seeded data). */
	prepare: (server: Server) => Promise<void>;
	variants: Variant[];
	baseline: { name: string; run: (server: Server) => Promise<void> };
	/** Targets by latency. */
	targets: Record<number, { text: string; ok: (times: Times) => boolean }>;
}

export interface LatencyRow {
	workload: string;
	latencyMs: number;
	name: string;
	/** With cpuMs: this process's CPU time (the sandbox's not included); wall time above it is waiting. */
	result: Measurement & { requests: number; cpuMs: number };
	/** Time over the baseline's at the same latency. */
	ratio: number;
}

/** The sandbox in a process of its own, driven through its admin endpoints. */
export interface Server {
	url: string;
	origin: string;
	apiKey: string;
	baseCrypt: string;
	admin: (method: string, path: string, body?: unknown) => Promise<Record<string, number>>;
	close: () => void;
}

export async function startServer(): Promise<Server> {
	const worker = fork(__filename, ['--sandbox']);
	const started = await new Promise<Omit<Server, 'admin' | 'close'>>((resolve, reject) => {
		worker.once('message', (message) => resolve(message as Omit<Server, 'admin' | 'close'>));
		worker.once('exit', (code) => reject(new Error(`The sandbox exited with ${code}`)));
	});
	return {
		...started,
		admin: async (method, path, body) => {
			const response = await request(`${started.origin}/__sandbox/${path}`, {
				method,
				headers: { 'content-type': 'application/json' },
				body: body === undefined ? undefined : JSON.stringify(body),
			});
			return (await response.body.json()) as Record<string, number>;
		},
		close: () => worker.kill(),
	};
}

/** Makes sure the sandbox holds exactly `count` generated contacts. */
export async function holdContacts(server: Server, count: number) {
	if ((await server.admin('GET', 'store')).contacts === count) return;
	await server.admin('POST', 'reset');
	await server.admin('POST', 'store/contacts', { count });
}

export function headers(server: Pick<Server, 'apiKey'>) {
	return {
		authorization: `Basic ${server.apiKey}`,
		accept: 'application/json;charset:utf-8',
		'x-requested-with': 'XMLHttpRequest',
	};
}

interface ContactPage {
	pageCount: number;
	data: unknown[];
}

/** The raw loop: pages of the node's default size one after another, every record kept. */
async function rawReadAll(target: Pick<Server, 'url' | 'apiKey' | 'baseCrypt'>) {
	const records: unknown[] = [];
	for (let page = 1; ; page++) {
		const response = await request(
			`${target.url}/${target.baseCrypt}/contacts?page=${page}&pageSize=${PAGE_SIZE.default}`,
			{ headers: headers(target) },
		);
		const body = (await response.body.json()) as ContactPage;
		for (const record of body.data) records.push(record);
		if (page >= body.pageCount) return records;
	}
}

const returnAll = (pageConcurrency?: number): INodeParameters => ({
	resource: 'contact',
	operation: 'getAll',
	returnAll: true,
	...(pageConcurrency === undefined ? {} : { requestOptions: { pageConcurrency } }),
});

export const returnAllCase: LatencyCase = {
	name: `Contact > Get Many, Return All over ${CONTACTS.toLocaleString('en')} contacts (pages of ${PAGE_SIZE.default})`,
	prepare: async (server) => await holdContacts(server, CONTACTS),
	variants: [
		{ name: 'node, defaults (Pages in Parallel 4)', parameters: returnAll() },
		{ name: 'node, Pages in Parallel 1 (sequential, as before)', parameters: returnAll(1) },
		{ name: 'node, fastest (Pages in Parallel 10)', parameters: returnAll(10) },
	],
	baseline: {
		name: 'raw sequential undici loop',
		run: async (server) => void (await rawReadAll(server)),
	},
	targets: {
		0: {
			text: 'defaults no slower than sequential (<= 1.1x of it)',
			ok: (t) =>
				t['node, defaults (Pages in Parallel 4)'] <=
				1.1 * t['node, Pages in Parallel 1 (sequential, as before)'],
		},
		40: {
			text: 'defaults <= 0.4x the raw sequential loop',
			ok: (t) => t['node, defaults (Pages in Parallel 4)'] <= 0.4 * t['raw sequential undici loop'],
		},
	},
};

/** Every request answered `latencyMs` later, as over a real network. */
export async function addLatency(server: Server, latencyMs: number) {
	await server.admin('DELETE', 'faults');
	if (latencyMs > 0) {
		const slow = { kind: 'slow', delayMs: latencyMs, times: Number.MAX_SAFE_INTEGER };
		await server.admin('POST', 'faults', slow);
	}
}

/** Timed rounds after one untimed warm-up round. */
const ROUNDS = 5;

const collectGarbage = (globalThis as { gc?: () => void }).gc ?? (() => {});

/**
 * Each workload at each latency: the baseline and every variant run in turn, round after round,
 * so a neighbour's load on this shared machine falls on all of them alike; the median round
 * of each is reported.
 */
export async function latencyBenchmarks(
	cases: LatencyCase[] = [returnAllCase],
	log: (line: string) => void = console.log,
): Promise<{ rows: LatencyRow[]; targets: Array<{ text: string; met: boolean }> }> {
	const server = await startServer();
	const credentials = { apiKey: server.apiKey, baseCrypt: server.baseCrypt, baseUrl: server.url };
	const rows: LatencyRow[] = [];
	const targets: Array<{ text: string; met: boolean }> = [];
	try {
		for (const workload of cases) {
			const runners = [
				workload.baseline,
				...workload.variants.map((variant) => ({
					name: variant.name,
					run: async () => {
						const { runNode } = await harness();
						const { error } = await runNode({
							parameters: variant.parameters,
							items: variant.items,
							credentials,
						});
						if (error) throw error;
					},
				})),
			];
			for (const latencyMs of LATENCIES_MS) {
				const samples = runners.map(() => [] as Array<LatencyRow['result']>);
				for (let round = 0; round <= ROUNDS; round++) {
					for (const [index, runner] of runners.entries()) {
						await workload.prepare(server);
						await addLatency(server, latencyMs);
						await server.admin('DELETE', 'requests');
						collectGarbage();
						const cpu = process.cpuUsage();
						const measured = await measure(async () => await runner.run(server));
						const { user, system } = process.cpuUsage(cpu);
						const requests = (await server.admin('DELETE', 'requests')).cleared;
						const cpuMs = (user + system) / 1000;
						if (round > 0) samples[index].push({ ...measured, requests, cpuMs });
					}
				}
				const medians = samples.map(
					(runs) => [...runs].sort((a, b) => a.ms - b.ms)[Math.floor(runs.length / 2)],
				);
				for (const [index, runner] of runners.entries()) {
					rows.push({
						workload: workload.name,
						latencyMs,
						name: runner.name,
						result: medians[index],
						ratio: medians[index].ms / medians[0].ms,
					});
				}
				const target = workload.targets[latencyMs];
				if (target) {
					const times = Object.fromEntries(runners.map((r, i) => [r.name, medians[i].ms]));
					targets.push({ text: `${latencyMs} ms: ${target.text}`, met: target.ok(times) });
				}
				log(`  measured ${workload.name} at ${latencyMs} ms`);
			}
		}
	} finally {
		server.close();
	}
	return { rows, targets };
}

export function latencyReport(result: Awaited<ReturnType<typeof latencyBenchmarks>>): string {
	const lines = [
		'| Workload | Latency per request | Run | ms | Ratio to the raw loop | CPU ms | Requests | Peak RSS MB |',
		'| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: |',
	];
	for (const row of result.rows) {
		lines.push(
			`| ${row.workload} | ${row.latencyMs} ms | ${row.name} | ${row.result.ms.toFixed(0)} | ${row.ratio.toFixed(2)}x | ${row.result.cpuMs.toFixed(0)} | ${row.result.requests} | ${row.result.peakRssMb} |`,
		);
	}
	lines.push('', '| Target | Met |', '| --- | --- |');
	for (const target of result.targets)
		lines.push(`| ${target.text} | ${target.met ? 'yes' : 'NO'} |`);
	return lines.join('\n');
}

interface ChildReport {
	records: number;
	peakRssMb: number;
	ms: number;
}

/** In a child process: Return All by the node (at its defaults) or by the raw loop, then its peak RSS. */
async function child(kind: string, url: string, apiKey: string, baseCrypt: string) {
	const started = performance.now();
	let records: number;
	if (kind === 'node') {
		const { items, error } = await (
			await harness()
		).runNode({
			parameters: returnAll(),
			credentials: { apiKey, baseCrypt, baseUrl: url },
		});
		if (error) throw error;
		records = items.length;
	} else {
		records = (await rawReadAll({ url, apiKey, baseCrypt })).length;
	}
	const report: ChildReport = {
		records,
		ms: performance.now() - started,
		peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
	};
	process.send?.(report);
}

function inChild(kind: 'node' | 'raw', server: Server): Promise<ChildReport> {
	return new Promise((resolve, reject) => {
		const worker = fork(__filename, ['--child', kind, server.url, server.apiKey, server.baseCrypt]);
		let report: ChildReport | undefined;
		worker.on('message', (message) => (report = message as ChildReport));
		worker.on('error', reject);
		worker.on('exit', (code) =>
			report ? resolve(report) : reject(new Error(`${kind} child exited with ${code}`)),
		);
	});
}

/** Peak RSS of Return All over 1,000,000 contacts: the node's process against the raw loop's. */
export async function rssBenchmark() {
	const server = await startServer();
	try {
		await holdContacts(server, RSS_CONTACTS);
		const raw = await inChild('raw', server);
		const node = await inChild('node', server);
		return { node, raw, ratio: node.peakRssMb / raw.peakRssMb };
	} finally {
		server.close();
	}
}

const RSS_TARGET = 1.3;

export function rssReport({ node, raw, ratio }: Awaited<ReturnType<typeof rssBenchmark>>): string {
	return [
		`| Return All over ${RSS_CONTACTS.toLocaleString('en')} contacts, each in its own process | Records | ms | Peak RSS MB |`,
		'| --- | ---: | ---: | ---: |',
		`| node, defaults | ${node.records} | ${node.ms.toFixed(0)} | ${node.peakRssMb} |`,
		`| raw sequential undici loop keeping every record | ${raw.records} | ${raw.ms.toFixed(0)} | ${raw.peakRssMb} |`,
		'',
		`Peak RSS node / raw: ${ratio.toFixed(2)}x (target <= ${RSS_TARGET}x: ${ratio <= RSS_TARGET ? 'met' : 'NOT met'})`,
	].join('\n');
}

/** Both parts, printed; whether a target was missed. */
export async function runLatencyBenchmarks(): Promise<boolean> {
	const latency = await latencyBenchmarks();
	console.log(latencyReport(latency));
	const rss = await rssBenchmark();
	console.log(`\n${rssReport(rss)}`);
	return latency.targets.some((target) => !target.met) || rss.ratio > RSS_TARGET;
}

if (process.argv[2] === '--child') {
	const [kind, url, apiKey, baseCrypt] = process.argv.slice(3);
	void child(kind, url, apiKey, baseCrypt);
} else if (process.argv[2] === '--sandbox') {
	void startSandbox().then(({ url, origin, apiKey, baseCrypt }) =>
		process.send?.({ url, origin, apiKey, baseCrypt }),
	);
} else if (require.main === module) {
	void runLatencyBenchmarks();
}
