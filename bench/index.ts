/**
 * `npm run bench`: the node against raw HTTP on loopback, each figure a ratio to a baseline
 * measured in the same process and run. Never a timed test: machines are noisy.
 */
import { cpus, totalmem } from 'node:os';

import { request } from 'undici';

import { PAGE_SIZE as PAGE_SIZE_DEFAULT } from '../nodes/MailKomplet/helpers/parameters';
import type { Sandbox } from '../sandbox';
import { startSandbox } from '../sandbox';
import { runNode } from '../test/harness';
import type { Row } from './measure';
import { median, report } from './measure';

const PAGE_SIZE = PAGE_SIZE_DEFAULT.default;
const CONTACTS = 100_000;
const IMPORTED = 50_000;
const BATCH = 5_000;

function headers(sandbox: Sandbox, body = false) {
	return {
		authorization: `Basic ${sandbox.apiKey}`,
		accept: 'application/json;charset:utf-8',
		'x-requested-with': 'XMLHttpRequest',
		...(body ? { 'content-type': 'application/json' } : {}),
	};
}

const credentialsOf = (sandbox: Sandbox) => ({
	apiKey: sandbox.apiKey,
	baseCrypt: sandbox.baseCrypt,
	baseUrl: sandbox.url,
});

/** Counts requests of one step from the sandbox's own log. */
async function counted<T>(
	sandbox: Sandbox,
	step: () => Promise<T>,
): Promise<{ value: T; requests: number }> {
	sandbox.takeRequests();
	const value = await step();
	return { value, requests: sandbox.takeRequests().length };
}

async function rawGetAll(sandbox: Sandbox): Promise<unknown[]> {
	const records: unknown[] = [];
	for (let page = 1; ; page++) {
		const response = await request(
			`${sandbox.url}/${sandbox.baseCrypt}/contacts?page=${page}&pageSize=${PAGE_SIZE}`,
			{ headers: headers(sandbox) },
		);
		const body = (await response.body.json()) as { data: unknown[]; pageCount: number };
		records.push(...body.data);
		if (page >= body.pageCount) return records;
	}
}

async function returnAll(sandbox: Sandbox): Promise<Row> {
	sandbox.reset();
	sandbox.store.addContacts(CONTACTS);
	let nodeRequests = 0;
	let rawRequests = 0;
	const node = await median(3, async () => {
		const { value, requests } = await counted(sandbox, () =>
			runNode({
				parameters: { resource: 'contact', operation: 'getAll', returnAll: true },
				credentials: credentialsOf(sandbox),
			}),
		);
		if (value.items.length !== CONTACTS) throw new Error(`node returned ${value.items.length}`);
		nodeRequests = requests;
	});
	const baseline = await median(3, async () => {
		const { value, requests } = await counted(sandbox, () => rawGetAll(sandbox));
		if (value.length !== CONTACTS) throw new Error(`raw loop returned ${value.length}`);
		rawRequests = requests;
	});
	return {
		name: `Contact > Get Many, Return All over ${CONTACTS.toLocaleString('en')} contacts (page size ${PAGE_SIZE})`,
		node: { ...node, requests: nodeRequests },
		baseline: { ...baseline, requests: rawRequests },
		target: '<= 1.2x time, same requests',
		ok: node.ms <= 1.2 * baseline.ms && nodeRequests === rawRequests,
	};
}

const importItems = Array.from({ length: IMPORTED }, (_, i) => ({
	json: { email: `import.${i}@example.cz`, name: `Jméno ${i}` },
}));

async function rawUpload(sandbox: Sandbox): Promise<void> {
	for (let start = 0; start < IMPORTED; start += BATCH) {
		const contacts = importItems.slice(start, start + BATCH).map((item) => item.json);
		const response = await request(`${sandbox.url}/${sandbox.baseCrypt}/contacts/bulk`, {
			method: 'POST',
			headers: headers(sandbox, true),
			body: JSON.stringify({ preImportAction: 1, contactOverwriteMode: 1, contacts }),
		});
		await response.body.json();
	}
}

