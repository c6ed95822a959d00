/**
 * `npm run bench`: the node against raw HTTP on loopback, each figure a ratio to a baseline
 * measured in the same process and run. Never a timed test: machines are noisy.
 */
import { cpus, totalmem } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';

import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';
import { request } from 'undici';

import { PAGE_SIZE } from '../nodes/MailKomplet/helpers/parameters';
import type { Sandbox } from '../sandbox';
import { startSandbox } from '../sandbox';
import { runCommand } from '../scripts/n8n/process';
import { runNode } from '../test/harness';
import type { Measurement, Row } from './measure';
import { median, report } from './measure';
import { faultBenchmarks, faultReport } from './faults';
import { runLatencyBenchmarks } from './latency';
import { sendBenchmarks } from './send';
import { QUEUE_SETUP, queueBenchmarks, queueVsSingleReport } from './queue';
import { realN8nBenchmarks } from './realN8n';
import { triggerBenchmarks, triggerReport, type TriggerRow } from './trigger';

const CONTACTS = 100_000;
const IMPORTED = 50_000;
const BATCH = 5_000;
const SENDS = 1_000;

function headers(sandbox: Sandbox, body = false) {
	return {
		authorization: `Basic ${sandbox.apiKey}`,
		accept: 'application/json;charset:utf-8',
		'x-requested-with': 'XMLHttpRequest',
		...(body ? { 'content-type': 'application/json' } : {}),
	};
}

