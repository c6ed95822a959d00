import * as fs from 'node:fs';
import * as path from 'node:path';

import { CACHE_DIR, REPO_ROOT } from './paths';
import { runChecked } from './process';

/** n8n 2.x needs Node >= 24 and 1.123 needs >= 22; we run both on the project's pinned Node 24. */
const MIN_NODE_MAJOR = 24;

export function assertNodeRuntime(): void {
	const major = Number(process.versions.node.split('.')[0]);
	if (major < MIN_NODE_MAJOR) {
		throw new Error(
			`Node ${process.versions.node} is too old for n8n; run through npm (npm run ...) so the project's pinned Node 24 is used.`,
		);
	}
}

/** Environment whose `node`, also for npm and n8n children, is the Node running this script. */
export function nodeEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
	const binDir = path.dirname(process.execPath);
	return { ...process.env, PATH: `${binDir}${path.delimiter}${process.env.PATH ?? ''}`, ...extra };
}

/**
 * A folder with this Node's headers (`include/node`), for node-gyp rebuilds of sqlite3.
 * The machine's npmrc points nodedir at Node 20's headers, which would give the wrong ABI.
 * The `node` devDependency may or may not keep its node-<os>-<arch> package; if it did not,
 * the same registry package is fetched once into the cache.
 */
export async function ensureNodeHeaders(): Promise<string> {
	const pkg = `node-${process.platform}-${process.arch}`;
	const bundled = path.join(REPO_ROOT, 'node_modules', 'node', 'node_modules', pkg);
	if (hasHeaders(bundled)) return bundled;

	const cached = path.join(CACHE_DIR, 'node-headers', process.version);
	if (hasHeaders(cached)) return cached;

	const staging = `${cached}.partial-${process.pid}`;
	fs.rmSync(staging, { recursive: true, force: true });
	fs.mkdirSync(staging, { recursive: true });
	const env = nodeEnv();
	const { stdout } = await runChecked(
		'npm',
		['pack', `${pkg}@${process.versions.node}`, '--silent'],
		{ cwd: staging, env },
	);
	const tarball = path.join(staging, stdout.trim().split('\n').pop() ?? '');
	await runChecked(
		'tar',
		['-xzf', tarball, '-C', staging, '--strip-components=1', 'package/include'],
		{ env },
	);
	fs.rmSync(tarball);
	fs.rmSync(cached, { recursive: true, force: true });
	fs.renameSync(staging, cached);
	return cached;
}

function hasHeaders(dir: string): boolean {
	return fs.existsSync(path.join(dir, 'include', 'node', 'node.h'));
}
