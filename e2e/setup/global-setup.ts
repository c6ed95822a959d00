/**
 * Runs once before the suite: everything slow and idempotent (n8n installs, the package build
 * check, the browser), so tests only start processes. Each step is a no-op when already done.
 * It also makes the jest process the owner of every process and folder the suites start
 * (scripts/n8n/process.ts): a signal to jest alone, or npm going away, stops them all.
 */
import { ensureChromium } from '../../scripts/n8n/browser';
import { ensureN8n } from '../../scripts/n8n/install';
import { guardCommand } from '../../scripts/n8n/process';
import { packedPackage } from '../../scripts/n8n/package';
import { ensureRedisServer } from '../../scripts/n8n/queue/services';
import { assertNodeRuntime } from '../../scripts/n8n/runtime';
import { selectedReleases } from '../../scripts/n8n/versions';

export default async function globalSetup(): Promise<void> {
	assertNodeRuntime();
	// Test failures are jest's to report; signals and exit are ours.
	guardCommand({ errors: false });
	const log = (line: string) => process.stderr.write(`[e2e setup] ${line}\n`);
	// Fails fast with a clear message when `npm run build` has not run.
	await packedPackage();
	for (const release of selectedReleases()) await ensureN8n(release, log);
	if (process.env.E2E_SKIP_BROWSER !== '1') await ensureChromium(log);
	// The queue-mode suite's Redis (its PostgreSQL comes with the machine's postgresql package).
	await ensureRedisServer(log);
}
