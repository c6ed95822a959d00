/**
 * The one owner of what the tooling starts: child processes (each in its own process group, so
 * n8n's task runners and PostgreSQL's backends go with their parent) and temporary folders.
 *
 * Every process group and folder is recorded in a registry folder as well as in memory, so that
 * - a command that calls guardCommand() stops them all however it ends: SIGINT, SIGTERM, SIGHUP,
 *   an uncaught error, a normal end, or the npm process that ran it going away (npm forwards
 *   only SIGINT and SIGTERM, and only to the shell, which does not pass them on);
 * - the next command cleans up after one that could not (SIGKILL): it stops the groups and
 *   removes the folders whose owner is gone, and says so.
 * Every child gets MK_OWNER_RUN in its environment, which tells our processes from others'.
 */
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** Environment variable naming the run a process belongs to; children inherit it. */
export const RUN_MARKER = 'MK_OWNER_RUN';
process.env[RUN_MARKER] ??= randomUUID();
const RUN_ID = process.env[RUN_MARKER];

/** Where each owned process group and folder has a record while it exists. */
export const REGISTRY_DIR =
	process.env.MK_OWNED_DIR ?? path.join(os.tmpdir(), 'n8n-nodes-mail-komplet-owned');

/** Stopped after tier 0: servers whose clients must go first so nothing is lost (n8n's database). */
export type Tier = 0 | 1;

interface GroupRecord {
	kind: 'group';
	name: string;
	pgid: number;
	/** The leader's start time (/proc/<pid>/stat), proving a pid was not reused. */
	start: string;
	run: string;
	tier: Tier;
	/** The signal that shuts the server down cleanly. */
	signal: NodeJS.Signals;
}

interface DirRecord {
	kind: 'dir';
	path: string;
}

type OwnedRecord = (GroupRecord | DirRecord) & { owner: number; ownerStart: string; id: string };

const SELF_START = startTime(process.pid);

/** Ids are random: jest loads a copy of this module per test file, and a counter would repeat. */
function record(entry: GroupRecord | DirRecord): OwnedRecord {
	const full = { ...entry, owner: process.pid, ownerStart: SELF_START, id: randomUUID() };
	fs.mkdirSync(REGISTRY_DIR, { recursive: true });
	fs.writeFileSync(recordFile(full), JSON.stringify(full));
	return full;
}

function recordFile(entry: OwnedRecord): string {
	return path.join(REGISTRY_DIR, `${entry.owner}-${entry.ownerStart}-${entry.id}.json`);
}

function forget(entry: OwnedRecord): void {
	fs.rmSync(recordFile(entry), { force: true });
}

function records(): OwnedRecord[] {
	let files: string[];
	try {
		files = fs.readdirSync(REGISTRY_DIR);
	} catch {
		return [];
	}
	return files.flatMap((file) => {
		try {
			return [JSON.parse(fs.readFileSync(path.join(REGISTRY_DIR, file), 'utf8')) as OwnedRecord];
		} catch {
			return []; // being written or removed
		}
	});
}

const isMine = (entry: OwnedRecord) =>
	entry.owner === process.pid && entry.ownerStart === SELF_START;

// ---------------------------------------------------------------------------------------------
// /proc

interface ProcStat {
	pid: number;
	state: string;
	pgid: number;
	start: string;
}

function procStat(pid: number): ProcStat | undefined {
	try {
		const text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
		// The command name may hold spaces and parentheses: fields start after the last ')'.
		const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
		return { pid, state: fields[0], pgid: Number(fields[2]), start: fields[19] };
	} catch {
		return undefined;
	}
}

function startTime(pid: number): string {
	return procStat(pid)?.start ?? '';
}

/** The process that started at `start` still runs (a zombie nobody reaps does not count). */
function runs(pid: number, start: string): boolean {
	const stat = procStat(pid);
	return !!stat && stat.state !== 'Z' && stat.start === start;
}

function livePids(): number[] {
	return fs
		.readdirSync('/proc')
		.filter((entry) => /^\d+$/.test(entry))
		.map(Number);
}

