/**
 * package.json as n8n's rules and npm's provenance want it, node-cli's release scripts with
 * their guard against publishing by hand, and the checks the publish workflow makes first.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { REPO_ROOT } from '../../scripts/n8n/paths';
import { nodeEnv } from '../../scripts/n8n/runtime';
import {
	githubRepository,
	readManifest,
	releaseProblems,
	type Manifest,
} from '../../scripts/publish/release-check';

const manifest = readManifest() as Manifest & Record<string, unknown>;
const repository = githubRepository(manifest);

describe('package.json', () => {
	test('names one public GitHub repository, whose issues and README are bugs and homepage', () => {
		expect(manifest.repository).toEqual({
			type: 'git',
			url: `git+https://github.com/${repository}.git`,
		});
		expect(manifest.bugs).toEqual({ url: `https://github.com/${repository}/issues` });
		expect(manifest.homepage).toBe(`https://github.com/${repository}#readme`);
	});

	test('has an author with a name and an e-mail, and ships only dist/', () => {
		expect(manifest.author).toEqual({ name: expect.any(String), email: expect.any(String) });
		expect(manifest.files).toEqual(['dist']);
	});

	test('points at no entry file: n8n loads the nodes and credentials it lists under "n8n"', () => {
		expect(manifest).not.toHaveProperty('main');
	});

	test("is eligible for n8n Cloud: strict mode, and node-cli's default eslint.config.mjs unchanged", () => {
		// What `n8n-node cloud-support` and strict `n8n-node lint` compare, whitespace collapsed.
		const collapsed = (file: string) => fs.readFileSync(file, 'utf8').replace(/\s+/g, ' ').trim();
		const template = path.join(
			REPO_ROOT,
			'node_modules/@n8n/node-cli/dist/template/templates/shared/default/eslint.config.mjs',
		);
		expect(manifest.n8n).toMatchObject({ strict: true });
		expect(collapsed(path.join(REPO_ROOT, 'eslint.config.mjs'))).toBe(collapsed(template));
	});

	test('`npm test` compiles every build (dist and the tools), lints, type checks and runs jest; test:e2e runs the real-n8n suite', () => {
		const scripts = manifest.scripts as Record<string, string>;
		const steps = (script: string) => script.split(' && ');
		expect(steps(scripts.test)).toEqual([
			'npm run build',
			'npm run build:tools',
			'npm run lint',
			'npm run typecheck',
			'npm run test:unit',
		]);
		expect(scripts['build:tools']).toBe('tsc -p tsconfig.tools.json');
		expect(steps(scripts['test:e2e'])).toEqual(['npm run build', 'jest -c jest.e2e.config.js']);
	});

	test("has node-cli's release script and its guard against publishing by hand", () => {
		expect(manifest.scripts).toMatchObject({
			release: 'n8n-node release',
			prepublishOnly: 'n8n-node prerelease',
		});
	});
});

describe('the guard against publishing by hand', () => {
	const env = nodeEnv();
	delete env.RELEASE_MODE;

	test('stops npm publish outside `npm run release`', () => {
		const result = spawnSync('npm', ['publish', '--dry-run'], {
			cwd: REPO_ROOT,
			env,
			encoding: 'utf8',
		});
		expect(result.status).not.toBe(0);
		expect(result.stdout).toContain('Run `npm run release` to publish the package');
	});

	test('lets the publish through when n8n-node release runs it (RELEASE_MODE=true)', () => {
		const result = spawnSync('npx', ['n8n-node', 'prerelease'], {
			cwd: REPO_ROOT,
			env: { ...env, RELEASE_MODE: 'true' },
			encoding: 'utf8',
		});
		expect(result.status).toBe(0);
	});
});

describe('the checks before a release', () => {
	const releasable = {
		...manifest,
		version: '1.2.3',
		author: { name: 'Jana Nováková', email: 'jana@example.cz' },
	};

	test('pass for a version tag, with or without v, in the repository package.json names', () => {
		expect(releaseProblems(releasable, { repository, tag: '1.2.3' })).toEqual([]);
		expect(releaseProblems(releasable, { repository, tag: 'v1.2.3' })).toEqual([]);
	});

	test('refuse a tag that is not the version in package.json', () => {
		expect(releaseProblems(releasable, { repository, tag: 'v1.2.4' })).toEqual([
			'tag v1.2.4 does not name version 1.2.3 of package.json (tag 1.2.3 or v1.2.3)',
		]);
	});

	test('refuse a fork that still names the original repository', () => {
		expect(releaseProblems(releasable, { repository: 'someone/fork', tag: '1.2.3' })).toEqual([
			`package.json repository.url names ${repository}, but this is someone/fork: npm refuses the provenance statement (see docs/publishing.md)`,
		]);
	});

	test('refuse a placeholder author e-mail', () => {
		const placeholder = { ...releasable, author: { name: 'x', email: 'maintainers@x.invalid' } };
		expect(releaseProblems(placeholder, { repository, tag: '1.2.3' })).toEqual([
			"package.json author.email is a placeholder (maintainers@x.invalid): set the maintainer's",
		]);
	});
});
