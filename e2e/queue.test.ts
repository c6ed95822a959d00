/**
 * The package in n8n's queue mode, the way installs that outgrow one process run it: PostgreSQL,
 * Redis, a main process, two workers and a webhook processor, each n8n process with the package
 * in its own nodes folder (scripts/n8n/queue/). One topology per n8n version serves every test;
 * the suite starts and stops all of it. Logs: artifacts/logs/*-queue-*; the fault report:
 * artifacts/queue-fault-<version>.json.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';

import { buildWebhookPayload } from '../sandbox';
import { importCredentials, type WorkflowFile } from '../scripts/n8n/cli';
import { builtNodes, nodeType, triggerWebhookPath } from '../scripts/n8n/package-contents';
import { ARTIFACTS_DIR } from '../scripts/n8n/paths';
import { sleep } from '../scripts/n8n/process';
import {
	executionsInFlight,
	QueueTopology,
	startedExecutions,
} from '../scripts/n8n/queue/topology';
import { N8nRest } from '../scripts/n8n/rest';
import { launchSandbox, sandboxCredential, type RunningSandbox } from '../scripts/n8n/sandbox';
import { selectedReleases } from '../scripts/n8n/versions';
import { operationCases, type ResourceCase } from './cases/operations';
import { getExecution, waitForExecutions, type ExecutionSummary } from './support/executions';
import {
	bulkImportWorkflow,
	postConcurrently,
	postJson,
	queueTriggerWorkflow,
	startedByWebhook,
} from './support/queue';
import { describeRequest, expectCaseRequests } from './support/requests';
import { chainWorkflow, TRIGGER_NODE } from './support/workflows';

const SECRET = 'e2e-queue-webhook-secret-4b8d0e2f';
const secretCredential = {
	id: 'mkQueueSecret001',
	name: 'Mail Komplet webhook secret (queue)',
	type: 'mailKompletWebhookSecretApi',
	data: { location: 'query', queryParameterName: 'token', secret: SECRET },
};
const secretAuth = {
	[secretCredential.type]: { id: secretCredential.id, name: secretCredential.name },
};
const EVENT_IDS = [1, 2, 3, 4, 5, 6, 7, 8];
/** typeVersion 1: workflows saved before 1.1 existed; 1.1: what the editor adds now. */
const TRIGGER_VERSIONS = [1, 1.1];
const triggerWorkflows = TRIGGER_VERSIONS.map((typeVersion, i) =>
	queueTriggerWorkflow(
		`E2E queue trigger v${typeVersion}`,
		`6a0c2e4f-${i}b3d-4c5e-8f7a-9b0c1d2e3f4a`,
		{ authentication: 'sharedSecret' },
		secretAuth,
		typeVersion,
	),
);
const FAULT_WEBHOOK_ID = '3e5f7a9b-1c2d-4e3f-8a4b-5c6d7e8f9a0b';
const faultWorkflow = queueTriggerWorkflow(
	'E2E queue fault',
	FAULT_WEBHOOK_ID,
	{ authentication: 'none' },
	{},
	1.1,
);
const FAULT_CALLS = 300;
const FAULT_CONCURRENCY = 16;

const resourcePath = (resourceCase: ResourceCase) => `mk-queue-${resourceCase.resource}`;
const BULK_PATH = 'mk-queue-bulk-import';

/**
 * Bull's job lock, shortened from n8n's 60 s so that a killed worker's jobs are seen as stalled
 * within seconds, not a minute (the fault test waits for what n8n then does with them).
 */
const QUEUE_ENV = {
	QUEUE_WORKER_LOCK_DURATION: '15000',
	QUEUE_WORKER_LOCK_RENEW_TIME: '3000',
	QUEUE_WORKER_STALLED_INTERVAL: '5000',
	EXECUTIONS_DATA_PRUNE: 'false',
};
/** Lock expiry plus stall checks, with room: by then n8n has dealt with a killed worker's jobs. */
const SETTLE_TIMEOUT_MS = 60_000;
const FINAL = ['success', 'error', 'crashed', 'canceled'];