/** Living (not zombie) processes of a process group. */
function groupMembers(pgid: number): ProcStat[] {
	return livePids()
		.map(procStat)
		.filter((stat): stat is ProcStat => !!stat && stat.pgid === pgid && stat.state !== 'Z');
}

function environ(pid: number): string[] {
	try {
		return fs.readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0');
	} catch {
		return [];
	}
}

/** Pids of living processes whose environment marks them as started by run `run`. */
export function processesOfRun(run: string): number[] {
	const mark = `${RUN_MARKER}=${run}`;
	return livePids().filter((pid) => procStat(pid)?.state !== 'Z' && environ(pid).includes(mark));
}

function signal(pid: number, sig: NodeJS.Signals): void {
	try {
		process.kill(pid, sig);
	} catch {
		// already gone
	}
}

export function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function until(done: () => boolean, timeoutMs: number): Promise<boolean> {
	const deadline = Date.now() + timeoutMs;
	while (!done()) {
		if (Date.now() > deadline) return false;
		await sleep(100);
	}
	return true;
}

// ---------------------------------------------------------------------------------------------
// Process groups

export interface OwnedOptions extends Omit<SpawnOptions, 'detached'> {
	/** Names the group in messages (n8n-worker, postgres, ...). */
	name: string;
	tier?: Tier;
	/** The server's clean shutdown signal; default SIGTERM. */
	stopSignal?: NodeJS.Signals;
}

/** A child in its own process group, recorded until the whole group is gone. */
export class OwnedProcess {
	readonly exited: Promise<void>;
	private entry?: OwnedRecord;

	constructor(
		readonly child: ChildProcess,
		options: OwnedOptions,
	) {
		this.exited = new Promise((resolve) => child.once('close', () => resolve()));
		if (child.pid)
			this.entry = record({
				kind: 'group',
				name: options.name,
				pgid: child.pid,
				start: startTime(child.pid),
				run: RUN_ID ?? '',
				tier: options.tier ?? 0,
				signal: options.stopSignal ?? 'SIGTERM',
			});
	}

	get running(): boolean {
		return this.child.exitCode === null && this.child.signalCode === null;
	}

	/** The clean shutdown signal to the group, SIGKILL after `graceMs`; resolves once the group is gone. */
	async stop(graceMs = 15_000, sig?: NodeJS.Signals): Promise<void> {
		if (!this.entry) return;
		const entry = this.entry;
		this.entry = undefined;
		await stopGroup(entry as OwnedRecord & GroupRecord, graceMs, sig);
	}
}

export function spawnOwned(command: string, args: string[], options: OwnedOptions): OwnedProcess {
	const env = options.env ?? process.env;
	const child = spawn(command, args, {
		...options,
		// A run marker set by whoever started us wins: it names the whole run.
		env: { ...env, [RUN_MARKER]: env[RUN_MARKER] ?? RUN_ID },
		detached: true,
	});
	return new OwnedProcess(child, options);
}

async function stopGroup(
	entry: OwnedRecord & GroupRecord,
	graceMs: number,
	sig: NodeJS.Signals = entry.signal,
): Promise<void> {
	const gone = () => groupMembers(entry.pgid).length === 0;
	signal(-entry.pgid, sig);
	if (!(await until(gone, graceMs))) {
		signal(-entry.pgid, 'SIGKILL');
		await until(gone, 5000);
	}
	forget(entry);
}

export interface RunOptions {
	cwd?: string;
	env?: NodeJS.ProcessEnv;
	/** Append stdout and stderr here instead of keeping them only in memory. */
	logFile?: string;
	/** Kill the command after this many milliseconds. */
	timeoutMs?: number;
	/** Names the command's process group; default the command's file name. */
	name?: string;
}

export interface RunResult {
	code: number;
	stdout: string;
	stderr: string;
}

