/**
 * The two services n8n's queue mode needs, as throwaway processes of this run: a PostgreSQL
 * cluster in a temporary folder (Debian's PostgreSQL server binaries, trust auth on loopback,
 * never the system's own service) and a Redis without persistence. Each runs in its own process
 * group on a free port and logs to artifacts/.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { freePort } from '../ports';
import {
	ownedTempDir,
	removeOwnedDir,
	runChecked,
	sleep,
	spawnOwned,
	type OwnedProcess,
} from '../process';

const REDIS_SERVER = process.env.REDIS_SERVER_PATH ?? '/usr/bin/redis-server';
const POSTGRES_ROOT = '/usr/lib/postgresql';

/** A server in its own group, stopped after every n8n process (tier 1) when the command ends. */
function spawnDaemon(
	name: string,
	command: string,
	args: string[],
	logFile: string,
	options: { uid?: number; gid?: number; cwd?: string; stopSignal?: NodeJS.Signals } = {},
): OwnedProcess {
	const log = fs.openSync(logFile, 'a');
	const daemon = spawnOwned(command, args, {
		name,
		tier: 1,
		stdio: ['ignore', log, log],
		...options,
	});
	fs.closeSync(log);
	return daemon;
}

async function waitFor(
	name: string,
	daemon: OwnedProcess,
	logFile: string,
	ready: () => boolean,
	timeoutMs: number,
): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!ready()) {
		if (!daemon.running) throw new Error(`${name} exited early; see ${logFile}`);
		if (Date.now() > deadline)
			throw new Error(`${name} not ready within ${timeoutMs} ms; see ${logFile}`);
		await sleep(200);
	}
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL

export interface Postgres {
	host: string;
	port: number;
	user: string;
	database: string;
	logFile: string;
	/** Rows of a query, each as its columns' text: what n8n stored, read without n8n. */
	query(sql: string): string[][];
	stop(): Promise<void>;
}

/** The newest PostgreSQL server binaries Debian installed (`/usr/lib/postgresql/<major>/bin`). */
export function postgresBinDir(): string {
	const majors = fs.existsSync(POSTGRES_ROOT)
		? fs
				.readdirSync(POSTGRES_ROOT)
				.filter((entry) => fs.existsSync(path.join(POSTGRES_ROOT, entry, 'bin', 'initdb')))
				.sort((a, b) => Number(b) - Number(a))
		: [];
	if (!majors.length)
		throw new Error(
			`no PostgreSQL server binaries under ${POSTGRES_ROOT}: install Debian's postgresql package`,
		);
	return path.join(POSTGRES_ROOT, majors[0], 'bin');
}

