/** Runs once after the suite: whatever a suite left running or on disk is stopped and removed. */
import { stopOwned } from '../../scripts/n8n/process';

export default async function globalTeardown(): Promise<void> {
	await stopOwned();
}
