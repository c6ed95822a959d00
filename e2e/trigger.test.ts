/**
 * The Mail Komplet Trigger in a running n8n: an active workflow receives all eight webhook
 * events the sandbox sends (as Mail Komplet would), and calls with a wrong secret or a broken
 * body are refused without starting the workflow.
 */
import { buildWebhookPayload } from '../sandbox';
import { activateWorkflow, importCredentials, importWorkflows } from '../scripts/n8n/cli';
import { sleep } from '../scripts/n8n/process';
import { N8nRest } from '../scripts/n8n/rest';
import { selectedReleases } from '../scripts/n8n/versions';
import { getExecution, listExecutions, waitForExecutions } from './support/executions';
import { useEnvironment } from './support/lifecycle';
import { triggerWebhookPath } from '../scripts/n8n/package-contents';
import { TRIGGER_NODE, triggerWorkflow } from './support/workflows';

const SECRET = 'e2e-webhook-secret-7f3a9c1d2b';
const WEBHOOK_ID = '5d8a3c2e-1f4b-4a6e-9c7d-2b1e0f3a4c5d';
const secretCredential = {
	id: 'mkWebhookSecret01',
	name: 'Mail Komplet webhook secret',
	type: 'mailKompletWebhookSecretApi',
	data: { location: 'query', queryParameterName: 'token', secret: SECRET },
};
const workflow = triggerWorkflow(
	'E2E trigger',
	WEBHOOK_ID,
	{ authentication: 'sharedSecret' },
	{ [secretCredential.type]: { id: secretCredential.id, name: secretCredential.name } },
);
const EVENT_IDS = [1, 2, 3, 4, 5, 6, 7, 8];

describe.each(selectedReleases().map((release) => [release.version, release] as const))(
	'n8n %s',
	(_version, release) => {
		const env = useEnvironment({ release, label: 'trigger' });
		let rest: N8nRest;
		let url: string;

		beforeAll(async () => {
			const { n8n } = env();
			await importCredentials(n8n, [secretCredential]);
			await importWorkflows(n8n, [workflow]);
			await activateWorkflow(n8n, workflow.id);
			await n8n.start();
			url = await n8n.waitForWebhook(`${WEBHOOK_ID}/${triggerWebhookPath()}`);
			rest = new N8nRest(n8n.baseUrl);
			await rest.signIn();
		});

		test('each of the eight events starts the workflow with the payload Mail Komplet sent', async () => {
			const { n8n, sandbox } = env();
			const sent = new Map<number, Record<string, unknown>>();
			for (const id of EVENT_IDS) {
				const fired = await sandbox.client.fireWebhook(`${url}?token=${SECRET}`, id);
				expect({ id, status: fired.status }).toEqual({ id, status: 200 });
				sent.set(id, fired.payload);
			}

			const executions = await waitForExecutions(rest, workflow.id, EVENT_IDS.length);
			expect(executions.map((e) => e.status)).toEqual(EVENT_IDS.map(() => 'success'));
			const received = await Promise.all(
				executions.map(async (e) => (await getExecution(rest, n8n, e.id)).data),
			);
			const items = received
				.flatMap((data) => data.resultData.runData[TRIGGER_NODE][0].data?.main[0] ?? [])
				.map((item) => item.json);
			expect(items.map((item) => item.webhookTypeId).sort()).toEqual(EVENT_IDS);
			for (const item of items) {
				expect(item).toEqual(expect.objectContaining(sent.get(item.webhookTypeId as number)));
				expect(item.event).toEqual(expect.any(String));
			}
		});

		test('calls without the secret, with a wrong one or with a broken body start nothing', async () => {
			const before = (await listExecutions(rest, workflow.id)).length;
			const post = async (target: string, body: string) =>
				(
					await fetch(target, {
						method: 'POST',
						headers: { 'content-type': 'application/json' },
						body,
					})
				).status;
			const valid = JSON.stringify(buildWebhookPayload(1));

			expect(await post(url, valid)).toBe(401);
			expect(await post(`${url}?token=wrong-secret`, valid)).toBe(403);
			// Refused with a client error (which one depends on whether n8n's body parser or the node refuses).
			for (const broken of [
				'{"webhookTypeId": 1,',
				'{"hello": "world"}',
				'{"webhookTypeId": 99}',
			]) {
				const status = await post(`${url}?token=${SECRET}`, broken);
				expect({ broken, refused: status >= 400 && status < 500 }).toEqual({
					broken,
					refused: true,
				});
			}

			// Executions start asynchronously; give a wrongly started one time to show up.
			await sleep(3000);
			expect((await listExecutions(rest, workflow.id)).length).toBe(before);
		});
	},
);
