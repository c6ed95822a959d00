/**
 * Installs real n8n releases into .n8n-cache/n8n-<version>/, once. A marker written last makes a
 * half-finished install (interrupted, failed) count as absent, so the next run redoes it.
 *
 *   node .build/scripts/n8n/install.js [version ...]   (all releases by default)
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { withLock } from './lock';
import { CACHE_DIR } from './paths';
import { runChecked, runCommand } from './process';
import { assertNodeRuntime, ensureNodeHeaders, nodeEnv } from './runtime';
import { findRelease, N8N_RELEASES, type N8nRelease } from './versions';

/** Bump when the recipe below changes, so cached installs made the old way are redone. */
const RECIPE = 1;
const MARKER = '.install-complete.json';

interface Marker {
	version: string;
	recipe: number;
	node: string;
}

export function installDir(release: N8nRelease): string {
	return path.join(CACHE_DIR, `n8n-${release.version}`);
}

/** The n8n CLI entry point of a cached install. */
export function n8nBin(release: N8nRelease): string {
	return path.join(installDir(release), 'node_modules', 'n8n', 'bin', 'n8n');
}

export function isInstalled(release: N8nRelease): boolean {
	try {
		const marker = JSON.parse(
			fs.readFileSync(path.join(installDir(release), MARKER), 'utf8'),
		) as Marker;
		return (
			marker.version === release.version &&
			marker.recipe === RECIPE &&
			// Native modules are built for one Node ABI.
			marker.node.split('.')[0] === process.versions.node.split('.')[0]
		);
	} catch {
		return false;
	}
}

/** Makes sure the release is installed and returns its folder. Safe to call from parallel processes. */
export async function ensureN8n(
	release: N8nRelease,
	log: (line: string) => void = console.log,
): Promise<string> {
	assertNodeRuntime();
	const dir = installDir(release);
	if (isInstalled(release)) return dir;
	fs.mkdirSync(CACHE_DIR, { recursive: true });
	await withLock(`${dir}.lock`, async () => {
		if (isInstalled(release)) return; // another process finished it while we waited
		const started = Date.now();
		log(`Installing n8n ${release.version} into ${dir} (first run only, a few minutes)...`);
		await install(release, dir);
		log(`n8n ${release.version} installed in ${Math.round((Date.now() - started) / 1000)} s`);
	});
	return dir;
}

async function install(release: N8nRelease, dir: string): Promise<void> {
	fs.rmSync(dir, { recursive: true, force: true });
	fs.mkdirSync(dir, { recursive: true });
	const logFile = path.join(dir, 'install.log');
	const manifest = {
		name: `n8n-host-${release.version}`,
		private: true,
		dependencies: { n8n: release.version },
		...(release.overrides ? { overrides: release.overrides } : {}),
	};
	fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(manifest, null, 2));

	const nodedir = await ensureNodeHeaders();
	const env = nodeEnv({ npm_config_nodedir: nodedir, npm_config_update_notifier: 'false' });
	const npm = (args: string[], extraEnv: NodeJS.ProcessEnv = {}, timeoutMs?: number) =>
		runChecked('npm', [...args, '--no-audit', '--no-fund'], {
			cwd: dir,
			env: { ...env, ...extraEnv },
			logFile,
			timeoutMs,
		});

	// Install scripts are skipped: one of them (a Kafka client's) downloads zlib from the internet.
	// npm was once seen spinning for half an hour resolving n8n's peer dependencies, where it
	// usually takes 3 minutes; a second try after a timeout finished in minutes.
	for (let attempt = 1; ; attempt++) {
		try {
			await npm(['install', '--ignore-scripts'], {}, 12 * 60_000);
			break;
		} catch (error) {
			if (attempt === 2) throw error;
			fs.rmSync(path.join(dir, 'node_modules'), { recursive: true, force: true });
			fs.rmSync(path.join(dir, 'package-lock.json'), { force: true });
		}
	}
	// Only sqlite3 and isolated-vm need native code; sqlite3's prebuilt binaries live on GitHub
	// (unreachable), so it is compiled against this Node's headers straight away.
	await npm(['rebuild', 'sqlite3'], { npm_config_build_from_source: 'true' });
	await npm(['rebuild', 'isolated-vm']);

	// Proves the install runs before it counts as done.
	await runChecked(process.execPath, ['-e', "require('sqlite3'); require('isolated-vm')"], {
		cwd: dir,
		env,
		logFile,
	});
	await runChecked(process.execPath, [n8nBin(release), '--version'], {
		cwd: dir,
		env,
		logFile,
		timeoutMs: 120_000,
	});

	const marker: Marker = { version: release.version, recipe: RECIPE, node: process.versions.node };
	fs.writeFileSync(path.join(dir, MARKER), JSON.stringify(marker, null, 2));
}

async function main(): Promise<void> {
	const versions = process.argv.slice(2);
	const releases = versions.length ? versions.map(findRelease) : [...N8N_RELEASES];
	// One after the other: each install is CPU- and disk-heavy on this 2-core machine.
	for (const release of releases) {
		const dir = await ensureN8n(release);
		console.log(`n8n ${release.version} ready in ${dir}`);
	}
}

if (require.main === module) runCommand(main);
