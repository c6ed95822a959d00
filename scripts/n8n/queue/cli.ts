/**
 * The queue-mode topology on its own (PostgreSQL, Redis, main, workers, webhook processor), up
 * until this process is stopped: to look at it by hand, and for the end-to-end test that checks
 * a stopped command leaves nothing behind.
 *
 *   node .build/scripts/n8n/queue/cli.js [n8n version]   (after npm run build && npm run build:tools)
 */
import { runCommand } from '../process';
import { DEFAULT_RELEASE, findRelease } from '../versions';
import { QueueTopology } from './topology';

async function main(): Promise<void> {
	const version = process.argv[2];
	const topology = await QueueTopology.create({
		release: version ? findRelease(version) : DEFAULT_RELEASE,
		label: 'cli',
	});
	await topology.start();
	console.log(
		`Queue topology up: main ${topology.main.baseUrl}, webhook ${topology.webhook.baseUrl}, PostgreSQL port ${topology.postgres.port}, Redis port ${topology.redis.port}`,
	);
}

runCommand(main);
