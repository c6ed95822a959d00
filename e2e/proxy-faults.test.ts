/**
 * In real n8n, against a Mail Komplet behind a proxy that answers 15% of the upsert POSTs with a
 * 200 web page or a 302 to one: nothing is reported written that was not. With retries every
 * contact is stored once; with one try each contact not written is an error item saying so.
 */
import { PROXY_FAULTS } from '../sandbox';
import {
	executeWorkflow,
	importCredentials,
	importWorkflows,
	nodeError,
	nodeOutput,
	succeeded,
} from '../scripts/n8n/cli';
import type { WorkflowFile } from '../scripts/n8n/cli';
import { sandboxCredential } from '../scripts/n8n/sandbox';
import { selectedReleases } from '../scripts/n8n/versions';
import { useEnvironment } from './support/lifecycle';
import { UPSERT_NODE as UPSERT, upsertWorkflow } from './support/workflows';

const COUNT = 200;
const emails = Array.from({ length: COUNT }, (_, n) => `proxied${n}@example.cz`);

/** 200 sign-ups upserted with this many tries, On Error > Continue. */
const behindProxy = (maxTries: number) =>
	upsertWorkflow(
		`E2E upsert behind a proxy, ${maxTries} tries`,
		emails,
		{ maxTries, retryDelayMs: 1 },
		{
			onError: 'continueRegularOutput',
		},
	);

describe.each(selectedReleases().map((release) => [release.version, release] as const))(
	'n8n %s',
	(_version, release) => {
		const env = useEnvironment({ release, label: 'proxy-faults' });
		const retried = behindProxy(5);
		const once = behindProxy(1);

		beforeAll(async () => {
			const { n8n, sandbox } = env();
			await importCredentials(n8n, [sandboxCredential(sandbox.client.account)]);
			await importWorkflows(n8n, [retried, once]);
		});

		async function runBehindProxy(workflow: WorkflowFile) {
			const { n8n, sandbox } = env();
			await sandbox.client.reset('empty');
			sandbox.sandbox.chaos({
				seed: `e2e-proxy-${release.version}`,
				rate: 0.15,
				faults: PROXY_FAULTS,
				method: 'POST',
			});
			const execution = await executeWorkflow(n8n, workflow.id);
			expect(nodeError(execution.run, UPSERT)).toBeUndefined();
			expect(succeeded(execution)).toEqual({ status: 'success', finished: true });
			const output = nodeOutput(execution.run, UPSERT);
			expect(output).toHaveLength(COUNT);
			const struck = sandbox.sandbox.requests.filter((r) => r.fault);
			expect(struck.length).toBeGreaterThan(COUNT / 10);
			const stored = (email: string) =>
				sandbox.sandbox.store.contacts.rows.filter((c) => c.email === email).length;
			return { output, stored, store: sandbox.sandbox.store };
		}

		test('with retries, every contact is stored exactly once and none is an error', async () => {
			const { output, stored, store } = await runBehindProxy(retried);

			expect(output.filter((item) => item.error !== undefined)).toEqual([]);
			expect(output.map((item) => item.email)).toEqual(emails);
			for (const email of emails) expect(stored(email)).toBe(1);
			expect(store.contacts.size).toBe(COUNT);
		});

		test('with one try, each contact is stored or an error item saying it was not done', async () => {
			const { output, stored, store } = await runBehindProxy(once);

			const failed = output.flatMap((item, index) => (item.error === undefined ? [] : [index]));
			expect(failed.length).toBeGreaterThan(COUNT / 10);
			emails.forEach((email, index) => {
				if (failed.includes(index)) {
					expect(output[index].error).toMatch(/^POST \/contacts was not done: /);
					expect(stored(email)).toBe(0);
				} else {
					expect(output[index].email).toBe(email);
					expect(stored(email)).toBe(1);
				}
			});
			expect(store.contacts.size).toBe(COUNT - failed.length);
		});
	},
);
