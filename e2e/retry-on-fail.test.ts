/**
 * In real n8n, n8n's own Retry On Fail (node settings, 2 tries) on a Transactional Email > Send
 * over 20 items, the API refusing item 10: the retry sends no e-mail the first try sent and
 * returns their first answers; a later execution sends again.
 */
import {
	executeWorkflow,
	importCredentials,
	importWorkflows,
	nodeError,
	nodeOutput,
	succeeded,
} from '../scripts/n8n/cli';
import { sandboxCredential } from '../scripts/n8n/sandbox';
import { selectedReleases } from '../scripts/n8n/versions';
import { useEnvironment } from './support/lifecycle';
import {
	address,
	COUNT,
	posted,
	range,
	retrySendWorkflow,
	SEND,
	stored,
} from './support/retryOnFail';

describe.each(selectedReleases().map((release) => [release.version, release] as const))(
	'n8n %s',
	(_version, release) => {
		const env = useEnvironment({ release, label: 'retry-on-fail' });
		const workflow = retrySendWorkflow('E2E send with Retry On Fail');

		beforeAll(async () => {
			const { n8n, sandbox } = env();
			await importCredentials(n8n, [sandboxCredential(sandbox.client.account)]);
			await importWorkflows(n8n, [workflow]);
		});

		test('the retry sends items 10-19 only and returns the first answers of items 0-9', async () => {
			const { n8n, sandbox } = env();
			await sandbox.client.reset('empty');
			sandbox.sandbox.inject({ kind: 'refuse', recipient: address(10) });

			const execution = await executeWorkflow(n8n, workflow.id);

			expect(nodeError(execution.run, SEND)).toBeUndefined();
			expect(succeeded(execution)).toEqual({ status: 'success', finished: true });
			expect(posted(sandbox.sandbox)).toEqual([...range(0, 10), ...range(10, 19)].map(address));
			// One e-mail per recipient, and the node's output is exactly what Mail Komplet holds.
			expect(stored(sandbox.sandbox).map(([to]) => to)).toEqual(range(0, 19).map(address));
			expect(nodeOutput(execution.run, SEND).map((item) => [item.email, item.guid])).toEqual(
				stored(sandbox.sandbox),
			);
		});

		test('when every try is refused, items 0-9 are still sent once and the node fails', async () => {
			const { n8n, sandbox } = env();
			await sandbox.client.reset('empty');
			sandbox.sandbox.inject({ kind: 'refuse', recipient: address(10), times: 2 });

			const execution = await executeWorkflow(n8n, workflow.id);

			expect(nodeError(execution.run, SEND)).toMatch(
				`Mail Komplet rejected the request: The recipient ${address(10)} was refused.`,
			);
			expect(posted(sandbox.sandbox)).toEqual([...range(0, 10), 10].map(address));
			expect(stored(sandbox.sandbox).map(([to]) => to)).toEqual(range(0, 9).map(address));
		});

		test('a later execution sends every item again', async () => {
			const { n8n, sandbox } = env();
			await sandbox.client.reset('empty');

			await executeWorkflow(n8n, workflow.id);
			const second = await executeWorkflow(n8n, workflow.id);

			expect(succeeded(second)).toEqual({ status: 'success', finished: true });
			expect(posted(sandbox.sandbox)).toEqual([...range(0, 19), ...range(0, 19)].map(address));
			expect(stored(sandbox.sandbox)).toHaveLength(2 * COUNT);
		});
	},
);
