/**
 * The real-n8n part of `npm run bench` (alone: `npm run bench -- --only=real-n8n`): the node as a
 * user runs it, inside a real n8n 2.40.5 (`n8n start`, the package installed as a community
 * package, the credential saved encrypted in n8n's database), each workflow started by a
 * Webhook node. The node's time is its own run's `executionTime` in the saved execution (n8n's
 * start-up, the webhook call and saving the execution are not in it); the execution's
 * startedAt..stoppedAt is shown beside it. The task runner is external
 * (N8N_RUNNERS_MODE=external), so its start-up does not take turns with the node on 2 cores.
 *
 * 1. Against the sandbox's 'slow' fault (a delay before every answer, on kept-alive loopback
 *    connections, as the in-process bench): Return All over 100,000 contacts at the defaults
 *    and Send over 1,000 items at Parallel Requests 8, at 0 and 40 ms, each against a raw undici
 *    client with the same requests in flight and a raw sequential one, and the node in-process
 *    (test/harness) beside them.
 * 2. Over TLS with the round trip on every packet flight (sandbox/latency.ts) at 20 and 40 ms:
 *    what one request costs (Contact > Get, a page of 1,000, one send) through n8n, against raw
 *    clients with keep-alive and with a new connection per request, and at 40 ms which settings
 *    matter most.
 *
 * The sandbox and the TLS proxy each run in a process of their own.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';

import type { INode, INodeParameters, IRunExecutionData } from 'n8n-workflow';
import { Agent, request, type Dispatcher } from 'undici';

import { getExecution, listExecutions } from '../e2e/support/executions';
import { stableId, uuid } from '../e2e/support/workflows';
import { PAGE_SIZE } from '../nodes/MailKomplet/helpers/parameters';
import { startTlsLatency } from '../sandbox';
import {
	activateWorkflow,
	importCredentials,
	importWorkflows,
	type WorkflowFile,
} from '../scripts/n8n/cli';
import { N8nInstance } from '../scripts/n8n/instance';
import { nodeType } from '../scripts/n8n/package-contents';
import { guardCommand, sleep } from '../scripts/n8n/process';
import { N8nRest } from '../scripts/n8n/rest';
import { SANDBOX_CREDENTIAL } from '../scripts/n8n/sandbox';
import { findRelease } from '../scripts/n8n/versions';
import { address, recipients, sendEmail } from '../test/helpers/sends';
import { addLatency, headers, holdContacts, startServer, type Server } from './latency';
import { N8N_VERSION } from './trigger';

const CONTACTS = 100_000;
const SENDS = 1_000;
const PAGES_IN_FLIGHT = 4;
const SENDS_IN_FLIGHT = 8;
const LATENCIES_MS = [0, 40];
const RTTS_MS = [20, 40];
/** Timed rounds after one untimed warm-up round. */
const ROUNDS = 3;
const SINGLE_ROUNDS = 5;
const TARGET = 1.25;
const NODE = 'Mail Komplet';
const N8N_ENV: NodeJS.ProcessEnv = {
	N8N_RUNNERS_MODE: 'external',
	N8N_RUNNERS_AUTH_TOKEN: 'mail-komplet-bench-runners',
	EXECUTIONS_DATA_PRUNE: 'false',
	N8N_LOG_LEVEL: 'warn',
};
const TLS_CREDENTIAL = {
	...SANDBOX_CREDENTIAL,
	id: 'mkSandboxTlsCred',
	name: 'Mail Komplet (TLS)',
};

/** Where raw clients send: the account's API base and how they connect. */
interface Api {
	base: string;
	apiKey: string;
	/** A dispatcher per request (a new connection each time) or shared (kept alive). */
	dispatcher: () => { dispatcher?: Dispatcher; done: () => Promise<void> };
}

const keptAlive = (dispatcher?: Dispatcher) => () => ({ dispatcher, done: async () => {} });

async function call(api: Api, path: string, body?: unknown): Promise<unknown> {
	const { dispatcher, done } = api.dispatcher();
	try {
		const response = await request(`${api.base}/${path}`, {
			method: body === undefined ? 'GET' : 'POST',
			headers: {
				...headers(api),
				...(body === undefined ? {} : { 'content-type': 'application/json' }),
			},
			body: body === undefined ? undefined : JSON.stringify(body),
			dispatcher,
		});
		return await response.body.json();
	} finally {
		await done();
	}
}