describe.each(selectedReleases().map((release) => [release.version, release] as const))(
	'n8n %s in queue mode (main, 2 workers, webhook processor, PostgreSQL, Redis)',
	(version, release) => {
		let sandbox: RunningSandbox;
		let topology: QueueTopology | undefined;
		let rest: N8nRest;
		const webhookUrl = (webhookPath: string) => `${topology?.webhook.webhookUrl}/${webhookPath}`;
		const triggerUrl = (workflow: WorkflowFile) =>
			webhookUrl(`${workflow.nodes[0].webhookId}/${triggerWebhookPath()}`);
		/** One webhook-started workflow per resource case, built once the sandbox is seeded. */
		let operationWorkflows: WorkflowFile[] = [];
		const buildOperationWorkflows = () =>
			operationCases.map((resourceCase) =>
				startedByWebhook(
					chainWorkflow(
						`E2E queue ${resourceCase.resource}`,
						resourceCase.steps.map(({ name, operation, resource, parameters }) => ({
							name,
							operation,
							resource: resource ?? resourceCase.resource,
							parameters:
								typeof parameters === 'function' ? parameters(sandbox.sandbox) : parameters,
						})),
					),
					resourcePath(resourceCase),
				),
			);
		const newsletterListId = () => String(sandbox.sandbox.store.mailingLists.rows[0].mailingListId);

		beforeAll(async () => {
			sandbox = await launchSandbox({ seed: 'demo' });
			operationWorkflows = buildOperationWorkflows();
			topology = await QueueTopology.create({ release, label: 'queue', env: QUEUE_ENV });
			await importCredentials(topology.main, [
				sandboxCredential(sandbox.client.account),
				secretCredential,
			]);
			await topology.start([
				...triggerWorkflows,
				faultWorkflow,
				...operationWorkflows,
				bulkImportWorkflow(BULK_PATH, newsletterListId()),
			]);
			// main registered every active webhook before it reported ready; this one proves the
			// webhook processor serves them.
			await topology.webhook.waitForWebhook(
				`${triggerWorkflows[0].nodes[0].webhookId}/${triggerWebhookPath()}`,
			);
			rest = new N8nRest(topology.main.baseUrl);
			await rest.signIn();
		}, 10 * 60_000);

		afterAll(async () => {
			await topology?.dispose();
			await sandbox?.close();
		}, 2 * 60_000);

		/** Which worker ran an execution, from the workers' logs; main and webhook never run one. */
		const ranOn = (executionId: string) => topology?.executionsByWorker().get(executionId);

		test('every process loads the package and logs no error about it', async () => {
			const nodes = await rest.request<Array<{ name: string }>>('GET', '/types/nodes.json');
			for (const node of builtNodes())
				expect(nodes.map((n) => n.name)).toContain(nodeType(node.name));
			for (const { name, instance } of topology?.processes() ?? []) {
				const suspicious = instance
					.log()
					.split('\n')
					.filter(
						(line) =>
							/unrecognized node type/i.test(line) ||
							(/mail-?komplet/i.test(line) &&
								/error|warn|fail|cannot|unrecognized|invalid/i.test(line)),
					);
				expect({ process: name, suspicious }).toEqual({ process: name, suspicious: [] });
			}
		});

		test('the credential test succeeds against the sandbox', async () => {
			await sandbox.client.clearRequests();
			const data = { ...sandbox.client.account };
			const { id } = await rest.createCredential('Mail Komplet (queue)', 'mailKompletApi', data);

			const result = await rest.testCredential(id, 'Mail Komplet (queue)', 'mailKompletApi', data);

			expect(result).toMatchObject({ status: 'OK' });
			expect(await sandbox.client.requests()).toContainEqual(
				expect.objectContaining({
					method: 'GET',
					path: sandbox.client.apiPath('mailingLists'),
					status: 200,
				}),
			);
		});

		test.each(triggerWorkflows.map((w) => [w.nodes[0].typeVersion, w] as const))(
			'the eight events posted to the webhook processor run on the workers (trigger typeVersion %s)',
			async (_typeVersion, workflow) => {
				const sent = new Map<number, Record<string, unknown>>();
				for (const id of EVENT_IDS) {
					const fired = await sandbox.client.fireWebhook(
						`${triggerUrl(workflow)}?token=${SECRET}`,
						id,
					);
					expect({ id, status: fired.status }).toEqual({ id, status: 200 });
					sent.set(id, fired.payload);
				}

				const executions = await waitForExecutions(rest, workflow.id, EVENT_IDS.length);
				expect(executions.map((e) => [e.status, e.mode])).toEqual(
					EVENT_IDS.map(() => ['success', 'webhook']),
				);
				for (const execution of executions) {
					const items = (await getExecution(rest, topology!.main, execution.id)).data.resultData
						.runData[TRIGGER_NODE][0].data?.main[0];
					const item = items?.[0]?.json ?? {};
					expect(items).toHaveLength(1);
					expect(item).toEqual(
						expect.objectContaining(sent.get(item.webhookTypeId as number) ?? {}),
					);
					expect(item.event).toEqual(expect.any(String));
					expect({ execution: execution.id, ranOn: ranOn(execution.id) }).toEqual({
						execution: execution.id,
						ranOn: [expect.stringMatching(/^worker-\d$/)],
					});
				}
			},
		);

		test.each(operationCases.map((c) => [c.resource, c] as const))(
			'resource %s runs its operations on a worker against the sandbox',
			async (_resource, resourceCase) => {
				const workflowId = operationWorkflows[operationCases.indexOf(resourceCase)].id;
				await sandbox.client.reset('demo');

				expect(await postJson(webhookUrl(resourcePath(resourceCase)), {})).toBe(200);

				const [execution] = await waitForExecutions(rest, workflowId, 1);
				const { data } = await getExecution(rest, topology!.main, execution.id);
				const runData = data.resultData.runData;
				for (const step of resourceCase.steps) {
					const error = runData[step.name]?.[0]?.error;
					expect({ step: step.name, ran: step.name in runData, error: error?.message }).toEqual({
						step: step.name,
						ran: true,
						error: undefined,
					});
					step.output?.((runData[step.name][0].data?.main[0] ?? []).map((item) => item.json));
				}
				expect(execution.status).toBe('success');
				expect(ranOn(execution.id)).toEqual([expect.stringMatching(/^worker-\d$/)]);
				await expectCaseRequests(sandbox.client, resourceCase);
			},
		);

		test('a Bulk Import with Wait for Completion runs on a worker until Mail Komplet finished it', async () => {
			await sandbox.client.reset('demo');
			const contacts = [1, 2, 3].map((i) => ({
				email: `fronta.${i}@example.cz`,
				name: `Fronta ${i}`,
			}));

			expect(await postJson(webhookUrl(BULK_PATH), { contacts })).toBe(200);

			const [execution] = await waitForExecutions(rest, bulkImportWorkflow(BULK_PATH, '').id, 1);
			const { data } = await getExecution(rest, topology!.main, execution.id);
			expect(execution.status).toBe('success');
			expect(data.resultData.runData['Bulk Import'][0].data?.main[0]?.map((i) => i.json)).toEqual([
				expect.objectContaining({ status: 'SuccessfulyFinished', contactCount: 3, batch: 1 }),
			]);
			expect(ranOn(execution.id)).toEqual([expect.stringMatching(/^worker-\d$/)]);
			const lines = (await sandbox.client.requests()).map((r) =>
				describeRequest(sandbox.client, r),
			);
			// Queued, Processing, then finished: the node polled until the import was done.
			expect(lines).toEqual([
				'POST /contacts/bulk',
				...lines.slice(1).map(() => 'GET /contacts/getBulkInfo'),
			]);
			expect(lines.length).toBeGreaterThanOrEqual(3);
			const imported = sandbox.sandbox.store.contacts.rows.filter((c) =>
				String(c.email).startsWith('fronta.'),
			);
			expect(imported.map((c) => c.email).sort()).toEqual(contacts.map((c) => c.email));
		});

		test(`a worker killed (SIGKILL) and restarted during ${FAULT_CALLS} webhook calls at concurrency ${FAULT_CONCURRENCY}`, async () => {
			const [victim, survivor] = topology!.workers;
			const url = triggerUrl(faultWorkflow);
			const bodies = Array.from({ length: FAULT_CALLS }, (_, i) =>
				buildWebhookPayload(1, { transactionalEmailId: 700_000 + i }),
			);
			let killed: Promise<{ inFlight: string[]; startedBefore: number }> | undefined;
			let restarted: Promise<void> | undefined;
			const killAt = Math.floor(FAULT_CALLS / 3);
			let killedAfter = 0;
			const started = Date.now();

			// From a third of the calls on, the victim is killed as soon as its log shows it running
			// an execution (at two thirds at the latest), so the kill hits work in flight.
			const answers = await postConcurrently(url, bodies, FAULT_CONCURRENCY, (answered) => {
				if (killed || answered < killAt) return;
				if (!executionsInFlight(victim.log()).length && answered < 2 * killAt) return;
				killedAfter = answered;
				killed = victim.kill().then(() => ({
					inFlight: executionsInFlight(victim.log()),
					startedBefore: startedExecutions(victim.log()).length,
				}));
				restarted = killed.then(() => victim.start());
			});
			const postedMs = Date.now() - started;
			const atKill = await killed!;
			await restarted;

			// Wait until every call's execution has ended one way or another: the killed worker's
			// jobs end once Bull sees them stalled (lock expiry plus a stall check).
			const deadline = Date.now() + SETTLE_TIMEOUT_MS;
			let executions = listAll(topology!, faultWorkflow.id);
			while (executions.some((e) => !FINAL.includes(e.status)) && Date.now() < deadline) {
				await sleep(1000);
				executions = listAll(topology!, faultWorkflow.id);
			}

			const byStatus: Record<string, string[]> = {};
			for (const e of executions) (byStatus[e.status] ??= []).push(e.id);
			const payloadIds: number[] = [];
			/** Executions whose record no longer holds the event (n8n 2.x replaces a failed job's data with the error). */
			const withoutEvent: string[] = [];
			const executionsOfPayload = new Map<number, string[]>();
			const errors = new Map<string, string | undefined>();
			for (const e of executions) {
				const { data } = await getExecution(rest, topology!.main, e.id);
				const items = data.resultData.runData[TRIGGER_NODE]?.[0]?.data?.main[0] ?? [];
				// A run cut off by the kill has no output; its input is still in the queued data.
				const input = data.executionData?.nodeExecutionStack?.[0]?.data?.main[0] ?? [];
				// A crashed execution may keep an item without the event (1.x): it holds no event either.
				const ids = (items.length ? items : input)
					.map((item) => Number(item.json.transactionalEmailId))
					.filter(Number.isFinite);
				if (!ids.length) withoutEvent.push(e.id);
				for (const payloadId of ids) {
					payloadIds.push(payloadId);
					executionsOfPayload.set(payloadId, [...(executionsOfPayload.get(payloadId) ?? []), e.id]);
				}
				if (e.status !== 'success') errors.set(e.id, data.resultData.error?.message);
			}
			const recorded = new Set(payloadIds);
			const lostEvents = bodies
				.map((body) => body.transactionalEmailId as number)
				.filter((id) => !recorded.has(id));
			const ranBy = topology!.executionsByWorker();
			const notSuccessful = executions.filter((e) => e.status !== 'success').map((e) => e.id);
			const report = {
				n8n: version,
				calls: FAULT_CALLS,
				concurrency: FAULT_CONCURRENCY,
				postedInMs: postedMs,
				answers: countBy(answers.map((a) => String(a.status))),
				killedAfterAnswers: killedAfter,
				victimStartedBeforeKill: atKill.startedBefore,
				inFlightOnVictimAtKill: atKill.inFlight,
				executions: executions.length,
				executionsByStatus: Object.fromEntries(
					Object.entries(byStatus).map(([status, ids]) => [status, ids.length]),
				),
				notSuccessful: notSuccessful.map((id) => ({
					id,
					status: executions.find((e) => e.id === id)?.status,
					error: errors.get(id),
					startedOn: ranBy.get(id) ?? 'no worker logged it',
				})),
				lostEvents,
				executionsWithoutEvent: withoutEvent,
				eventsInSeveralExecutions: [...executionsOfPayload]
					.filter(([, ids]) => ids.length > 1)
					.map(([event, ids]) => ({
						event,
						executions: ids.map((id) => ({
							id,
							status: executions.find((e) => e.id === id)?.status,
							ranOn: ranBy.get(id),
						})),
					})),
				rerunOnAnotherWorker: [...ranBy]
					.filter(([, workers]) => workers.length > 1)
					.map(([id, workers]) => ({ id, workers })),
				executionsRunBy: countBy([...ranBy.values()].flat()),
				victimRanAfterRestart: startedExecutions(victim.log()).length - atKill.startedBefore,
				survivorRan: startedExecutions(survivor.log()).length,
			};
			fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
			fs.writeFileSync(
				path.join(ARTIFACTS_DIR, `queue-fault-${version}.json`),
				JSON.stringify(report, null, 2),
			);
			console.log(`Queue fault report, n8n ${version}:\n${JSON.stringify(report, null, 2)}`);

			// The webhook processor was not touched: every call is answered 2xx, none 5xx.
			expect(report.answers).toEqual({ '200': FAULT_CALLS });
			// One execution per call, no event in two executions.
			expect(executions).toHaveLength(FAULT_CALLS);
			expect(report.eventsInSeveralExecutions).toEqual([]);
			// Every event is in its execution, except those of executions the killed worker held
			// whose record n8n emptied (2.x); each such execution accounts for one lost event.
			expect(lostEvents.length).toBe(withoutEvent.length);
			expect(withoutEvent.filter((id) => !notSuccessful.includes(id))).toEqual([]);
			// Outcomes are judged from what n8n stored, not from the workers' logs: a SIGKILL can cut
			// a "finished" line of an execution that did finish (and was stored as successful).
			// Every execution ended: the killed worker's jobs end once Bull sees them stalled.
			const stored = new Map(executions.map((e) => [e.id, e.status]));
			expect(executions.filter((e) => !FINAL.includes(e.status))).toEqual([]);
			// Each execution the victim was running when it was killed ended too: it finished and
			// was stored as successful, or n8n stored it as failed or crashed.
			expect(
				atKill.inFlight
					.map((id) => ({ id, status: stored.get(id) }))
					.filter(({ status }) => !['success', 'error', 'crashed'].includes(String(status))),
			).toEqual([]);
			// What did not succeed is what the killed worker held (some taken from the queue a
			// moment before the kill, before it logged them): at most one worker's concurrency (10),
			// each failed or crashed, none canceled. (n8n 1.x may hand a job it already marked
			// crashed to the surviving worker, so who started it is not checked.)
			expect(notSuccessful.length).toBeLessThanOrEqual(10);
			expect(
				executions.filter(
					(e) => e.status !== 'success' && !['error', 'crashed'].includes(e.status),
				),
			).toEqual([]);
		});
	},
);

/**
 * Every execution of a workflow, as n8n's database holds them. Not through the REST list: it
 * pages by 100, and n8n 2.41 pages by the last row's ID while ordering by start time, so
 * executions that started out of ID order (16 calls at once) fall between its pages.
 */
function listAll(topology: QueueTopology, workflowId: string): ExecutionSummary[] {
	const rows = topology.postgres.query(
		`SELECT id, status, mode FROM execution_entity WHERE "workflowId" = '${workflowId.replace(/'/g, "''")}' ORDER BY id`,
	);
	return rows.map(([id, status, mode]) => ({ id, status, mode, workflowId }));
}

function countBy(values: string[]): Record<string, number> {
	const counts: Record<string, number> = {};
	for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
	return counts;
}
