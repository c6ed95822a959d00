/**
 * Every resource of the Mail Komplet node, run in real n8n with `n8n execute` against the
 * sandbox: workflows generated from e2e/cases/operations.ts, outputs and received requests checked.
 */
import {
	executeWorkflow,
	importCredentials,
	importWorkflows,
	nodeError,
	nodeOutput,
	succeeded,
	type CliExecution,
} from '../scripts/n8n/cli';
import { sandboxCredential } from '../scripts/n8n/sandbox';
import { selectedReleases } from '../scripts/n8n/versions';
import type { Sandbox } from '../sandbox';
import { operationCases, type ResourceCase } from './cases/operations';
import { useEnvironment } from './support/lifecycle';
import { builtResources } from '../scripts/n8n/package-contents';
import { expectCaseRequests } from './support/requests';
import { chainWorkflow } from './support/workflows';

const workflowFor = (resourceCase: ResourceCase, sandbox: Sandbox) =>
	chainWorkflow(
		`E2E ${resourceCase.resource}`,
		resourceCase.steps.map(({ name, operation, resource, parameters }) => ({
			name,
			operation,
			resource: resource ?? resourceCase.resource,
			parameters: typeof parameters === 'function' ? parameters(sandbox) : parameters,
		})),
	);

describe.each(selectedReleases().map((release) => [release.version, release] as const))(
	'n8n %s',
	(_version, release) => {
		const env = useEnvironment({ release, label: 'operations' });

		beforeAll(async () => {
			const { n8n, sandbox } = env();
			await importCredentials(n8n, [sandboxCredential(sandbox.client.account)]);
			await importWorkflows(
				n8n,
				operationCases.map((c) => workflowFor(c, sandbox.sandbox)),
			);
		});

		test('the cases cover every operation of the built node', () => {
			const covered = new Set(
				operationCases.flatMap((c) =>
					c.steps.map((step) => `${step.resource ?? c.resource}.${step.operation}`),
				),
			);
			const missing = builtResources().flatMap((r) =>
				r.operations.map((o) => `${r.value}.${o.value}`).filter((op) => !covered.has(op)),
			);
			expect(missing).toEqual([]);
		});

		test('the cases cover every resource of the built node, with operations it offers', () => {
			const resources = builtResources();
			expect(operationCases.map((c) => c.resource).sort()).toEqual(
				expect.arrayContaining(resources.map((r) => r.value).sort()),
			);
			const offered = (resource: string) =>
				resources.find((r) => r.value === resource)?.operations.map((o) => o.value) ?? [];
			for (const resourceCase of operationCases) {
				for (const step of resourceCase.steps)
					expect(offered(step.resource ?? resourceCase.resource)).toContain(step.operation);
			}
		});

		test.each(operationCases.map((c) => [c.resource, c] as const))(
			'resource %s runs its operations against the sandbox',
			async (_resource, resourceCase) => {
				const { n8n, sandbox } = env();
				await sandbox.client.reset('demo');

				const execution: CliExecution = await executeWorkflow(
					n8n,
					workflowFor(resourceCase, sandbox.sandbox).id,
				);

				const report = `n8n execute output (tail):\n${execution.output.slice(-2000)}`;
				expect({ parsed: execution.run !== undefined, report }).toEqual({ parsed: true, report });
				const ran = Object.keys(execution.run?.data.resultData.runData ?? {});
				for (const step of resourceCase.steps) {
					expect({
						step: step.name,
						ran: ran.includes(step.name),
						error: nodeError(execution.run, step.name),
					}).toEqual({
						step: step.name,
						ran: true,
						error: undefined,
					});
					step.output?.(nodeOutput(execution.run, step.name));
				}
				await expectCaseRequests(sandbox.client, resourceCase);
				expect(succeeded(execution)).toEqual({ status: 'success', finished: true });
			},
		);

		test('Authentication: Login signs in once, keeps the session for later executions, and signs in again once it expired', async () => {
			const { n8n, sandbox } = env();
			const login = { id: 'mkSandboxLogin', name: 'Mail Komplet login (sandbox)' };
			await importCredentials(n8n, [
				{
					...login,
					type: 'mailKompletLoginApi',
					data: { ...sandbox.sandbox.login, baseUrl: sandbox.client.account.baseUrl },
				},
			]);
			const workflow = chainWorkflow('E2E login', [
				{
					name: 'List mailing lists',
					resource: 'mailingList',
					operation: 'getAll',
					parameters: { authentication: 'login', returnAll: true },
				},
			]);
			workflow.nodes[1].credentials = { mailKompletLoginApi: login };
			await importWorkflows(n8n, [workflow]);
			await sandbox.client.reset('demo');

			const runs: CliExecution[] = [];
			runs.push(await executeWorkflow(n8n, workflow.id));
			runs.push(await executeWorkflow(n8n, workflow.id));
			sandbox.sandbox.expireSessions();
			runs.push(await executeWorkflow(n8n, workflow.id));

			for (const run of runs) {
				expect(nodeError(run.run, 'List mailing lists')).toBeUndefined();
				expect(nodeOutput(run.run, 'List mailing lists').length).toBeGreaterThan(0);
			}
			const list = `GET ${sandbox.client.apiPath('mailingLists')}`;
			const signIn = 'POST /api/authentication/signIn';
			expect(
				(await sandbox.client.requests()).map((r) => `${r.method} ${r.path} ${r.status}`),
			).toEqual([
				`${signIn} 200`,
				`${list} 200`,
				`${list} 200`,
				`${list} 403`,
				`${signIn} 200`,
				`${list} 200`,
			]);
			for (const run of runs) expect(run.output).not.toContain('sandbox-password');
		});
	},
);
