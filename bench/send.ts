/**
 * Transactional Email > Send over 1,000 items, one request each: the node at its defaults
 * (Parallel Requests 1) and at Parallel Requests 8, each against a raw sequential undici loop
 * sending the same requests, measured in the same run. Once with the sandbox answering at once,
 * once 40 ms late: a 'slow' fault on every send stands for the network and Mail Komplet's own
 * time, which is what parallel requests hide.
 */
import { request } from 'undici';

import type { Sandbox } from '../sandbox';
import { startSandbox } from '../sandbox';
import { runNode } from '../test/harness';
import { recipients, sendEmail } from '../test/helpers/sends';
import type { Measurement, Row } from './measure';
import { median } from './measure';

const SENDS = 1_000;

interface Setting {
	delayMs: number;
	/** Timed runs (after a warm-up); at 40 ms a run takes 40 s sequentially and barely varies. */
	runs: number;
}

const SETTINGS: Setting[] = [
	{ delayMs: 0, runs: 3 },
	{ delayMs: 40, runs: 1 },
];

/** The node's variants and what each should reach against the raw sequential loop. */
const VARIANTS = [
	{ label: 'node at defaults (Parallel Requests 1)', parallelRequests: 1, most: () => 1.2 },
	{
		label: 'node at Parallel Requests 8',
		parallelRequests: 8,
		most: (delayMs: number) => (delayMs > 0 ? 0.2 : 1.2),
	},
];

/** The message the node sends for each item, as the raw loop sends it. */
const message = (address: string) => {
	const { fromAddress, subject, bodyText } = sendEmail();
	return { email: { fromAddress, subject, bodyText, to: [{ address }] } };
};

async function rawSequentialLoop(sandbox: Sandbox, addresses: string[]): Promise<void> {
	for (const address of addresses) {
		const response = await request(`${sandbox.url}/${sandbox.baseCrypt}/transactionalEmails`, {
			method: 'POST',
			headers: {
				authorization: `Basic ${sandbox.apiKey}`,
				accept: 'application/json;charset:utf-8',
				'x-requested-with': 'XMLHttpRequest',
				'content-type': 'application/json',
			},
			body: JSON.stringify(message(address)),
		});
		await response.body.json();
	}
}

export async function sendBenchmarks(): Promise<Row[]> {
	const sandbox = await startSandbox();
	const items = recipients(SENDS);
	const addresses = items.map((item) => item.json.email);
	const credentials = {
		apiKey: sandbox.apiKey,
		baseCrypt: sandbox.baseCrypt,
		baseUrl: sandbox.url,
	};
	const rows: Row[] = [];
	try {
		for (const { delayMs, runs } of SETTINGS) {
			const timed = async (step: () => Promise<void>) => {
				let requests = 0;
				const measured: Measurement = await median(runs, async () => {
					sandbox.reset();
					if (delayMs > 0)
						sandbox.inject({
							method: 'POST',
							kind: 'slow',
							delayMs,
							times: Number.MAX_SAFE_INTEGER,
						});
					await step();
					requests = sandbox.takeRequests().length;
				});
				return { ms: measured.ms, peakRssMb: measured.peakRssMb, requests };
			};
			const baseline = await timed(async () => await rawSequentialLoop(sandbox, addresses));
			for (const { label, parallelRequests, most } of VARIANTS) {
				const node = await timed(async () => {
					const { error } = await runNode({
						parameters: sendEmail({ parallelRequests }),
						items,
						credentials,
					});
					if (error) throw error;
				});
				rows.push({
					name: `Transactional Email > Send, ${SENDS.toLocaleString('en')} items, sandbox answering after ${delayMs} ms: ${label} vs a raw sequential loop`,
					node,
					baseline,
					target: `<= ${most(delayMs)}x time, same requests`,
					ok: node.ms / baseline.ms <= most(delayMs) && node.requests === baseline.requests,
				});
			}
		}
	} finally {
		await sandbox.close();
	}
	return rows;
}