/** Runs `count` tasks, `inFlight` at a time. */
async function inParallel(count: number, inFlight: number, task: (index: number) => Promise<void>) {
	let next = 0;
	const worker = async () => {
		while (next < count) await task(next++);
	};
	await Promise.all(Array.from({ length: Math.min(inFlight, count) }, worker));
}

const page = (api: Api, n: number) =>
	call(api, `contacts?page=${n}&pageSize=${PAGE_SIZE.default}`) as Promise<{
		pageCount: number;
		data: unknown[];
	}>;

/** What the node does for Return All: page 1 for the counts, then the rest `inFlight` at once. */
async function rawReadAll(api: Api, inFlight: number): Promise<void> {
	const records: unknown[] = [];
	const first = await page(api, 1);
	records.push(...first.data);
	await inParallel(first.pageCount - 1, inFlight, async (index) => {
		for (const record of (await page(api, index + 2)).data) records.push(record);
	});
}

/** The message the node sends for each item, as the raw clients send it. */
const email = (to: string) => {
	const { fromAddress, subject, bodyText } = sendEmail();
	return { email: { fromAddress, subject, bodyText, to: [{ address: to }] } };
};

async function rawSend(api: Api, count: number, inFlight: number): Promise<void> {
	await inParallel(
		count,
		inFlight,
		async (n) => void (await call(api, 'transactionalEmails', email(address(n)))),
	);
}

/** One workflow: a Webhook node answering once the run ends, optionally items from the call's body, then the node. */
interface Workload {
	name: string;
	parameters: INodeParameters;
	credential: typeof SANDBOX_CREDENTIAL | typeof TLS_CREDENTIAL;
	/** Items the node gets: one per recipient of the call's body. */
	items?: number;
}

function workflow(workload: Workload): WorkflowFile {
	const id = stableId(`bench/${workload.name}`);
	const node = (
		name: string,
		type: string,
		typeVersion: number,
		parameters: INodeParameters,
		x: number,
	): INode => ({
		id: uuid(`${id}/${name}`),
		name,
		type,
		typeVersion,
		position: [x, 0],
		parameters,
	});
	const nodes: INode[] = [
		{
			...node(
				'Webhook',
				'n8n-nodes-base.webhook',
				2.1,
				{
					httpMethod: 'POST',
					path: id,
					responseMode: 'lastNode',
					responseData: 'noData',
					options: {},
				},
				0,
			),
			webhookId: uuid(`${id}/webhook`),
		},
		...(workload.items
			? [
					node(
						'Recipients',
						'n8n-nodes-base.splitOut',
						1,
						{ fieldToSplitOut: 'body.recipients', include: 'noOtherFields', options: {} },
						200,
					),
				]
			: []),
		{
			...node(NODE, nodeType('mailKomplet'), 1, workload.parameters, 400),
			credentials: {
				mailKompletApi: { id: workload.credential.id, name: workload.credential.name },
			},
		},
	];
	const names = nodes.map((n) => n.name);
	const connections = Object.fromEntries(
		names
			.slice(0, -1)
			.map((name, i) => [
				name,
				{ main: [[{ node: names[i + 1], type: 'main' as const, index: 0 }]] },
			]),
	);
	return {
		id,
		name: `Bench: ${workload.name}`,
		nodes,
		connections,
		settings: { executionOrder: 'v1' },
	};
}

interface NodeRun {
	/** The node's own executionTime. */
	ms: number;
	/** The execution's startedAt..stoppedAt. */
	executionMs: number;
	requests: number;
}

/** The real n8n with every workflow of this part active. */
class RealN8n {
	private constructor(
		readonly n8n: N8nInstance,
		private readonly rest: N8nRest,
		private readonly server: Server,
	) {}

