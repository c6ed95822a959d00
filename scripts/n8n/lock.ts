import * as fs from 'node:fs';
import * as path from 'node:path';

import { isAlive, sleep } from './process';

/**
 * Runs `fn` holding a directory lock (mkdir is atomic), so a demo and a test run started at the
 * same time do not install into the same folder. A lock left by a dead process is taken over.
 */
export async function withLock<T>(
	lockDir: string,
	fn: () => Promise<T>,
	timeoutMs = 30 * 60_000,
): Promise<T> {
	const ownerFile = path.join(lockDir, 'pid');
	const deadline = Date.now() + timeoutMs;
	let announced = false;
	for (;;) {
		try {
			fs.mkdirSync(lockDir, { recursive: false });
			fs.writeFileSync(ownerFile, String(process.pid));
			break;
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
			const owner = Number(readOrEmpty(ownerFile));
			if (!owner || !isAlive(owner)) {
				// Dead owner, or one that crashed between mkdir and writing its pid.
				if (owner || staleSince(lockDir) > 10_000)
					fs.rmSync(lockDir, { recursive: true, force: true });
			} else if (!announced) {
				console.log(`waiting for process ${owner} holding ${lockDir}`);
				announced = true;
			}
			if (Date.now() > deadline) throw new Error(`timed out waiting for ${lockDir}`);
			await sleep(1000);
		}
	}
	try {
		return await fn();
	} finally {
		fs.rmSync(lockDir, { recursive: true, force: true });
	}
}

function readOrEmpty(file: string): string {
	try {
		return fs.readFileSync(file, 'utf8');
	} catch {
		return '';
	}
}

function staleSince(dir: string): number {
	try {
		return Date.now() - fs.statSync(dir).mtimeMs;
	} catch {
		return 0;
	}
}
