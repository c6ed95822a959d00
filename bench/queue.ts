/**
 * The trigger part of `npm run bench` again, in n8n's queue mode: the same two workflows (the
 * Mail Komplet Trigger and n8n's Webhook node, each alone) in the topology the end-to-end suite
 * runs (scripts/n8n/queue/: PostgreSQL, Redis, main, two workers, one webhook processor), the
 * calls sent to the webhook processor. A call is answered once its execution is queued; the
 * workers run it. Between runs the bench waits until every call's execution was saved as a
 * success, as the single-process bench does.
 *
 *   npm run build && npx tsc -p tsconfig.tools.json && npx node .build/bench/queue.js
 *
 * The knobs of bench/trigger.ts apply (BENCH_TRIGGER_ONLY, _REQUESTS, _N8N_ENV, _TYPE_VERSION).
 */
import { guardCommand } from '../scripts/n8n/process';
import { N8nRest } from '../scripts/n8n/rest';
import { QueueTopology } from '../scripts/n8n/queue/topology';
import { findRelease } from '../scripts/n8n/versions';
import {
	benchWebhookPaths,
	benchWorkflows,
	environmentLine,
	extraN8nEnv,
	measureWorkflows,
	N8N_ENV,
	N8N_VERSION,
	stopwatch,
	triggerReport,
	type TriggerRow,
} from './trigger';

export const QUEUE_SETUP =
	'in queue mode (main, 2 workers at their default concurrency of 10, 1 webhook processor taking the calls; PostgreSQL 15, Redis 7), each an active single-node workflow with its executions saved';

export async function queueBenchmarks(
	log: (line: string) => void = console.log,
): Promise<TriggerRow[]> {
	const elapsed = stopwatch();
	const n8nEnv = { ...N8N_ENV, ...extraN8nEnv(process.env.BENCH_TRIGGER_N8N_ENV) };
	const topology = await QueueTopology.create({
		release: findRelease(N8N_VERSION),
		label: 'bench-queue',
		env: n8nEnv,
	});
	try {
		const workflows = benchWorkflows();
		log(
			`Starting n8n ${N8N_VERSION} in queue mode (webhook processor on ${topology.webhook.baseUrl})`,
		);
		await topology.start(workflows);
		const [triggerPath, webhookPath] = benchWebhookPaths();
		await topology.webhook.waitForWebhook(triggerPath);
		await topology.webhook.waitForWebhook(webhookPath, { probe: 'options' });
		const rest = new N8nRest(topology.main.baseUrl);
		await rest.signIn();
		log(`Both webhooks listen on the webhook processor (${elapsed()})`);
		return await measureWorkflows(
			topology.webhook.baseUrl,
			rest,
			workflows,
			environmentLine(n8nEnv),
			log,
			elapsed,
		);
	} finally {
		await topology.dispose();
	}
}

if (require.main === module) {
	guardCommand();
	queueBenchmarks()
		.then((rows) => console.log(`\n${triggerReport(rows, QUEUE_SETUP)}`))
		.catch((error: Error) => {
			console.error(error.stack ?? error.message);
			process.exitCode = 1;
		});
}

/** The trigger and the Webhook node in queue mode next to the same in one process, per concurrency. */
export function queueVsSingleReport(single: TriggerRow[], queue: TriggerRow[]): string {
	const lines = [
		'Queue mode next to one process (same run, same workflows; req/s = calls answered per second, p50/p99 of the answer time)',
		'',
		'| Concurrency | Node | One process req/s | Queue req/s | Queue / one process | One process p50 / p99 ms | Queue p50 / p99 ms |',
		'| ---: | --- | ---: | ---: | ---: | ---: | ---: |',
	];
	for (const row of queue) {
		const same = single.find((s) => s.concurrency === row.concurrency);
		if (!same) continue;
		for (const side of ['trigger', 'webhook'] as const) {
			const [s, q] = [same[side], row[side]];
			lines.push(
				`| ${row.concurrency} | ${side === 'trigger' ? 'Mail Komplet Trigger' : 'n8n Webhook'} | ${s.rps.toFixed(1)} | ${q.rps.toFixed(1)} | ${(q.rps / s.rps).toFixed(2)}x | ${s.p50Ms.toFixed(1)} / ${s.p99Ms.toFixed(1)} | ${q.p50Ms.toFixed(1)} / ${q.p99Ms.toFixed(1)} |`,
			);
		}
	}
	return lines.join('\n');
}