	static async start(server: Server, tlsBase: string, caFile: string, workloads: Workload[]) {
		const n8n = await N8nInstance.create({
			release: findRelease(N8N_VERSION),
			label: 'bench-real',
			// n8n trusts the TLS proxy's self-signed certificate.
			env: { ...N8N_ENV, NODE_EXTRA_CA_CERTS: caFile },
		});
		try {
			const account = { apiKey: server.apiKey, baseCrypt: server.baseCrypt };
			await importCredentials(n8n, [
				{ ...SANDBOX_CREDENTIAL, data: { ...account, baseUrl: server.url } },
				{ ...TLS_CREDENTIAL, data: { ...account, baseUrl: tlsBase } },
			]);
			const workflows = workloads.map(workflow);
			await importWorkflows(n8n, workflows);
			for (const w of workflows) await activateWorkflow(n8n, w.id);
			await n8n.start();
			for (const w of workflows) await n8n.waitForWebhook(w.id, { probe: 'options' });
			const rest = new N8nRest(n8n.baseUrl);
			await rest.signIn();
			return new RealN8n(n8n, rest, server);
		} catch (error) {
			await n8n.dispose();
			throw error;
		}
	}

	/** Runs the workload's workflow once; its saved execution gives the node's time, then goes. */
	async run(workload: Workload): Promise<NodeRun> {
		const { id } = workflow(workload);
		const recipients = Array.from({ length: workload.items ?? 0 }, (_, n) => ({
			email: address(n),
		}));
		await this.server.admin('DELETE', 'requests');
		const call = async () => {
			const response = await request(`${this.n8n.webhookUrl}/${id}`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ recipients }),
				headersTimeout: 600_000,
				bodyTimeout: 600_000,
			});
			await response.body.dump();
			return response.statusCode;
		};
		// Activation ends a little after start: until then the webhook is not known (404).
		let status = await call();
		for (let tries = 0; status === 404 && tries < 120; tries++) {
			await sleep(500);
			status = await call();
		}
		const requests = (await this.server.admin('DELETE', 'requests')).cleared;
		let summary = (await listExecutions(this.rest, id))[0];
		while (!summary || ['new', 'running', 'waiting'].includes(summary.status)) {
			await sleep(200);
			summary = (await listExecutions(this.rest, id))[0];
		}
		const execution = (await getExecution(this.rest, this.n8n, summary.id)) as Awaited<
			ReturnType<typeof getExecution>
		> & { startedAt: string; stoppedAt: string };
		await this.rest.request('POST', '/rest/executions/delete', { ids: [summary.id] });
		const task = (execution.data as IRunExecutionData).resultData.runData[NODE]?.[0];
		if (execution.status !== 'success' || !task)
			throw new Error(
				`${workload.name} did not succeed in n8n (${execution.status}, HTTP ${status}); see ${this.n8n.logFile}`,
			);
		return {
			ms: task.executionTime,
			executionMs: Date.parse(execution.stoppedAt) - Date.parse(execution.startedAt),
			requests,
		};
	}

	dispose() {
		return this.n8n.dispose();
	}
}

/** Median of each side over the rounds, the sides taking turns so load falls on all alike. */
async function rounds<K extends string>(
	count: number,
	sides: Record<K, () => Promise<NodeRun | number>>,
): Promise<Record<K, NodeRun>> {
	const samples = Object.fromEntries(Object.keys(sides).map((k) => [k, [] as NodeRun[]])) as Record<
		K,
		NodeRun[]
	>;
	for (let round = 0; round <= count; round++) {
		for (const [side, run] of Object.entries(sides) as Array<
			[K, () => Promise<NodeRun | number>]
		>) {
			const started = performance.now();
			const result = await run();
			const ms = performance.now() - started;
			if (round > 0)
				samples[side].push(
					typeof result === 'number' ? { ms, executionMs: ms, requests: result } : result,
				);
		}
	}
	const median = (runs: NodeRun[]) =>
		[...runs].sort((a, b) => a.ms - b.ms)[Math.floor(runs.length / 2)];
	return Object.fromEntries(
		Object.entries(samples).map(([k, v]) => [k, median(v as NodeRun[])]),
	) as Record<K, NodeRun>;
}

const ms = (value: number) => value.toFixed(0);
const times = (a: number, b: number) => `${(a / b).toFixed(2)}x`;

const harness = async () => await import('../test/harness');

