import * as fs from 'node:fs';
import * as path from 'node:path';

import { PACKAGE_NAME, REPO_ROOT } from './paths';
import { ownedTempDir, runChecked } from './process';
import { nodeEnv } from './runtime';

let packed: Promise<string> | undefined;

/**
 * The package as `npm pack` publishes it (only the `files` listed in package.json), extracted
 * once per process into a temporary folder. Needs `npm run build` first.
 */
export function packedPackage(): Promise<string> {
	packed ??= pack();
	return packed;
}

async function pack(): Promise<string> {
	const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
		n8n?: { nodes?: string[]; credentials?: string[] };
	};
	const declared = [...(manifest.n8n?.nodes ?? []), ...(manifest.n8n?.credentials ?? [])];
	const missing = declared.filter((file) => !fs.existsSync(path.join(REPO_ROOT, file)));
	if (missing.length) throw new Error(`not built yet (run npm run build): ${missing.join(', ')}`);

	// Removed with everything else the command owns, when it ends.
	const workDir = ownedTempDir('mk-pack-');
	const env = nodeEnv();
	const { stdout } = await runChecked('npm', ['pack', '--json', '--pack-destination', workDir], {
		cwd: REPO_ROOT,
		env,
	});
	const [{ filename }] = JSON.parse(stdout.slice(stdout.indexOf('['))) as Array<{
		filename: string;
	}>;
	await runChecked('tar', ['-xzf', path.join(workDir, path.basename(filename)), '-C', workDir], {
		env,
	});
	return path.join(workDir, 'package');
}

/**
 * Puts the package where n8n keeps installed community packages:
 * <N8N_USER_FOLDER>/.n8n/nodes/node_modules/<name>/, with the manifest npm would leave there.
 */
export async function installInto(userFolder: string): Promise<string> {
	const source = await packedPackage();
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	const target = path.join(nodesDir, 'node_modules', PACKAGE_NAME);
	fs.rmSync(target, { recursive: true, force: true });
	fs.mkdirSync(path.dirname(target), { recursive: true });
	fs.cpSync(source, target, { recursive: true });
	const { version } = JSON.parse(fs.readFileSync(path.join(source, 'package.json'), 'utf8')) as {
		version: string;
	};
	const nodesManifest = {
		name: 'installed-nodes',
		private: true,
		dependencies: { [PACKAGE_NAME]: version },
	};
	fs.writeFileSync(path.join(nodesDir, 'package.json'), JSON.stringify(nodesManifest, null, 2));
	return target;
}
