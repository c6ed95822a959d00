/**
 * The GitHub Actions workflows, .ci/run and dependabot.yml parse and do what the README promises. GitHub itself cannot run
 * here: these check the files, not a run.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { parse } from 'yaml';

import { REPO_ROOT } from '../../scripts/n8n/paths';
import { N8N_RELEASES } from '../../scripts/n8n/versions';

interface Step {
	name?: string;
	uses?: string;
	run?: string;
	if?: string;
	with?: Record<string, unknown>;
	env?: Record<string, string>;
}

interface Job {
	needs?: string;
	permissions?: Record<string, string>;
	strategy?: { 'fail-fast'?: boolean; matrix: Record<string, unknown[]> };
	steps: Step[];
}

interface Workflow {
	on: Record<string, unknown>;
	permissions?: Record<string, string>;
	jobs: Record<string, Job>;
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

/** Each step as the action it uses or the command it runs. */
const order = (steps: Step[]) => steps.map((step) => step.uses?.split('@')[0] ?? step.run);

describe('ci.yml', () => {
	const flow = workflow('ci.yml');
	const { test: fast, e2e } = flow.jobs;

	test('runs on pushes to main and on pull requests, so a pull request runs once', () => {
		expect(flow.on).toEqual({ push: { branches: ['main'] }, pull_request: null });
	});

	test('has the fast suite and the end-to-end suite as two jobs, the end-to-end after the fast', () => {
		expect(Object.keys(flow.jobs).sort()).toEqual(['e2e', 'test']);
		expect(e2e.needs).toBe('test');
	});

	test("runs the README's `npm ci && npm test` on Node 24 with the npm cache", () => {
		expect(order(fast.steps)).toEqual([
			'actions/checkout',
			'actions/setup-node',
			'npm ci && npm test',
		]);
		expect(uses(fast.steps, 'actions/setup-node')).toEqual([
			expect.objectContaining({ with: { 'node-version': 24, cache: 'npm' } }),
		]);
	});

	test('runs `npm run test:e2e` once per n8n version, each named by E2E_N8N_VERSIONS', () => {
		expect(e2e.strategy?.matrix.n8n).toEqual(N8N_RELEASES.map((release) => release.version));
		expect(e2e.strategy?.['fail-fast']).toBe(false);
		const [run] = e2e.steps.filter((step) => step.run);
		expect(run).toMatchObject({
			run: 'npm ci && npm run test:e2e',
			env: expect.objectContaining({ E2E_N8N_VERSIONS: '${{ matrix.n8n }}' }),
		});
	});

	test('caches each n8n install in .n8n-cache, keyed on its version and the install recipe', () => {
		const [cache] = uses(e2e.steps, 'actions/cache');
		expect(cache.with).toMatchObject({ path: '.n8n-cache' });
		expect(cache.with?.key).toContain('${{ matrix.n8n }}');
		expect(cache.with?.key).toContain("'scripts/n8n/versions.ts', 'scripts/n8n/install.ts'");
	});

	test('uploads artifacts/ (screenshots, n8n logs) last, when the end-to-end run fails', () => {
		expect(order(e2e.steps)).toEqual([
			'actions/checkout',
			'actions/setup-node',
			'actions/cache',
			'npm ci && npm run test:e2e',
			'actions/upload-artifact',
		]);
		expect(uses(e2e.steps, 'actions/upload-artifact')).toEqual([
			expect.objectContaining({
				if: 'failure()',
				with: expect.objectContaining({ path: 'artifacts/' }),
			}),
		]);
	});
});

describe('.ci/run', () => {
	test('installs from the lock file, then runs the fast suite and the end-to-end suite', () => {
		const script = fs.readFileSync(path.join(REPO_ROOT, '.ci', 'run'), 'utf8');
		const commands = script.split('\n').filter((line) => /^npm /.test(line));
		expect(commands).toEqual(['npm ci', 'npm test', 'npm run test:e2e']);
	});
});

describe('dependabot.yml', () => {
	test('updates the npm dev dependencies and the GitHub actions', () => {
		const text = fs.readFileSync(path.join(REPO_ROOT, '.github', 'dependabot.yml'), 'utf8');
		const config = parse(text) as { updates: { 'package-ecosystem': string }[] };
		expect(config.updates.map((update) => update['package-ecosystem']).sort()).toEqual([
			'github-actions',
			'npm',
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
