/**
 * A stopped command leaves nothing behind: `npm run demo` and the queue-mode topology the bench
 * and this suite use (scripts/n8n/queue/cli.ts), each started as a top process of its own with a
 * run marker (MK_OWNER_RUN, inherited by everything it starts) and its own TMPDIR, are signalled
 * once up (the top process only, as a CI runner or a closing terminal does), and then no process
 * of the run and no file in its temp folder may remain.
 */
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { afterEach, beforeAll, describe, expect, test } from '@jest/globals';

import { REPO_ROOT } from '../scripts/n8n/paths';
import { freePort } from '../scripts/n8n/ports';
import {
	processesOfRun,
	REGISTRY_DIR,
	runChecked,
	sleep,
	spawnOwned,
	type OwnedProcess,
} from '../scripts/n8n/process';
import { nodeEnv } from '../scripts/n8n/runtime';
import { selectedReleases } from '../scripts/n8n/versions';

const release = selectedReleases()[0];

interface Run {
	marker: string;
	tmp: string;
	top: OwnedProcess;
	output(): string;
}

const runs: Run[] = [];

function startRun(command: string, args: string[], env: NodeJS.ProcessEnv = {}): Run {
	const marker = randomUUID();
	const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mk-signals-'));
	fs.chmodSync(tmp, 0o1777); // as open as /tmp: PostgreSQL runs as its own user
	const top = spawnOwned(command, args, {
		name: `${path.basename(command)} ${args.join(' ')}`,
		cwd: REPO_ROOT,
		env: nodeEnv({ MK_OWNER_RUN: marker, TMPDIR: tmp, ...env }),
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let output = '';
	top.child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
	top.child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
	const run = { marker, tmp, top, output: () => output };
	runs.push(run); // stopped by afterEach also when the test fails
	return run;
}

/** Polls until `match` finds something in the run's output; fails if the run ends first. */
async function waitForOutput(
	run: Run,
	match: RegExp,
	timeoutMs = 240_000,
): Promise<RegExpMatchArray> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const found = run.output().match(match);
		if (found) return found;
		if (!run.top.running) throw new Error(`the command ended before it was up:\n${run.output()}`);
		if (Date.now() > deadline) throw new Error(`not up within ${timeoutMs} ms:\n${run.output()}`);
		await sleep(500);
	}
}

async function answers(url: string): Promise<number> {
	return await fetch(url, { signal: AbortSignal.timeout(5000) })
		.then((response) => response.status)
		.catch(() => 0);
}

interface Proc {
	pid: number;
	ppid: number;
	pgid: number;
	start: string;
}

/** Living processes, from /proc. */
function processTable(): Proc[] {
	return fs.readdirSync('/proc').flatMap((entry) => {
		try {
			const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
			const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
			if (!/^\d+$/.test(entry) || fields[0] === 'Z') return [];
			const [ppid, pgid] = [Number(fields[1]), Number(fields[2])];
			return [{ pid: Number(entry), ppid, pgid, start: fields[19] }];
		} catch {
			return [];
		}
	});
}

/**
 * The run's processes: those carrying its marker, and the ones that no longer show it (Redis
 * and PostgreSQL rewrite their environment for their process titles; PostgreSQL's backends lead
 * groups of their own): descendants and process-group members of marked ones.
 */
function processesOf(marker: string): Proc[] {
	const table = processTable();
	const found = new Map<number, Proc>();
	const marked = new Set(processesOfRun(marker));
	let queue = table.filter((proc) => marked.has(proc.pid));
	while (queue.length) {
		queue.forEach((proc) => found.set(proc.pid, proc));
		queue = table.filter(
			(proc) =>
				!found.has(proc.pid) &&
				(found.has(proc.ppid) || [...found.values()].some((f) => f.pgid === proc.pgid)),
		);
	}
	return [...found.values()];
}

function describeProcesses(pids: number[]): string[] {
	return pids.map((pid) => {
		try {
			return `${pid} ${fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ').trim()}`;
		} catch {
			return `${pid} (gone)`;
		}
	});
}

/**
 * Files and folders left in the run's TMPDIR, apart from the (then empty) registry folder and
 * caches every run on the machine shares: Node's compile cache (npm turns it on) and gulp's
 * V8 flags (npm run build).
 */
function leftInTmp(run: Run): string[] {
	return fs
		.readdirSync(run.tmp, { recursive: true, encoding: 'utf8' })
		.filter((entry) => entry !== path.basename(REGISTRY_DIR))
		.filter((entry) => entry.split(path.sep)[0] !== 'node-compile-cache')
		.filter((entry) => !entry.startsWith('.v8flags-'));
}

/** Of the processes seen `before` (same pid and start time) and the marked ones, those still running. */
function stillRunning(run: Run, before: Proc[]): number[] {
	const living = processTable();
	const survivors = before.filter((proc) =>
		living.some((p) => p.pid === proc.pid && p.start === proc.start),
	);
	return [...new Set([...processesOfRun(run.marker), ...survivors.map((proc) => proc.pid)])];
}