/** Part 1: the node in n8n against raw clients, the sandbox's 'slow' fault as the latency. */
async function sameWork(
	n8n: RealN8n,
	server: Server,
	log: (line: string) => void,
): Promise<{ lines: string[]; met: boolean }> {
	const api: Api = {
		base: `${server.url}/${server.baseCrypt}`,
		apiKey: server.apiKey,
		dispatcher: keptAlive(),
	};
	const credentials = { apiKey: server.apiKey, baseCrypt: server.baseCrypt, baseUrl: server.url };
	const inProcess = async (workload: Workload) => {
		const { runNode } = await harness();
		const items = recipients(workload.items ?? 0);
		await server.admin('DELETE', 'requests');
		const { error } = await runNode({
			parameters: workload.parameters,
			items: workload.items ? items : undefined,
			credentials,
		});
		if (error) throw error;
		return (await server.admin('DELETE', 'requests')).cleared;
	};
	const cases = [
		{ workload: RETURN_ALL, inFlight: PAGES_IN_FLIGHT, raw: (n: number) => rawReadAll(api, n) },
		{ workload: SEND_8, inFlight: SENDS_IN_FLIGHT, raw: (n: number) => rawSend(api, SENDS, n) },
	];
	const lines = [
		'| Workload | Latency per request | Node in n8n ms (node executionTime) | Execution ms (startedAt..stoppedAt) | Node in-process (test harness) ms | Raw, same in flight ms | Raw sequential ms | n8n / raw same in flight | n8n / raw sequential | In-process / raw same in flight | Requests n8n / raw | Target (<= 1.25x raw same in flight at 40 ms) |',
		'| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
	];
	let met = true;
	await holdContacts(server, CONTACTS);
	for (const { workload, inFlight, raw } of cases) {
		for (const latencyMs of LATENCIES_MS) {
			await addLatency(server, latencyMs);
			const counted = (step: () => Promise<void>) => async () => {
				await server.admin('DELETE', 'requests');
				await step();
				return (await server.admin('DELETE', 'requests')).cleared;
			};
			const r = await rounds(ROUNDS, {
				n8n: () => n8n.run(workload),
				inProcess: () => inProcess(workload),
				rawSame: counted(() => raw(inFlight)),
				rawSequential: counted(() => raw(1)),
			});
			const ratio = r.n8n.ms / r.rawSame.ms;
			const target = latencyMs === 40 ? (ratio <= TARGET ? 'met' : 'NOT met') : '-';
			if (latencyMs === 40) met &&= ratio <= TARGET;
			lines.push(
				`| ${workload.name} | ${latencyMs} ms | ${ms(r.n8n.ms)} | ${ms(r.n8n.executionMs)} | ${ms(r.inProcess.ms)} | ${ms(r.rawSame.ms)} | ${ms(r.rawSequential.ms)} | ${times(r.n8n.ms, r.rawSame.ms)} | ${times(r.n8n.ms, r.rawSequential.ms)} | ${times(r.inProcess.ms, r.rawSame.ms)} | ${r.n8n.requests} / ${r.rawSame.requests} | ${target} |`,
			);
			log(`  measured ${workload.name} at ${latencyMs} ms in n8n`);
		}
	}
	await addLatency(server, 0);
	return { lines, met };
}

const RETURN_ALL: Workload = {
	name: `Contact > Get Many, Return All over ${CONTACTS.toLocaleString('en')} contacts (pages of ${PAGE_SIZE.default}, Pages in Parallel ${PAGES_IN_FLIGHT}, the defaults)`,
	parameters: { resource: 'contact', operation: 'getAll', returnAll: true },
	credential: SANDBOX_CREDENTIAL,
};
const SEND_8: Workload = {
	name: `Transactional Email > Send over ${SENDS.toLocaleString('en')} items, Parallel Requests ${SENDS_IN_FLIGHT}`,
	parameters: sendEmail({ parallelRequests: SENDS_IN_FLIGHT }),
	credential: SANDBOX_CREDENTIAL,
	items: SENDS,
};

const overTls = (name: string, parameters: INodeParameters, items?: number): Workload => ({
	name: `${name} (TLS)`,
	parameters,
	credential: TLS_CREDENTIAL,
	items,
});

/** The first of the generated contacts, read before n8n starts (its workflow names it). */
let FIRST_CONTACT = '';
const oneContact = () =>
	overTls('Contact > Get of one contact', {
		resource: 'contact',
		operation: 'get',
		contactId: { __rl: true, mode: 'id', value: FIRST_CONTACT },
	});
