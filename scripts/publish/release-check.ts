/**
 * What only a release can get wrong, checked by the publish workflow before it publishes:
 *
 *   node .build/scripts/publish/release-check.js   (reads GITHUB_REPOSITORY and GITHUB_REF_NAME)
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { REPO_ROOT } from '../n8n/paths';

export interface Manifest {
	name: string;
	version: string;
	repository?: { type?: string; url?: string; directory?: string } | string;
	author?: { name?: string; email?: string } | string;
}

export function readManifest(): Manifest {
	return JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as Manifest;
}

const GITHUB_REPOSITORY_URL = /^git\+https:\/\/github\.com\/([\w.-]+)\/([\w.-]+?)\.git$/;

/**
 * `owner/name` of the GitHub repository package.json's `repository.url` names. That URL is the
 * one place a fork changes: npm checks it against the repository that publishes, n8n's scanner
 * fetches the source from there, and `bugs` and `homepage` follow from it.
 */
export function githubRepository(manifest: Manifest): string {
	const url = typeof manifest.repository === 'object' ? manifest.repository.url : undefined;
	const match = GITHUB_REPOSITORY_URL.exec(url ?? '');
	if (!match)
		throw new Error(
			`package.json repository.url must be git+https://github.com/<owner>/<name>.git, not ${url}`,
		);
	return `${match[1]}/${match[2]}`;
}

export interface ReleaseContext {
	/** `owner/name` of the repository the workflow runs in (GITHUB_REPOSITORY). */
	repository: string;
	/** The pushed tag (GITHUB_REF_NAME). */
	tag: string;
}

/** Why this checkout must not be published from this context; empty when it may. */
export function releaseProblems(manifest: Manifest, context: ReleaseContext): string[] {
	const problems: string[] = [];
	if (context.tag !== manifest.version && context.tag !== `v${manifest.version}`)
		problems.push(
			`tag ${context.tag} does not name version ${manifest.version} of package.json (tag ${manifest.version} or v${manifest.version})`,
		);
	let named: string | undefined;
	try {
		named = githubRepository(manifest);
	} catch (error) {
		problems.push((error as Error).message);
	}
	if (named && named.toLowerCase() !== context.repository.toLowerCase())
		problems.push(
			`package.json repository.url names ${named}, but this is ${context.repository}: npm refuses the provenance statement (see docs/publishing.md)`,
		);
	const email = typeof manifest.author === 'object' ? manifest.author.email : undefined;
	if (!email || email.endsWith('.invalid'))
		problems.push(`package.json author.email is a placeholder (${email}): set the maintainer's`);
	return problems;
}

if (require.main === module) {
	const manifest = readManifest();
	const problems = releaseProblems(manifest, {
		repository: process.env.GITHUB_REPOSITORY ?? '',
		tag: process.env.GITHUB_REF_NAME ?? '',
	});
	for (const problem of problems) console.error(`Not releasing: ${problem}`);
	if (problems.length) process.exit(1);
	console.log(`Releasing ${manifest.name}@${manifest.version} from ${githubRepository(manifest)}`);
}
