/**
 * In real n8n, n8n's own Retry On Fail (node settings, 2 tries) on a Transactional Email > Send
 * over 20 items, the API refusing item 10: the retry sends no e-mail the first try sent and
 * returns their first answers; a later execution sends again.
 */
import { randomUUID } from 'node:crypto';

import type { INode } from 'n8n-workflow';

import {
	executeWorkflow,
	importCredentials,
	importWorkflows,
	nodeError,
	nodeOutput,
	succeeded,
} from '../scripts/n8n/cli';
import type { WorkflowFile } from '../scripts/n8n/cli';
import { nodeType } from '../scripts/n8n/package-contents';
import { SANDBOX_CREDENTIAL, sandboxCredential } from '../scripts/n8n/sandbox';
import { selectedReleases } from '../scripts/n8n/versions';
import { useEnvironment } from './support/lifecycle';
import { linear, MANUAL_TRIGGER, stableId } from './support/workflows';

const COUNT = 20;
const SEND = 'Send';
const address = (n: number) => `prijemce.${n}@example.cz`;
const range = (from: number, to: number) =>
	Array.from({ length: to - from + 1 }, (_, index) => from + index);

function sendWorkflow(): WorkflowFile {
	const node = (name: string, type: string, parameters: INode['parameters'], x: number): INode => ({
		id: randomUUID(),
		name,
		type,
		typeVersion: type === 'n8n-nodes-base.code' ? 2 : 1,
		position: [x, 0],
		parameters,
	});
	const nodes = [
		node(MANUAL_TRIGGER, 'n8n-nodes-base.manualTrigger', {}, 0),
		node(
			'Recipients',
			'n8n-nodes-base.code',
			{
				jsCode: `return Array.from({ length: ${COUNT} }, (_, i) => ({ json: { email: 'prijemce.' + i + '@example.cz' } }));`,
			},
			220,
		),
		{
			...node(
				SEND,
				nodeType('mailKomplet'),
				{
					resource: 'transactionalEmail',
					operation: 'send',
					fromAddress: 'shop@webkomplet.cz',
					to: '={{ $json.email }}',
					subject: 'Your order',
					bodyText: 'Thank you',
				},
				440,
			),
			retryOnFail: true,
			maxTries: 2,
			waitBetweenTries: 10,
			credentials: { mailKompletApi: { id: SANDBOX_CREDENTIAL.id, name: SANDBOX_CREDENTIAL.name } },
		},
	];
	return {
		id: stableId('workflow/retry-on-fail'),
		name: 'E2E send with Retry On Fail',
		nodes,
		connections: linear(nodes.map((n) => n.name)),
		settings: {},
	};
}

describe.each(selectedReleases().map((release) => [release.version, release] as const))(
	'n8n %s',
	(_version, release) => {
		const env = useEnvironment({ release, label: 'retry-on-fail' });
		const workflow = sendWorkflow();

		beforeAll(async () => {
			const { n8n, sandbox } = env();
			await importCredentials(n8n, [sandboxCredential(sandbox.client.account)]);
			await importWorkflows(n8n, [workflow]);
		});

		/** The recipient of each e-mail POST the sandbox received, in order. */
		const posted = () =>
			env()
				.sandbox.sandbox.requests.filter((r) => r.method === 'POST')
				.map((r) => (r.body as { email: { to: Array<{ address: string }> } }).email.to[0].address);
		/** Mail Komplet's e-mails: the GUID of each, by recipient. */
		const stored = () =>
			env().sandbox.sandbox.store.transactionalEmails.rows.map((e) => [e.toAddress, e.guid]);

		test('the retry sends items 10-19 only and returns the first answers of items 0-9', async () => {
			const { n8n, sandbox } = env();
			await sandbox.client.reset('empty');
			sandbox.sandbox.inject({ kind: 'refuse', recipient: address(10) });

			const execution = await executeWorkflow(n8n, workflow.id);

			expect(nodeError(execution.run, SEND)).toBeUndefined();
			expect(succeeded(execution)).toEqual({ status: 'success', finished: true });
			expect(posted()).toEqual([...range(0, 10), ...range(10, 19)].map(address));
			// One e-mail per recipient, and the node's output is exactly what Mail Komplet holds.
			expect(stored().map(([to]) => to)).toEqual(range(0, 19).map(address));
			expect(nodeOutput(execution.run, SEND).map((item) => [item.email, item.guid])).toEqual(
				stored(),
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
			expect(posted()).toEqual([...range(0, 10), 10].map(address));
			expect(stored().map(([to]) => to)).toEqual(range(0, 9).map(address));
		});

		test('a later execution sends every item again', async () => {
			const { n8n, sandbox } = env();
			await sandbox.client.reset('empty');

			await executeWorkflow(n8n, workflow.id);
			const second = await executeWorkflow(n8n, workflow.id);

			expect(succeeded(second)).toEqual({ status: 'success', finished: true });
			expect(posted()).toEqual([...range(0, 19), ...range(0, 19)].map(address));
			expect(stored()).toHaveLength(2 * COUNT);
		});
	},
);
