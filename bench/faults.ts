/**
 * The cost of faults: the same node runs against a clean sandbox and against one where a fifth
 * of the requests meet a seeded fault (retryable statuses, connections dropped before and after
 * the write, answers cut short). Reports requests per operation and time, faulty against clean,
 * measured in the same run. Retries wait 1 ms here (Retries and Timeout), so the time is the cost
 * of the extra requests and lookups, not of backoff a real server would ask for.
 */
import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import type { Sandbox } from '../sandbox';
import { CHAOS_FAULTS, startSandbox } from '../sandbox';
import { runNode } from '../test/harness';
import type { Measurement } from './measure';
import { median } from './measure';

const RATE = 0.2;
const requestOptions = { maxTries: 10, retryDelayMs: 1 };

interface Workload {
	name: string;
	/** Operations one run performs (items, or records read). */
	operations: number;
	prepare: (sandbox: Sandbox) => void;
	parameters: INodeParameters;
	items?: INodeExecutionData[];
}

const items = (count: number, json: (n: number) => Record<string, string>) =>
	Array.from({ length: count }, (_, n) => ({ json: json(n) }));

const workloads: Workload[] = [
	{
		name: 'Contact > Create or Update, 500 items',
		operations: 500,
		prepare: () => {},
		parameters: { resource: 'contact', operation: 'upsert', email: '={{ $json.email }}' },
		items: items(500, (n) => ({ email: `faulty.${n}@example.cz` })),
	},
	{
		name: 'Contact > Get Many, Return All of 10,000 contacts in pages of 100',
		operations: 100,
		prepare: (sandbox) => sandbox.store.addContacts(10_000),
		parameters: {
			resource: 'contact',
			operation: 'getAll',
			returnAll: true,
			options: { pageSize: 100 },
		},
	},
	{
		name: 'Mailing List > Create, 200 items (lookups after lost answers)',
		operations: 200,
		prepare: () => {},
		parameters: {
			resource: 'mailingList',
			operation: 'create',
			name: '={{ $json.name }}',
			isTest: false,
		},
		items: items(200, (n) => ({ name: `List ${n}` })),
	},
	{
		name: 'Transactional Email > Send, 300 items (never repeated after a lost answer)',
		operations: 300,
		prepare: () => {},
		parameters: {
			resource: 'transactionalEmail',
			operation: 'send',
			fromAddress: 'shop@example.cz',
			to: '={{ $json.to }}',
			subject: 'Order',
			bodyText: 'Thank you',
		},
		items: items(300, (n) => ({ to: `buyer.${n}@example.cz` })),
	},
];

export interface FaultRow {
	name: string;
	operations: number;
	clean: Measurement & { requests: number };
	faulty: Measurement & { requests: number; faults: number; errorItems: number };
}

async function measureRun(sandbox: Sandbox, workload: Workload, faulty: boolean) {
	let requests = 0;
	let faults = 0;
	let errorItems = 0;
	const measured = await median(3, async () => {
		sandbox.reset();
		workload.prepare(sandbox);
		if (faulty) sandbox.chaos({ seed: workload.name, rate: RATE, faults: CHAOS_FAULTS });
		const result = await runNode({
			parameters: { ...workload.parameters, requestOptions },
			items: workload.items,
			continueOnFail: true,
			credentials: { apiKey: sandbox.apiKey, baseCrypt: sandbox.baseCrypt, baseUrl: sandbox.url },
		});
		if (result.error) throw result.error;
		const sent = sandbox.takeRequests();
		requests = sent.length;
		faults = sent.filter((r) => r.fault).length;
		errorItems = result.items.filter((item) => item.json.error !== undefined).length;
	});
	return { ...measured, requests, faults, errorItems };
}

export async function faultBenchmarks(): Promise<FaultRow[]> {
	const sandbox = await startSandbox();
	try {
		const rows: FaultRow[] = [];
		for (const workload of workloads) {
			const clean = await measureRun(sandbox, workload, false);
			const faulty = await measureRun(sandbox, workload, true);
			rows.push({ name: workload.name, operations: workload.operations, clean, faulty });
		}
		return rows;
	} finally {
		await sandbox.close();
	}
}

export function faultReport(rows: FaultRow[]): string {
	const perOperation = (requests: number, operations: number) => (requests / operations).toFixed(2);
	const lines = [
		`Under faults: a seeded ${RATE * 100}% of requests meet a fault (${CHAOS_FAULTS.length} kinds), against a clean run of the same work`,
		'',
		'| Workload | Requests per operation clean / faulty | Faults met | Error items (faulty) | Clean ms | Faulty ms | Time ratio |',
		'| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
	];
	for (const { name, operations, clean, faulty } of rows) {
		lines.push(
			`| ${name} | ${perOperation(clean.requests, operations)} / ${perOperation(faulty.requests, operations)} | ${faulty.faults} | ${faulty.errorItems} | ${clean.ms.toFixed(0)} | ${faulty.ms.toFixed(0)} | ${(faulty.ms / clean.ms).toFixed(2)}x |`,
		);
	}
	return lines.join('\n');
}