async function call(sandbox: Sandbox, path: string, body?: unknown): Promise<unknown> {
	const response = await request(`${sandbox.url}/${sandbox.baseCrypt}/${path}`, {
		method: body === undefined ? 'GET' : 'POST',
		headers: headers(sandbox, body !== undefined),
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	return await response.body.json();
}

interface Comparison {
	name: string;
	/** Runs before every timed run, outside the timing (fresh store, seeded data). */
	prepare: () => void;
	parameters: INodeParameters;
	items?: INodeExecutionData[];
	/** The same work as raw HTTP calls. */
	baseline: () => Promise<void>;
	target: string;
	ok: (
		node: Measurement & { requests: number },
		raw: Measurement & { requests: number },
	) => boolean;
}

/** Median of three runs of the node and of the raw baseline, with the requests each sent. */
async function compare(sandbox: Sandbox, comparison: Comparison): Promise<Row> {
	const timed = async (step: () => Promise<void>) => {
		let requests = 0;
		const measured = await median(3, async () => {
			comparison.prepare();
			sandbox.takeRequests();
			await step();
			requests = sandbox.takeRequests().length;
		});
		return { ...measured, requests };
	};
	const node = await timed(async () => {
		const { error } = await runNode({
			parameters: comparison.parameters,
			items: comparison.items,
			credentials: { apiKey: sandbox.apiKey, baseCrypt: sandbox.baseCrypt, baseUrl: sandbox.url },
		});
		if (error) throw error;
	});
	const baseline = await timed(comparison.baseline);
	const { name, target } = comparison;
	return { name, node, baseline, target, ok: comparison.ok(node, baseline) };
}

const ratio = (node: Measurement, raw: Measurement) => node.ms / raw.ms;

function returnAll(sandbox: Sandbox): Comparison {
	return {
		name: `Contact > Get Many, Return All over ${CONTACTS.toLocaleString('en')} contacts (node's page size ${PAGE_SIZE.default})`,
		prepare: () => {
			if (sandbox.store.contacts.size === CONTACTS) return;
			sandbox.reset();
			sandbox.store.addContacts(CONTACTS);
		},
		parameters: { resource: 'contact', operation: 'getAll', returnAll: true },
		baseline: async () => {
			for (let page = 1; ; page++) {
				const body = (await call(
					sandbox,
					`contacts?page=${page}&pageSize=${PAGE_SIZE.default}`,
				)) as { pageCount: number };
				if (page >= body.pageCount) return;
			}
		},
		target: '<= 1.2x time, same requests',
		ok: (node, raw) => ratio(node, raw) <= 1.2 && node.requests === raw.requests,
	};
}

function bulkImport(sandbox: Sandbox): Comparison {
	const items = Array.from({ length: IMPORTED }, (_, i) => ({
		json: { email: `import.${i}@example.cz`, name: `Jméno ${i}` },
	}));
	return {
		name: `Contact > Bulk Import of ${IMPORTED.toLocaleString('en')} contacts (batches of ${BATCH}) vs raw upload of the same batches`,
		prepare: () => sandbox.reset(),
		parameters: {
			resource: 'contact',
			operation: 'bulkImport',
			options: { batchSize: BATCH, waitForCompletion: false },
		},
		items,
		baseline: async () => {
			for (let start = 0; start < IMPORTED; start += BATCH) {
				const contacts = items.slice(start, start + BATCH).map((item) => item.json);
				await call(sandbox, 'contacts/bulk', {
					preImportAction: 1,
					contactOverwriteMode: 1,
					contacts,
				});
			}
		},
		target: `<= 1.5x time; >= 100x fewer requests than ${IMPORTED.toLocaleString('en')} per-item upserts`,
		ok: (node, raw) => ratio(node, raw) <= 1.5 && IMPORTED / node.requests >= 100,
	};
}

const REPLACED = 25_000;

/**
 * Replacing a list's members: the first batch empties the list, so the node waits for it to end
 * before sending the rest, then polls those too. The raw loop waits the same (the node's first
 * two waits, Queued and Processing), so the ratio is the node's own cost.
 */
function replacingImport(sandbox: Sandbox): Comparison {
	const items = Array.from({ length: REPLACED }, (_, i) => ({
		json: { email: `novy.${i}@example.cz` },
	}));
	let listId = 0;
	const batches = Array.from({ length: REPLACED / BATCH }, (_, n) =>
		items.slice(n * BATCH, (n + 1) * BATCH).map((item) => item.json),
	);
	const upload = async (contacts: object[], preImportAction: number) =>
		(
			(await call(sandbox, 'contacts/bulk', {
				preImportAction,
				contactOverwriteMode: 1,
				mailingListIds: [listId],
				contacts,
			})) as { data: { operationId: string } }
		).data.operationId;
	const pollUntilDone = async (ids: string[]) => {
		for (const waitMs of [500, 1000, 0]) {
			for (const id of ids) await call(sandbox, `contacts/getBulkInfo?operationId=${id}`);
			await sleep(waitMs);
		}
	};
	return {
		name: `Contact > Bulk Import replacing a list of 30,000 with ${REPLACED.toLocaleString('en')} (batches of ${BATCH}, waits between polls included) vs a raw loop waiting the same`,
		prepare: () => {
			sandbox.reset();
			listId = sandbox.store.addMailingList({ name: 'Newsletter' }).mailingListId;
			sandbox.store.addContacts(30_000, { mailingListIds: [listId] });
		},
		// Read when the node runs, after prepare made the list.
		get parameters() {
			return {
				resource: 'contact',
				operation: 'bulkImport',
				mailingListIds: [String(listId)],
				preImportAction: 2,
				options: { batchSize: BATCH },
			};
		},
		items,
		baseline: async () => {
			await pollUntilDone([await upload(batches[0], 2)]);
			const rest = [];
			for (const batch of batches.slice(1)) rest.push(await upload(batch, 1));
			await pollUntilDone(rest);
		},
		target: '<= 1.2x time, same requests',
		ok: (node, raw) => ratio(node, raw) <= 1.2 && node.requests === raw.requests,
	};
}

function sendEmails(sandbox: Sandbox): Comparison {
	const items = Array.from({ length: SENDS }, (_, i) => ({
		json: { email: `prijemce.${i}@example.cz`, name: `Příjemce ${i}` },
	}));
	return {
		name: `Transactional Email > Send for ${SENDS.toLocaleString('en')} items (one request each) vs a raw sequential loop`,
		prepare: () => sandbox.reset(),
		parameters: {
			resource: 'transactionalEmail',
			operation: 'send',
			fromAddress: 'obchod@example.cz',
			to: '={{ $json.email }}',
			subject: '=Objednávka pro {{ $json.name }}',
			bodyHtml: '=<p>Dobrý den, {{ $json.name }}</p>',
		},
		items,
		baseline: async () => {
			for (const { json } of items) {
				await call(sandbox, 'transactionalEmails', {
					email: {
						fromAddress: 'obchod@example.cz',
						to: [{ address: json.email }],
						subject: `Objednávka pro ${json.name}`,
						bodyHtml: `<p>Dobrý den, ${json.name}</p>`,
					},
				});
			}
		},
		target: '<= 1.2x time, same requests',
		ok: (node, raw) => ratio(node, raw) <= 1.2 && node.requests === raw.requests,
	};
}

const MISSED = '\nSome targets were missed; see docs/benchmarks.md for where the time goes.';

async function main() {
	// `npm run bench -- --only=real-n8n`: the node inside a real n8n alone.
	if (process.argv.includes('--only=real-n8n')) {
		if (await realN8nBenchmarks()) console.log(MISSED);
		return;
	}
	const machine = `${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB`;
	console.log(
		`Mail Komplet node benchmarks, ${new Date().toISOString()}, Node ${process.version}, ${machine}\n`,
	);
	const sandbox = await startSandbox();
	let missed = false;
	try {
		const rows: Row[] = [];
		for (const comparison of [returnAll, bulkImport, replacingImport, sendEmails]) {
			rows.push(await compare(sandbox, comparison(sandbox)));
		}
		console.log(report(rows));
		missed = rows.some((row) => !row.ok);
	} finally {
		await sandbox.close();
	}
	const sendRows = await sendBenchmarks();
	console.log(`\n${report(sendRows)}`);
	missed ||= sendRows.some((row) => !row.ok);
	console.log(`\n${faultReport(await faultBenchmarks())}`);
	if (!process.argv.includes('--no-latency')) {
		console.log('');
		missed = (await runLatencyBenchmarks()) || missed;
	}
	let triggerRows: TriggerRow[] = [];
	if (!process.argv.includes('--no-trigger')) {
		triggerRows = await triggerBenchmarks();
		console.log(`\n${triggerReport(triggerRows)}`);
		missed ||= triggerRows.some((row) => !row.ok);
	}
	if (!process.argv.includes('--no-trigger') && !process.argv.includes('--no-queue')) {
		const queueRows = await queueBenchmarks();
		console.log(`\n${triggerReport(queueRows, QUEUE_SETUP)}`);
		console.log(`\n${queueVsSingleReport(triggerRows, queueRows)}`);
		missed ||= queueRows.some((row) => !row.ok);
	}
	if (!process.argv.includes('--no-real-n8n')) {
		console.log('');
		missed = (await realN8nBenchmarks()) || missed;
	}
	// A missed target is reported, not failed: the figures are for reading, not gating.
	if (missed) console.log(MISSED);
}

runCommand(main);
