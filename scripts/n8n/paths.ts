import * as fs from 'node:fs';
import * as path from 'node:path';

/** The package's published name; n8n prefixes its node types with it. */
export const PACKAGE_NAME = 'n8n-nodes-mail-komplet';

/** Repository root, found by its package.json so this works from sources and from .build/. */
export const REPO_ROOT = findRepoRoot(__dirname);

/** Git-ignored cache holding the real n8n installs and the Node headers for native rebuilds. */
export const CACHE_DIR = process.env.N8N_CACHE_DIR ?? path.join(REPO_ROOT, '.n8n-cache');

/** Git-ignored folder for screenshots, logs and other test artifacts. */
export const ARTIFACTS_DIR = path.join(REPO_ROOT, 'artifacts');

function findRepoRoot(start: string): string {
	for (let dir = start; ; dir = path.dirname(dir)) {
		const manifest = path.join(dir, 'package.json');
		if (fs.existsSync(manifest)) {
			const { name } = JSON.parse(fs.readFileSync(manifest, 'utf8')) as { name?: string };
			if (name === PACKAGE_NAME) return dir;
		}
		if (path.dirname(dir) === dir)
			throw new Error(`no ${PACKAGE_NAME} package.json above ${start}`);
	}
}
