import { guardCommand } from '../scripts/n8n/process';

import { startSandbox } from './index';
import type { SandboxOptions } from './types';

/**
 * node .build/sandbox/cli.js [--port 4010] [--seed demo|empty] [--api-key K] [--base-crypt B]
 *                            [--max-page-size N] [--bulk-polls-per-phase N] [--host H]
 *                            [--session-ttl-seconds N]
 */

function usage(message: string): never {
	console.error(
		`${message}\nUsage: cli.js [--port 4010] [--seed demo|empty] [--api-key K] [--base-crypt B] [--max-page-size N] [--bulk-polls-per-phase N] [--host H] [--session-ttl-seconds N]`,
	);
	process.exit(2);
}

function parseArgs(argv: string[]): SandboxOptions {
	const options: SandboxOptions = {};
	const integer = (flag: string, value: string, min: number): number => {
		const n = Number(value);
		if (!Number.isInteger(n) || n < min) usage(`${flag} needs an integer >= ${min}`);
		return n;
	};
	for (let i = 0; i < argv.length; i++) {
		const [flag, inline] = argv[i].split(/=(.*)/s, 2);
		const value = inline ?? argv[++i];
		if (value === undefined) usage(`${flag} needs a value`);
		switch (flag) {
			case '--port':
				options.port = integer(flag, value, 0);
				break;
			case '--host':
				options.host = value;
				break;
			case '--seed':
				if (value !== 'demo' && value !== 'empty') usage('--seed must be demo or empty');
				options.seed = value;
				break;
			case '--api-key':
				options.apiKey = value;
				break;
			case '--base-crypt':
				options.baseCrypt = value;
				break;
			case '--max-page-size':
				options.maxPageSize = integer(flag, value, 1);
				break;
			case '--bulk-polls-per-phase':
				options.bulkPollsPerPhase = integer(flag, value, 0);
				break;
			case '--session-ttl-seconds':
				options.sessionTtlMs = integer(flag, value, 1) * 1000;
				break;
			default:
				usage(`Unknown option ${flag}`);
		}
	}
	return options;
}

async function main(): Promise<void> {
	// SIGINT, SIGTERM, SIGHUP or npm going away end the process, and the sandbox with it.
	guardCommand();
	const sandbox = await startSandbox(parseArgs(process.argv.slice(2)));
	console.log(`Mail Komplet sandbox listening on ${sandbox.url} (baseCrypt ${sandbox.baseCrypt})`);
}

main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});