/** initdb and postgres refuse to run as root: as root, run them as Debian's `postgres` user. */
function postgresIdentity(): { uid?: number; gid?: number } {
	if (process.getuid?.() !== 0) return {};
	const id = (flag: string) => spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' });
	const uid = id('-u');
	const gid = id('-g');
	if (uid.status !== 0 || gid.status !== 0)
		throw new Error('running as root, but there is no postgres user to run PostgreSQL as');
	return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

/** Throwaway data needs no durability; speed on a busy 2-core machine matters more. */
const THROWAWAY_SETTINGS = {
	fsync: 'off',
	synchronous_commit: 'off',
	full_page_writes: 'off',
	max_connections: '200',
};

/**
 * A fresh cluster in a temporary folder, listening on 127.0.0.1:<free port> (socket in the same
 * folder), trust auth, one database. stop() shuts it down and deletes the folder.
 */
export async function startPostgres(logFile: string, database = 'n8n'): Promise<Postgres> {
	const bin = postgresBinDir();
	const identity = postgresIdentity();
	const dir = ownedTempDir('mk-postgres-');
	if (identity.uid !== undefined) fs.chownSync(dir, identity.uid, identity.gid ?? identity.uid);
	const dataDir = path.join(dir, 'data');
	fs.writeFileSync(logFile, '');
	const user = 'postgres';
	const asPostgres = (command: string, args: string[]) => {
		const result = spawnSync(path.join(bin, command), args, {
			encoding: 'utf8',
			cwd: dir,
			...identity,
		});
		fs.appendFileSync(logFile, `$ ${command} ${args.join(' ')}\n${result.stdout}${result.stderr}`);
		if (result.status !== 0)
			throw new Error(`${command} failed (${result.status}); see ${logFile}`);
	};
	asPostgres('initdb', ['-D', dataDir, '-A', 'trust', '-U', user, '-E', 'UTF8', '--no-sync']);
	const port = await freePort();
	const server = spawnDaemon(
		'postgres',
		path.join(bin, 'postgres'),
		[
			...['-D', dataDir, '-p', String(port), '-h', '127.0.0.1', '-k', dir],
			...Object.entries(THROWAWAY_SETTINGS).flatMap(([key, value]) => ['-c', `${key}=${value}`]),
		],
		logFile,
		// SIGINT is PostgreSQL's fast shutdown.
		{ ...identity, cwd: dir, stopSignal: 'SIGINT' },
	);
	const stop = async () => {
		await server.stop(10_000);
		removeOwnedDir(dir);
	};
	try {
		await waitFor('postgres', server, logFile, () => isReady(bin, port, dir), 30_000);
		asPostgres('createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', user, database]);
	} catch (error) {
		await stop();
		throw error;
	}
	const query = (sql: string): string[][] => {
		const result = spawnSync(
			path.join(bin, 'psql'),
			[
				'-h',
				'127.0.0.1',
				'-p',
				String(port),
				'-U',
				user,
				'-d',
				database,
				'-AtX',
				'-F',
				'\t',
				'-c',
				sql,
			],
			{ encoding: 'utf8' },
		);
		if (result.status !== 0) throw new Error(`psql failed (${result.status}): ${result.stderr}`);
		return result.stdout
			.split('\n')
			.filter(Boolean)
			.map((line) => line.split('\t'));
	};
	return { host: '127.0.0.1', port, user, database, logFile, query, stop };
}

function isReady(bin: string, port: number, cwd: string): boolean {
	const result = spawnSync(path.join(bin, 'pg_isready'), ['-h', '127.0.0.1', '-p', String(port)], {
		cwd,
	});
	return result.status === 0;
}

// ---------------------------------------------------------------------------------------------
// Redis

export interface Redis {
	host: string;
	port: number;
	logFile: string;
	stop(): Promise<void>;
}

/**
 * Installs Debian's redis-server when it is missing (the suite's first run on a fresh machine).
 * The package's own service is not used: each run starts its own server.
 */
export async function ensureRedisServer(
	log: (line: string) => void = console.log,
): Promise<string> {
	if (fs.existsSync(REDIS_SERVER)) return REDIS_SERVER;
	const asRoot = process.getuid?.() === 0 ? [] : ['sudo', '-n'];
	const aptGet = (args: string[]) => {
		const [command, ...rest] = [...asRoot, 'apt-get', ...args];
		return runChecked(command, rest, {
			env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
		});
	};
	log('Installing redis-server with apt-get (first run only)...');
	await aptGet(['update']);
	await aptGet(['install', '-y', '--no-install-recommends', 'redis-server']);
	if (!fs.existsSync(REDIS_SERVER))
		throw new Error(`apt-get installed redis-server, but ${REDIS_SERVER} is missing`);
	return REDIS_SERVER;
}

/** A Redis on 127.0.0.1:<free port>, in memory only (no RDB snapshots, no append-only file). */
export async function startRedis(logFile: string): Promise<Redis> {
	const binary = await ensureRedisServer();
	const port = await freePort();
	fs.writeFileSync(logFile, '');
	const server = spawnDaemon(
		'redis',
		binary,
		['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
		logFile,
		{ cwd: os.tmpdir() },
	);
	try {
		await waitFor(
			'redis',
			server,
			logFile,
			() => fs.readFileSync(logFile, 'utf8').includes('Ready to accept'),
			30_000,
		);
	} catch (error) {
		await server.stop();
		throw error;
	}
	return { host: '127.0.0.1', port, logFile, stop: () => server.stop(10_000) };
}
