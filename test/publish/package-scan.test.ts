/**
 * The package as npm would publish it (`npm pack` of the build), checked the way n8n checks a
 * published community package: `@n8n/scan-community-package`'s lint of the tarball and of the
 * source, offline. Needs `npm run build` first (npm test builds before jest).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { packedPackage } from '../../scripts/n8n/package';
import { REPO_ROOT } from '../../scripts/n8n/paths';
import { filesBelow, scan, type ScanResult } from '../../scripts/publish/scan';

interface PackedManifest {
	n8n: { nodes: string[]; credentials: string[] };
	dependencies?: Record<string, string>;
}

const manifestOf = (dir: string) =>
	JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as PackedManifest;

/** A copy of the packed package with one change, to show the scan rejects exactly that. */
function variantOf(packed: string, change: (dir: string) => void): string {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mk-scan-'));
	fs.cpSync(packed, dir, { recursive: true });
	change(dir);
	return dir;
}

let packed: string;
let variants: string[] = [];
let tarball: ScanResult;
let source: ScanResult;
let withRuntimeDependency: ScanResult;
let withTimer: ScanResult;

beforeAll(async () => {
	packed = await packedPackage();
	variants = [
		variantOf(packed, (dir) => {
			const manifest = manifestOf(dir);
			manifest.dependencies = { axios: '^1.13.0' };
			fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(manifest, null, 2));
		}),
		variantOf(packed, (dir) => {
			// An eslint-disable comment does not help: the scanner lints with inline config off.
			const node = path.join(dir, manifestOf(dir).n8n.nodes[0]);
			const code = fs.readFileSync(node, 'utf8');
			fs.writeFileSync(node, `/* eslint-disable */\n${code}\nsetTimeout(() => undefined, 10);\n`);
		}),
	];
	[tarball, source, withRuntimeDependency, withTimer] = await scan([
		{ dir: packed, leg: 'tarball' },
		{ dir: REPO_ROOT, leg: 'source' },
		{ dir: variants[0], leg: 'tarball' },
		{ dir: variants[1], leg: 'tarball' },
	]);
}, 120_000);

afterAll(() => {
	// packedPackage() removes its folder on process exit, which a jest worker may never reach.
	const dirs = packed ? [...variants, path.dirname(packed)] : variants;
	for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

test('npm pack ships dist/, README.md, LICENSE and package.json, nothing else', () => {
	const files = filesBelow(packed);
	expect(files.filter((file) => !file.startsWith('dist/'))).toEqual([
		'LICENSE',
		'README.md',
		'package.json',
	]);
	const { nodes, credentials } = manifestOf(packed).n8n;
	expect(files).toEqual(expect.arrayContaining([...nodes, ...credentials]));
});

test("the packed tarball passes the scanner's lint of compiled code and package.json", () => {
	expect(tarball).toEqual({ passed: true });
});

test("the source passes the scanner's lint of nodes/, credentials/ and package.json", () => {
	expect(source).toEqual({ passed: true });
});

test('the scan rejects a package with a runtime dependency', () => {
	expect(withRuntimeDependency.passed).toBe(false);
	expect(withRuntimeDependency.details).toContain('@n8n/community-nodes/no-runtime-dependencies');
});

test('the scan rejects setTimeout in node code, eslint-disable comments or not', () => {
	expect(withTimer.passed).toBe(false);
	expect(withTimer.details).toMatch(
		/Use of restricted global 'setTimeout'.*@n8n\/community-nodes\/no-restricted-globals/,
	);
});