async function bulkImport(sandbox: Sandbox): Promise<Row> {
	let nodeRequests = 0;
	const node = await median(3, async () => {
		sandbox.reset();
		const { value, requests } = await counted(sandbox, () =>
			runNode({
				parameters: {
					resource: 'contact',
					operation: 'bulkImport',
					options: { batchSize: BATCH, waitForCompletion: false },
				},
				credentials: credentialsOf(sandbox),
				items: importItems,
			}),
		);
		if (value.error) throw value.error;
		nodeRequests = requests;
	});
	let rawRequests = 0;
	const baseline = await median(3, async () => {
		sandbox.reset();
		rawRequests = (await counted(sandbox, () => rawUpload(sandbox))).requests;
	});
	return {
		name: `Contact > Bulk Import of ${IMPORTED.toLocaleString('en')} contacts (batches of ${BATCH}) vs raw upload of the same batches`,
		node: { ...node, requests: nodeRequests },
		baseline: { ...baseline, requests: rawRequests },
		target: `<= 1.5x time; >= 100x fewer requests than ${IMPORTED.toLocaleString('en')} per-item upserts (${(IMPORTED / nodeRequests).toFixed(0)}x)`,
		ok: node.ms <= 1.5 * baseline.ms && IMPORTED / nodeRequests >= 100,
	};
}

const SENDS = 1_000;
const recipients = Array.from({ length: SENDS }, (_, i) => ({
	json: { email: `prijemce.${i}@example.cz`, name: `Příjemce ${i}` },
}));

function message(to: string, name: string) {
	return {
		email: {
			fromAddress: 'obchod@example.cz',
			to: [{ address: to }],
			subject: `Objednávka pro ${name}`,
			bodyHtml: `<p>Dobrý den, ${name}</p>`,
		},
	};
}

async function rawSends(sandbox: Sandbox): Promise<void> {
	for (const { json } of recipients) {
		const response = await request(`${sandbox.url}/${sandbox.baseCrypt}/transactionalEmails`, {
			method: 'POST',
			headers: headers(sandbox, true),
			body: JSON.stringify(message(json.email, json.name)),
		});
		await response.body.json();
	}
}

async function sendEmails(sandbox: Sandbox): Promise<Row> {
	let nodeRequests = 0;
	const node = await median(3, async () => {
		sandbox.reset();
		const { value, requests } = await counted(sandbox, () =>
			runNode({
				parameters: {
					resource: 'transactionalEmail',
					operation: 'send',
					fromAddress: 'obchod@example.cz',
					to: '={{ $json.email }}',
					subject: '=Objednávka pro {{ $json.name }}',
					bodyHtml: '=<p>Dobrý den, {{ $json.name }}</p>',
					additionalFields: {},
				},
				credentials: credentialsOf(sandbox),
				items: recipients,
			}),
		);
		if (value.error) throw value.error;
		nodeRequests = requests;
	});
	let rawRequests = 0;
	const baseline = await median(3, async () => {
		sandbox.reset();
		rawRequests = (await counted(sandbox, () => rawSends(sandbox))).requests;
	});
	return {
		name: `Transactional Email > Send for ${SENDS.toLocaleString('en')} items (one request each) vs a raw sequential loop`,
		node: { ...node, requests: nodeRequests },
		baseline: { ...baseline, requests: rawRequests },
		target: '<= 1.2x time',
		ok: node.ms <= 1.2 * baseline.ms && nodeRequests === rawRequests,
	};
}

async function main() {
	const sandbox = await startSandbox();
	try {
		const rows = [await returnAll(sandbox), await bulkImport(sandbox), await sendEmails(sandbox)];
		const machine = `${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB`;
		console.log(
			`Mail Komplet node benchmarks, ${new Date().toISOString()}, Node ${process.version}, ${machine}\n`,
		);
		console.log(report(rows));
		if (rows.some((row) => !row.ok)) process.exitCode = 1;
	} finally {
		await sandbox.close();
	}
}

void main();