const ONE_PAGE = overTls(`Contact > Get Many, Limit ${PAGE_SIZE.default} (one page)`, {
	resource: 'contact',
	operation: 'getAll',
	returnAll: false,
	limit: PAGE_SIZE.default,
});
const ONE_SEND = overTls('Transactional Email > Send of one e-mail', sendEmail({}), 1);

const SETTINGS_CONTACTS = 20_000;
const SETTINGS_SENDS = 100;
const returnAllWith = (pageConcurrency: number) =>
	overTls(
		`Return All over ${SETTINGS_CONTACTS.toLocaleString('en')} contacts, Pages in Parallel ${pageConcurrency}`,
		{
			resource: 'contact',
			operation: 'getAll',
			returnAll: true,
			requestOptions: { pageConcurrency },
		},
	);
const SETTINGS: Workload[] = [
	returnAllWith(1),
	returnAllWith(4),
	returnAllWith(10),
	overTls(
		`Send over ${SETTINGS_SENDS} items, Parallel Requests 1 (default)`,
		sendEmail({}),
		SETTINGS_SENDS,
	),
	overTls(
		`Send over ${SETTINGS_SENDS} items, Parallel Requests 8`,
		sendEmail({ parallelRequests: 8 }),
		SETTINGS_SENDS,
	),
	overTls(
		`Send over ${SETTINGS_SENDS} items, One Request for All Items`,
		{ ...sendEmail({}), sendMode: 'batch' },
		SETTINGS_SENDS,
	),
	overTls(
		`Contact > Create or Update of ${SETTINGS_SENDS} items, Parallel Requests 8`,
		{
			resource: 'contact',
			operation: 'upsert',
			email: '={{ $json.email }}',
			requestOptions: { parallelRequests: 8 },
		},
		SETTINGS_SENDS,
	),
	overTls(
		`Contact > Bulk Import of ${SETTINGS_SENDS} items`,
		{
			resource: 'contact',
			operation: 'bulkImport',
			options: { waitForCompletion: false },
		},
		SETTINGS_SENDS,
	),
];

/** The TLS proxy in a process of its own; its round trip set by message. */
interface Proxy {
	origin: string;
	caFile: string;
	ca: string;
	setRtt(rttMs: number): Promise<void>;
	close(): void;
}

async function startProxy(server: Server): Promise<Proxy> {
	const child: ChildProcess = fork(__filename, [
		'--tls-latency',
		String(new URL(server.origin).port),
	]);
	const next = () =>
		new Promise<Record<string, string>>((resolve, reject) => {
			child.once('message', (message) => resolve(message as Record<string, string>));
			child.once('exit', (code) => reject(new Error(`The TLS proxy exited with ${code}`)));
		});
	const started = await next();
	return {
		origin: started.origin,
		caFile: started.caFile,
		ca: started.ca,
		setRtt: async (rttMs) => {
			const ack = next();
			child.send({ rttMs });
			await ack;
		},
		close: () => void child.kill(),
	};
}

/** Part 2: one request's cost over TLS, then which settings matter, at each round trip. */
async function overNetwork(
	n8n: RealN8n,
	server: Server,
	proxy: Proxy,
	log: (line: string) => void,
): Promise<string[]> {
	const base = `${proxy.origin}/api/${server.baseCrypt}`;
	const shared = new Agent({ connect: { ca: proxy.ca } });
	const alive: Api = { base, apiKey: server.apiKey, dispatcher: keptAlive(shared) };
	const fresh: Api = {
		base,
		apiKey: server.apiKey,
		dispatcher: () => {
			const agent = new Agent({ connect: { ca: proxy.ca } });
			// Closing is not part of the request's time.
			return { dispatcher: agent, done: async () => void agent.destroy().catch(() => {}) };
		},
	};
	const single = [
		{
			workload: oneContact(),
			raw: (api: Api) => call(api, `contacts?contactId=${FIRST_CONTACT}&page=1&pageSize=1`),
		},
		{ workload: ONE_PAGE, raw: (api: Api) => page(api, 1) },
		{ workload: ONE_SEND, raw: (api: Api) => call(api, 'transactionalEmails', email(address(0))) },
	];
	const lines = [
		'| Request | Round trip | Node in n8n ms (node executionTime) | Raw, new connection per request ms | Raw, kept alive ms | n8n / raw new connection | n8n / raw kept alive |',
		'| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
	];
	const settings = [
		'| Workload at 40 ms round trip over TLS | Node in n8n ms (node executionTime) | Requests |',
		'| --- | ---: | ---: |',
	];
	try {
		for (const rtt of RTTS_MS) {
			await proxy.setRtt(rtt);
			for (const { workload, raw } of single) {
				const r = await rounds(SINGLE_ROUNDS, {
					n8n: () => n8n.run(workload),
					fresh: async () => {
						await raw(fresh);
						return 1;
					},
					alive: async () => {
						await raw(alive);
						return 1;
					},
				});
				lines.push(
					`| ${workload.name} | ${rtt} ms | ${ms(r.n8n.ms)} | ${ms(r.fresh.ms)} | ${ms(r.alive.ms)} | ${times(r.n8n.ms, r.fresh.ms)} | ${times(r.n8n.ms, r.alive.ms)} |`,
				);
				log(`  measured ${workload.name} at ${rtt} ms round trip`);
			}
		}
		for (const workload of SETTINGS) {
			// Imports add contacts: back to exactly the workload's store.
			await holdContacts(server, SETTINGS_CONTACTS);
			const run = await n8n.run(workload);
			settings.push(`| ${workload.name} | ${ms(run.ms)} | ${run.requests} |`);
			log(`  measured ${workload.name}`);
		}
	} finally {
		await shared.destroy();
	}
	return [...lines, '', ...settings];
}

