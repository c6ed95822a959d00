/**
 * In real n8n, against a sandbox where a fifth of the requests meet a fault (retryable statuses,
 * connections dropped before and after the write, answers cut short or too slow): a Create or
 * Update workflow over 200 items ends with every contact present exactly once and no error.
 */
import { CHAOS_FAULTS } from '../sandbox';
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
import { UPSERT_NODE as UPSERT, upsertWorkflow } from './support/workflows';

const COUNT = 200;

describe.each(selectedReleases().map((release) => [release.version, release] as const))(
	'n8n %s',
	(_version, release) => {
		const env = useEnvironment({ release, label: 'faults' });
		const workflow = upsertWorkflow(
			'E2E upsert under faults',
			Array.from({ length: COUNT }, (_, i) => `faulty${i}@example.cz`),
			{ maxTries: 10, retryDelayMs: 1, timeoutMs: 1000 },
		);

		beforeAll(async () => {
			const { n8n, sandbox } = env();
			await importCredentials(n8n, [sandboxCredential(sandbox.client.account)]);
			await importWorkflows(n8n, [workflow]);
		});

		test('an upsert workflow against a faulty Mail Komplet leaves every contact exactly once', async () => {
			const { n8n, sandbox } = env();
			await sandbox.client.reset('empty');
			sandbox.sandbox.chaos({
				seed: `e2e-${release.version}`,
				rate: 0.2,
				faults: [...CHAOS_FAULTS, { kind: 'slow', delayMs: 1500 }],
			});

			const execution = await executeWorkflow(n8n, workflow.id);

			expect(nodeError(execution.run, UPSERT)).toBeUndefined();
			expect(succeeded(execution)).toEqual({ status: 'success', finished: true });
			const output = nodeOutput(execution.run, UPSERT);
			expect(output.filter((item) => item.error !== undefined)).toEqual([]);
			expect(output).toHaveLength(COUNT);
			const emails = sandbox.sandbox.store.contacts.rows.map((c) => c.email);
			expect(emails).toHaveLength(COUNT);
			expect(new Set(emails).size).toBe(COUNT);
			const struck = sandbox.sandbox.requests.filter((r) => r.fault);
			expect(struck.length).toBeGreaterThan(COUNT / 10);
			expect(struck.some((r) => r.fault?.endsWith('after the write'))).toBe(true);
		});
	},
);
