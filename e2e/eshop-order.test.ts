/**
 * The e-shop example (examples/eshop-order-to-mail-komplet.json) in real n8n: its WooCommerce
 * Trigger's output is pinned in the example itself, so the editor's "Execute workflow" (a manual
 * run from that trigger, here through the REST API the editor uses) needs no shop. The sandbox
 * then holds the customer on the list and the order with its line items.
 */
import { importCredentials, importWorkflows, type WorkflowFile } from '../scripts/n8n/cli';
import {
	demoSandboxIds,
	exampleCredentials,
	loadExamples,
	withSandboxIds,
} from '../scripts/n8n/examples';
import { N8nRest } from '../scripts/n8n/rest';
import { selectedReleases } from '../scripts/n8n/versions';
import { getExecution, waitForExecutions } from './support/executions';
import { useEnvironment } from './support/lifecycle';

const TRIGGER = 'WooCommerce Trigger';
const example = loadExamples().find((workflow) => workflow.id === 'mkExEshopOrder01')!;
const [pinned] = (
	example.pinData as Record<string, Array<{ json: { billing: { email: string } } }>>
)[TRIGGER];

describe.each(selectedReleases().map((release) => [release.version, release] as const))(
	'n8n %s',
	(_version, release) => {
		const env = useEnvironment({ release, label: 'eshop' });

		test('a pinned WooCommerce order puts the customer on the list and sends the order', async () => {
			const { n8n, sandbox } = env();
			await importCredentials(n8n, exampleCredentials(sandbox.client.account));
			const ids = demoSandboxIds(sandbox);
			await importWorkflows(n8n, [withSandboxIds(example, ids)]);
			await n8n.start();
			const rest = new N8nRest(n8n.baseUrl);
			await rest.signIn();
			await sandbox.client.reset('demo');

			// What the editor sends: 1.x runs the workflow in the body, 2.x the saved one.
			const workflowData = await rest.request<WorkflowFile>('GET', `/rest/workflows/${example.id}`);
			const started = await rest.request<{ executionId?: string; waitingForWebhook?: boolean }>(
				'POST',
				`/rest/workflows/${example.id}/run`,
				{ workflowData, triggerToStartFrom: { name: TRIGGER } },
			);
			expect(started).toEqual({ executionId: expect.any(String) });
			const [done] = await waitForExecutions(rest, example.id, 1);
			const { data } = await getExecution(rest, n8n, done.id);

			expect(done.status).toBe('success');
			const order = pinned.json;
			const customer = sandbox.sandbox.store.contacts.rows.find(
				(contact) => contact.email === order.billing.email,
			);
			expect(customer).toMatchObject({ name: 'Jane', surname: 'Small' });
			expect(
				sandbox.sandbox.store.membersOf(ids.mailingListId).map((contact) => contact.email),
			).toContain(order.billing.email);
			expect(await sandbox.client.orders()).toEqual([
				{
					recordId: 1,
					received: expect.any(String),
					email: 'jane.small@example.com',
					orderId: 1234,
					created: '2026-05-04T14:32:10',
					finished: null,
					totalPrice: 57.4,
					items: [
						{ name: 'Sourdough loaf', amount: 2, category: null, price: 6.5, productUrl: null },
						{
							name: 'Ground coffee 500 g',
							amount: 2,
							category: null,
							price: 19.75,
							productUrl: null,
						},
					],
				},
			]);
			const posted = (await sandbox.client.requests()).filter((r) =>
				r.path.endsWith('/orders/json'),
			);
			expect(posted.map((r) => [r.status, r.body])).toEqual([
				[
					200,
					[
						{
							email: 'jane.small@example.com',
							orderId: 1234,
							created: '2026-05-04 14:32:10',
							totalPrice: '57.40',
							items: [
								{ name: 'Sourdough loaf', amount: 2, category: null, price: 6.5 },
								{ name: 'Ground coffee 500 g', amount: 2, category: null, price: 19.75 },
							],
						},
					],
				],
			]);
			const output = data.resultData.runData['Send the order'][0].data?.main[0]?.map((i) => i.json);
			expect(output).toEqual([
				{ orderId: 1234, email: 'jane.small@example.com', sent: true, batch: 1, batchCount: 1 },
			]);
		});
	},
);
