/**
 * The example workflows of examples/ (the ones `npm run demo` imports) work in real n8n:
 * the manual ones run cleanly with `n8n execute`, and the bounce example reacts to the
 * sandbox's webhook calls.
 */
import {
	activateWorkflow,
	executeWorkflow,
	importCredentials,
	importWorkflows,
	nodeError,
	succeeded,
} from '../scripts/n8n/cli';
import {
	DEMO_WEBHOOK_SECRET,
	demoSandboxIds,
	exampleCredentials,
	isManual,
	loadExamples,
	triggerEndpoints,
	withSandboxIds,
} from '../scripts/n8n/examples';
import { triggerWebhookPath } from '../scripts/n8n/package-contents';
import { N8nRest } from '../scripts/n8n/rest';
import { selectedReleases } from '../scripts/n8n/versions';
import { waitForExecutions } from './support/executions';
import { useEnvironment } from './support/lifecycle';
import { describeRequest } from './support/requests';

const examples = loadExamples();
const HARD_BOUNCE = 5;
const SOFT_BOUNCE = 4;

describe.each(selectedReleases().map((release) => [release.version, release] as const))(
	'n8n %s',
	(_version, release) => {
		const env = useEnvironment({ release, label: 'examples' });

		beforeAll(async () => {
			const { n8n, sandbox } = env();
			await importCredentials(n8n, exampleCredentials(sandbox.client.account));
			// As shipped, the examples name no credential or list: the sandbox's are filled in.
			const ids = demoSandboxIds(sandbox);
			await importWorkflows(
				n8n,
				examples.map((workflow) => withSandboxIds(workflow, ids)),
			);
		});

		test.each(examples.filter(isManual).map((w) => [w.name, w] as const))(
			'"%s" runs against the sandbox',
			async (_name, workflow) => {
				const { n8n, sandbox } = env();
				await sandbox.client.reset('demo');

				const execution = await executeWorkflow(n8n, workflow.id);

				const errors = workflow.nodes
					.map((node) => nodeError(execution.run, node.name))
					.filter(Boolean);
				expect({ errors, ...succeeded(execution) }).toEqual({
					errors: [],
					status: 'success',
					finished: true,
				});
				const requests = await sandbox.client.requests();
				expect(requests.length).toBeGreaterThan(0);
				expect(
					requests
						.filter((r) => (r.status ?? 0) >= 400)
						.map((r) => describeRequest(sandbox.client, r)),
				).toEqual([]);
			},
		);

		test('the bounce example puts hard-bounced addresses on the exclude list', async () => {
			const { n8n, sandbox } = env();
			const [trigger] = triggerEndpoints(examples, triggerWebhookPath());
			await activateWorkflow(n8n, trigger.workflow.id);
			await n8n.start();
			const url = `${await n8n.waitForWebhook(trigger.path)}?token=${DEMO_WEBHOOK_SECRET}`;
			const rest = new N8nRest(n8n.baseUrl);
			await rest.signIn();
			await sandbox.client.reset('demo');

			const hard = await sandbox.client.fireWebhook(url, HARD_BOUNCE);
			const soft = await sandbox.client.fireWebhook(url, SOFT_BOUNCE);

			expect([hard.status, soft.status]).toEqual([200, 200]);
			const executions = await waitForExecutions(rest, trigger.workflow.id, 2);
			expect(executions.map((e) => e.status)).toEqual(['success', 'success']);
			const writes = (await sandbox.client.requests()).filter((r) => r.method !== 'GET');
			expect(
				writes.map((r) => [
					describeRequest(sandbox.client, r),
					r.status,
					(r.body as { email?: string }).email,
				]),
			).toEqual([['POST /excludeLists', 200, hard.payload.recipient]]);
		});
	},
);
