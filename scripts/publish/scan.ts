/**
 * n8n's community package scan, run offline.
 *
 * `@n8n/scan-community-package` is what n8n runs on a published package: it checks the npm
 * provenance, then lints with its own ESLint config (inline `eslint-disable` comments off) two
 * things: the tarball (compiled `.js` and package.json) and the GitHub source the provenance
 * attests (package.json, nodes/, credentials/). It downloads both; here the tarball comes from
 * `npm pack` and the source is this checkout. The provenance check needs a published version,
 * so only the registry can make it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

import { ownedTempDir, removeOwnedDir, run } from '../n8n/process';
import { nodeEnv } from '../n8n/runtime';

export interface ScanResult {
	passed: boolean;
	message?: string;
	/** ESLint's stylish report of the violations. */
	details?: string;
}

/** Which of the scanner's two lint passes to run on a folder. */
export type ScanLeg = 'tarball' | 'source';

export interface ScanTarget {
	dir: string;
	leg: ScanLeg;
}

/** The scanner's tarball pass lints these (a literal in its analyzePackageByName). */
const TARBALL_PATTERNS = ['**/*.js', 'package.json'];

const SCANNER = pathToFileURL(
	require.resolve('@n8n/scan-community-package/scanner/scanner.mjs'),
).href;

// The scanner is an ES module; this project's tooling is CommonJS, and jest cannot load ES
// modules without flags. So it runs in a child Node with the scanner's own analyzePackage,
// and the source pass with its own file patterns, so an upgrade of the scanner applies as is.
const CHILD = `
const { analyzePackage, SOURCE_FILE_PATTERNS } = await import(process.argv[1]);
const results = [];
for (const { dir, patterns } of JSON.parse(process.argv[2])) {
	const { passed, message, details } = await analyzePackage(dir, patterns ?? SOURCE_FILE_PATTERNS);
	results.push({ passed, message, details });
}
process.stdout.write('\\n' + JSON.stringify(results));
`;

/** Scans each folder as n8n's scanner would; one child process for all of them. */
export async function scan(targets: ScanTarget[]): Promise<ScanResult[]> {
	const jobs = targets.map(({ dir, leg }) => ({
		dir,
		patterns: leg === 'tarball' ? TARBALL_PATTERNS : undefined,
	}));
	// The scanner makes a temporary folder when it loads and never removes it.
	const tmpDir = ownedTempDir('mk-scan-');
	try {
		const { code, stdout, stderr } = await run(
			process.execPath,
			['--input-type=module', '-e', CHILD, SCANNER, JSON.stringify(jobs)],
			{ env: scannerEnv(tmpDir), timeoutMs: 120_000 },
		);
		if (code !== 0) throw new Error(`the package scanner exited with ${code}\n${stderr}`);
		return JSON.parse(stdout.slice(stdout.lastIndexOf('\n') + 1)) as ScanResult[];
	} finally {
		removeOwnedDir(tmpDir);
	}
}

/**
 * eslint-plugin-n8n-nodes-base swaps in fixture file names when NODE_ENV is `test` (its own
 * tests), which jest sets: its file name rules would then judge the wrong names.
 */
function scannerEnv(tmpDir: string): NodeJS.ProcessEnv {
	const env = nodeEnv({ TMPDIR: tmpDir });
	delete env.NODE_ENV;
	return env;
}

/** Every file below a folder, as sorted paths relative to it with forward slashes. */
export function filesBelow(dir: string): string[] {
	return fs
		.readdirSync(dir, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile())
		.map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
		.map((file) => file.split(path.sep).join('/'))
		.sort();
}
