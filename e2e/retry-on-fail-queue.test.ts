/**
 * The Retry On Fail scenario of retry-on-fail.test.ts in n8n's queue mode (PostgreSQL, Redis,
 * main, 2 workers, webhook processor; see queue.test.ts): the worker that runs the execution
 * also runs n8n's retry of the node, so the node's memory of its writes holds there too.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';

import { importCredentials } from '../scripts/n8n/cli';
import { QueueTopology } from '../scripts/n8n/queue/topology';
import { N8nRest } from '../scripts/n8n/rest';
import { launchSandbox, sandboxCredential, type RunningSandbox } from '../scripts/n8n/sandbox';
import { selectedReleases } from '../scripts/n8n/versions';
import { getExecution, waitForExecutions } from './support/executions';
import { postJson, startedByWebhook } from './support/queue';
import { address, posted, range, retrySendWorkflow, SEND, stored } from './support/retryOnFail';

const PATH = 'mk-queue-retry-on-fail';

describe.each(selectedReleases().map((release) => [release.version, release] as const))(
	'n8n %s in queue mode (main, 2 workers, webhook processor, PostgreSQL, Redis)',
	(_version, release) => {
		let sandbox: RunningSandbox;
		let topology: QueueTopology | undefined;
		let rest: N8nRest;
		const workflow = startedByWebhook(retrySendWorkflow('E2E queue send with Retry On Fail'), PATH);

		beforeAll(async () => {
			sandbox = await launchSandbox({ seed: 'empty' });
			topology = await QueueTopology.create({ release, label: 'queue-retry-on-fail' });
			await importCredentials(topology.main, [sandboxCredential(sandbox.client.account)]);
			await topology.start([workflow]);
			rest = new N8nRest(topology.main.baseUrl);
			await rest.signIn();
		}, 10 * 60_000);

		afterAll(async () => {
			await topology?.dispose();
			await sandbox?.close();
		}, 2 * 60_000);

		test('a worker retries the node: items 0-9 sent once, their first answers in the output', async () => {
			await sandbox.client.reset('empty');
			sandbox.sandbox.inject({ kind: 'refuse', recipient: address(10) });

			expect(await postJson(`${topology!.webhook.webhookUrl}/${PATH}`, {})).toBe(200);
			const [execution] = await waitForExecutions(rest, workflow.id, 1);
			const { data } = await getExecution(rest, topology!.main, execution.id);

			expect(execution.status).toBe('success');
			expect(topology!.executionsByWorker().get(execution.id)).toHaveLength(1);
			expect(posted(sandbox.sandbox)).toEqual([...range(0, 10), ...range(10, 19)].map(address));
			expect(stored(sandbox.sandbox).map(([to]) => to)).toEqual(range(0, 19).map(address));
			const output = data.resultData.runData[SEND][0].data?.main[0] ?? [];
			expect(output.map((item) => [item.json.email, item.json.guid])).toEqual(
				stored(sandbox.sandbox),
			);
		});
	},
);
