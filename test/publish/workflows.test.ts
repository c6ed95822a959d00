/**
 * The GitHub Actions workflows parse and do what the README promises. GitHub itself cannot run
 * here: these check the files, not a run.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { parse } from 'yaml';

import { REPO_ROOT } from '../../scripts/n8n/paths';

interface Step {
	name?: string;
	uses?: string;
	run?: string;
	if?: string;
	with?: Record<string, unknown>;
	env?: Record<string, string>;
}

interface Workflow {
	on: Record<string, unknown>;
	permissions?: Record<string, string>;
	jobs: Record<string, { permissions?: Record<string, string>; steps: Step[] }>;
}

function workflow(file: string): Workflow {
	const text = fs.readFileSync(path.join(REPO_ROOT, '.github', 'workflows', file), 'utf8');
	return parse(text, { prettyErrors: true }) as Workflow;
}

/** The steps of a workflow's only job. */
function stepsOf(flow: Workflow): Step[] {
	const jobs = Object.values(flow.jobs);
	expect(jobs).toHaveLength(1);
	return jobs[0].steps;
}

const uses = (steps: Step[], action: string) =>
	steps.filter((step) => step.uses?.startsWith(`${action}@`));

describe('ci.yml', () => {
	const flow = workflow('ci.yml');
	const steps = stepsOf(flow);

	test('runs on pushes and pull requests', () => {
		expect(Object.keys(flow.on).sort()).toEqual(['pull_request', 'push']);
	});

	test("runs the README's `npm install && npm test` on Node 24 with the npm cache", () => {
		expect(uses(steps, 'actions/setup-node')).toEqual([
			expect.objectContaining({ with: { 'node-version': 24, cache: 'npm' } }),
		]);
		expect(steps.filter((step) => step.run)).toEqual([
			expect.objectContaining({ run: 'npm install && npm test' }),
		]);
	});

	test('caches the n8n installs in .n8n-cache, keyed on the n8n versions', () => {
		const [cache] = uses(steps, 'actions/cache');
		expect(cache.with).toMatchObject({ path: '.n8n-cache' });
		expect(cache.with?.key).toContain("'scripts/n8n/versions.ts'");
		expect(cache.with?.key).toMatch(/hashFiles\(/);
	});

	test('uploads artifacts/ (screenshots, n8n logs) when the run fails', () => {
		expect(uses(steps, 'actions/upload-artifact')).toEqual([
			expect.objectContaining({
				if: 'failure()',
				with: expect.objectContaining({ path: 'artifacts/' }),
			}),
		]);
	});

	test('comes after checkout and setup, with the upload last', () => {
		const order = steps.map((step) => step.uses?.split('@')[0] ?? step.run);
		expect(order).toEqual([
			'actions/checkout',
			'actions/setup-node',
			'actions/cache',
			'npm install && npm test',
			'actions/upload-artifact',
		]);
	});
});

describe('publish.yml', () => {
	const flow = workflow('publish.yml');
	const steps = stepsOf(flow);
	const job = Object.values(flow.jobs)[0];

	test('runs on version tags only', () => {
		expect(flow.on).toEqual({ push: { tags: ['*.*.*'] } });
	});

	test('may mint the OIDC token npm needs for provenance, and only read the repository', () => {
		expect(job.permissions).toEqual({ 'id-token': 'write', contents: 'read' });
	});

	test("sets up Node 24 without registry-url, as n8n's template (no token line in .npmrc)", () => {
		const [setup] = uses(steps, 'actions/setup-node');
		expect(setup.with).toMatchObject({ 'node-version': 24 });
		expect(setup.with).not.toHaveProperty('registry-url');
	});

	test('checks the tag and scans the package before publishing through `npm run release`', () => {
		const runs = steps.filter((step) => step.run).map((step) => step.run?.trim());
		expect(runs).toEqual([
			'npm ci',
			'npm run build:tools && node .build/scripts/publish/release-check.js',
			'npm run build && npm run test:publish',
			expect.stringMatching(/\nnpm run release$/),
		]);
	});
});