/** The whole part, printed; whether a target was missed. */
export async function realN8nBenchmarks(
	log: (line: string) => void = console.log,
): Promise<boolean> {
	const machine = `${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB`;
	log(
		`Inside a real n8n ${N8N_VERSION} (n8n start, N8N_RUNNERS_MODE=external so no task runner starts beside the node), ${new Date().toISOString()}, Node ${process.version}, ${machine}, load average ${loadavg()
			.map((l) => l.toFixed(1))
			.join(' ')}`,
	);
	const server = await startServer();
	let proxy: Proxy | undefined;
	let n8n: RealN8n | undefined;
	try {
		proxy = await startProxy(server);
		await holdContacts(server, CONTACTS);
		const api: Api = {
			base: `${server.url}/${server.baseCrypt}`,
			apiKey: server.apiKey,
			dispatcher: keptAlive(),
		};
		FIRST_CONTACT = String(
			((await call(api, 'contacts?page=1&pageSize=1')) as { data: Array<{ contactId: number }> })
				.data[0].contactId,
		);
		const workloads = [RETURN_ALL, SEND_8, oneContact(), ONE_PAGE, ONE_SEND, ...SETTINGS];
		n8n = await RealN8n.start(server, `${proxy.origin}/api`, proxy.caFile, workloads);
		log(`  n8n ${N8N_VERSION} started on ${n8n.n8n.baseUrl}`);
		const same = await sameWork(n8n, server, log);
		log(
			[
				'',
				"Same work, latency as a delay before each answer (the sandbox's slow fault, kept-alive loopback for the raw clients):",
				'',
				...same.lines,
			].join('\n'),
		);
		const network = await overNetwork(n8n, server, proxy, log);
		log(
			[
				'',
				'Over TLS, the round trip on every packet flight, handshakes included (sandbox/latency.ts); the raw clients are undici:',
				'',
				...network,
				'',
				`Load average at the end: ${loadavg()
					.map((l) => l.toFixed(1))
					.join(' ')}`,
			].join('\n'),
		);
		return !same.met;
	} finally {
		await n8n?.dispose();
		proxy?.close();
		server.close();
	}
}

if (process.argv[2] === '--tls-latency') {
	void startTlsLatency({ target: { host: '127.0.0.1', port: Number(process.argv[3]) } }).then(
		(latency) => {
			process.on('message', (message: { rttMs: number }) => {
				latency.setRtt(message.rttMs);
				process.send?.({ ok: true });
			});
			// Stopped or left alone: the certificate's folder goes with the proxy.
			const stop = () => void latency.close().finally(() => process.exit(0));
			process.once('SIGTERM', stop).once('disconnect', stop);
			process.send?.({ origin: latency.origin, caFile: latency.caFile, ca: latency.ca });
		},
	);
} else if (require.main === module) {
	guardCommand();
	realN8nBenchmarks().catch((error: Error) => {
		console.error(error.stack ?? error.message);
		process.exitCode = 1;
	});
}