/** Runs a command to completion and collects its output; never throws on a non-zero exit. */
export function run(command: string, args: string[], options: RunOptions = {}): Promise<RunResult> {
	return new Promise((resolve, reject) => {
		const owned = spawnOwned(command, args, {
			name: options.name ?? path.basename(command),
			cwd: options.cwd,
			env: options.env,
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		const { child } = owned;
		const log = options.logFile ? fs.createWriteStream(options.logFile, { flags: 'a' }) : undefined;
		const out: Buffer[] = [];
		const err: Buffer[] = [];
		child.stdout?.on('data', (chunk: Buffer) => {
			out.push(chunk);
			log?.write(chunk);
		});
		child.stderr?.on('data', (chunk: Buffer) => {
			err.push(chunk);
			log?.write(chunk);
		});
		const timer = options.timeoutMs
			? setTimeout(() => void owned.stop(0, 'SIGKILL'), options.timeoutMs)
			: undefined;
		child.on('error', (error) => {
			void owned.stop(0);
			reject(error);
		});
		child.on('close', (code, sig) => {
			if (timer) clearTimeout(timer);
			log?.end();
			// What the command left in its group (n8n's task runners) goes with it.
			void owned.stop(0, 'SIGKILL').then(() =>
				resolve({
					code: code ?? (sig ? 128 : 1),
					stdout: Buffer.concat(out).toString('utf8'),
					stderr: Buffer.concat(err).toString('utf8'),
				}),
			);
		});
	});
}

/** Like run(), but throws with the output's tail when the command fails. */
export async function runChecked(
	command: string,
	args: string[],
	options: RunOptions = {},
): Promise<RunResult> {
	const result = await run(command, args, options);
	if (result.code !== 0) {
		const tail = (result.stdout + result.stderr).split('\n').slice(-40).join('\n');
		throw new Error(`${command} ${args.join(' ')} exited with ${result.code}\n${tail}`);
	}
	return result;
}

// ---------------------------------------------------------------------------------------------
// Temporary folders

/** A fresh folder under the system's temp directory, recorded until removeOwnedDir(). */
export function ownedTempDir(prefix: string): string {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
	record({ kind: 'dir', path: dir });
	return dir;
}

/** Removes the folder (or, with `keep`, only gives up owning it: it stays for a look). */
export function removeOwnedDir(dir: string, keep = false): void {
	if (!keep) fs.rmSync(dir, { recursive: true, force: true });
	records()
		.filter((entry) => isMine(entry) && entry.kind === 'dir' && entry.path === dir)
		.forEach(forget);
}

// ---------------------------------------------------------------------------------------------
// Stopping everything

/** In-process resources that need closing before exit (a browser), newest first. */
const closers = new Set<() => Promise<void>>();

export function onStop(close: () => Promise<void>): () => void {
	closers.add(close);
	return () => closers.delete(close);
}

/**
 * Stops every process group this process started (n8n and other clients first, then the
 * servers they use) and removes its temporary folders. Works from the registry, so any copy of
 * this module in the process (jest loads one per test file) stops what the others started.
 */
export async function stopOwned(graceMs = 15_000): Promise<void> {
	await Promise.allSettled([...closers].reverse().map((close) => close()));
	closers.clear();
	const mine = records().filter(isMine);
	for (const tier of [0, 1]) {
		const groups = mine.filter(
			(entry): entry is OwnedRecord & GroupRecord => entry.kind === 'group' && entry.tier === tier,
		);
		await Promise.allSettled(groups.map((entry) => stopGroup(entry, graceMs)));
	}
	for (const entry of mine)
		if (entry.kind === 'dir') {
			fs.rmSync(entry.path, { recursive: true, force: true });
			forget(entry);
		}
}

/** The last resort on exit: nothing asynchronous runs any more. */
function killOwnedNow(): void {
	for (const entry of records().filter(isMine)) {
		if (entry.kind === 'group') signal(-entry.pgid, 'SIGKILL');
		else fs.rmSync(entry.path, { recursive: true, force: true });
		forget(entry);
	}
}

/**
 * Stops what earlier commands left behind when they could not clean up (killed with SIGKILL):
 * records whose owner is gone. A process is only killed when it is provably the one recorded
 * (same pid and start time) or carries the run's marker.
 */
export function cleanLeftovers(log: (line: string) => void = console.error): void {
	const ownerGone = (entry: OwnedRecord) => !runs(entry.owner, entry.ownerStart);
	const byOwner = new Map<number, string[]>();
	// Processes first, clients before servers, then the folders they used.
	const order = (entry: OwnedRecord) => (entry.kind === 'group' ? entry.tier : 2);
	const leftovers = records()
		.filter(ownerGone)
		.sort((a, b) => order(a) - order(b));
	for (const entry of leftovers) {
		const done = byOwner.get(entry.owner) ?? [];
		if (entry.kind === 'dir') {
			if (fs.existsSync(entry.path)) done.push(`removed ${entry.path}`);
			fs.rmSync(entry.path, { recursive: true, force: true });
		} else {
			const members = groupMembers(entry.pgid);
			const leader = members.find((m) => m.pid === entry.pgid && m.start === entry.start);
			const ours = leader
				? members
				: members.filter((m) => environ(m.pid).includes(`${RUN_MARKER}=${entry.run}`));
			if (leader) signal(-entry.pgid, 'SIGKILL');
			else ours.forEach((m) => signal(m.pid, 'SIGKILL'));
			if (ours.length)
				done.push(`stopped ${entry.name} (${ours.length} process(es), group ${entry.pgid})`);
		}
		forget(entry);
		byOwner.set(entry.owner, done);
	}
	for (const [owner, done] of byOwner)
		if (done.length)
			log(`Cleaned up after an earlier run (process ${owner}, gone): ${done.join('; ')}`);
}

/**
 * The processes that started this command, up to the npm process that ran it: the command
 * stops when one of them is gone, however it went.
 */
function startedBy(): Array<{ pid: number; start: string }> {
	const chain: Array<{ pid: number; start: string }> = [];
	for (let pid = process.ppid; pid > 1 && chain.length < 4; ) {
		chain.push({ pid, start: startTime(pid) });
		const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
		if (
			!process.env.npm_lifecycle_event ||
			// npm's own title (`npm run demo`) or its path; not a shell running `sh -c "npm ..."`
			/^npm(\s|$)/.test(cmdline[0]) ||
			cmdline.slice(0, 2).some((arg) => /(^|\/)npm(-cli\.js)?$/.test(arg))
		)
			break;
		pid = Number(fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')[1]);
	}
	return chain;
}

let guarded = false;

/**
 * Makes this process the owner of everything it starts: cleans up after earlier runs, then stops
 * it all on SIGINT, SIGTERM, SIGHUP, when the npm process that ran it is gone, on an uncaught
 * error (unless `errors` is false: jest reports those itself) and on exit.
 */
export function guardCommand({ errors = true }: { errors?: boolean } = {}): void {
	if (guarded) return;
	guarded = true;
	cleanLeftovers();
	let stopping = false;
	const shutdown = (reason: string, code: number) => {
		if (stopping) return;
		stopping = true;
		console.error(`\nStopping what this command started (${reason})...`);
		void stopOwned().finally(() => process.exit(code));
	};
	for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const)
		process.on(sig, () => {
			const code = 128 + os.constants.signals[sig];
			// A second Ctrl-C does not wait for the clean shutdown (exit kills what is left).
			if (stopping) process.exit(code);
			shutdown(sig, code);
		});
	if (errors) {
		const fail = (error: unknown) => {
			console.error(error);
			shutdown('uncaught error', 1);
		};
		process.on('uncaughtException', fail).on('unhandledRejection', fail);
	}
	process.on('exit', killOwnedNow);
	const parents = startedBy();
	setInterval(() => {
		if (parents.some(({ pid, start }) => !runs(pid, start)))
			shutdown('the command that started it is gone', 129);
	}, 500).unref();
}

/** Runs a command's main(): guarded, and a failure stops what it started before exiting 1. */
export function runCommand(main: () => Promise<unknown>): void {
	guardCommand();
	main().catch(async (error: Error) => {
		console.error(error.message);
		await stopOwned();
		process.exit(1);
	});
}