/** Waits (bounded) until nothing of the run is left, and says what is. */
async function leftovers(
	run: Run,
	before: Proc[],
): Promise<{ processes: string[]; files: string[] }> {
	const deadline = Date.now() + 60_000;
	while ((stillRunning(run, before).length || run.top.running) && Date.now() < deadline)
		await sleep(250);
	return { processes: describeProcesses(stillRunning(run, before)), files: leftInTmp(run) };
}

/** Sends `signal` to the top process only; then what of the run is left. */
async function stopAndCollectLeftovers(
	run: Run,
	signal: NodeJS.Signals,
): Promise<{ processes: string[]; files: string[] }> {
	const before = processesOf(run.marker);
	process.kill(run.top.child.pid ?? 0, signal);
	return await leftovers(run, before);
}

beforeAll(async () => {
	// The queue CLI runs from .build/ (npm run test:e2e builds the package, not the tooling).
	await runChecked('npm', ['run', 'build:tools'], { cwd: REPO_ROOT, env: nodeEnv() });
});

afterEach(async () => {
	for (const run of runs.splice(0)) {
		const left = processesOf(run.marker);
		await run.top.stop(0, 'SIGKILL');
		for (const { pid } of left) signal(pid, 'SIGKILL');
		fs.rmSync(run.tmp, { recursive: true, force: true });
	}
});

function signal(pid: number, sig: NodeJS.Signals): void {
	try {
		process.kill(pid, sig);
	} catch {
		// already gone
	}
}

describe(`a stopped command leaves nothing behind (n8n ${release.version})`, () => {
	test.each(['SIGTERM', 'SIGHUP'] as const)(
		'npm run demo, %s to the npm process',
		async (signal) => {
			const run = startRun('npm', ['run', 'demo'], {
				DEMO_N8N_VERSION: release.version,
				DEMO_PORT: String(await freePort()),
				DEMO_SANDBOX_PORT: String(await freePort()),
			});
			const [, editor] = await waitForOutput(run, /n8n editor:\s+(http:\/\/\S+?)\/home/);
			const [, sandbox] = await waitForOutput(run, /-> (http:\/\/127\.0\.0\.1:\d+)\/api/);
			await waitForOutput(run, /Press Ctrl-C/);
			expect(await answers(`${editor}/healthz`)).toBe(200);
			expect(await answers(`${sandbox}/__sandbox/requests`)).toBe(200);
			expect(processesOfRun(run.marker).length).toBeGreaterThanOrEqual(3); // sh, node, n8n

			expect(await stopAndCollectLeftovers(run, signal)).toEqual({ processes: [], files: [] });
		},
	);

	test.each(['SIGTERM', 'SIGHUP'] as const)(
		'the queue-mode topology (PostgreSQL, Redis, main, 2 workers, webhook), %s',
		async (signal) => {
			const run = startRun(process.execPath, [
				path.join(REPO_ROOT, '.build', 'scripts', 'n8n', 'queue', 'cli.js'),
				release.version,
			]);
			const [, main, webhook] = await waitForOutput(
				run,
				/Queue topology up: main (\S+), webhook (\S+),/,
			);
			expect(await answers(`${main}/healthz`)).toBe(200);
			expect(await answers(`${webhook}/healthz`)).toBe(200);
			const names = describeProcesses(processesOf(run.marker).map((proc) => proc.pid)).join('\n');
			expect(names).toMatch(/redis-server/);
			expect(names).toMatch(/postgres/);

			expect(await stopAndCollectLeftovers(run, signal)).toEqual({ processes: [], files: [] });
		},
	);

	test('after SIGKILL, the next command stops and removes what the killed one left, and says so', async () => {
		const killed = startRun(
			process.execPath,
			[path.join(REPO_ROOT, '.build', 'scripts', 'demo.js')],
			{
				DEMO_N8N_VERSION: release.version,
				DEMO_PORT: String(await freePort()),
				DEMO_SANDBOX_PORT: String(await freePort()),
			},
		);
		await waitForOutput(killed, /Press Ctrl-C/);
		const before = processesOf(killed.marker);
		killed.top.child.kill('SIGKILL');
		await killed.top.exited;
		expect(describeProcesses(stillRunning(killed, before)).join('\n')).toMatch(/n8n start/);

		// Any guarded command cleans up first: the sandbox, sharing the temp folder (and registry).
		const next = startRun(
			process.execPath,
			[path.join(REPO_ROOT, '.build', 'sandbox', 'cli.js'), '--port', '0'],
			{ TMPDIR: killed.tmp },
		);
		await waitForOutput(next, /listening on/);
		expect(next.output()).toMatch(
			new RegExp(
				`Cleaned up after an earlier run \\(process ${killed.top.child.pid}, gone\\): .*stopped n8n start`,
			),
		);
		expect(await leftovers(killed, before)).toEqual({ processes: [], files: [] });
		expect(await stopAndCollectLeftovers(next, 'SIGTERM')).toEqual({ processes: [], files: [] });
	});
});
