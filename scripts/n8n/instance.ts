import * as fs from 'node:fs';
import * as path from 'node:path';

import { ensureN8n, n8nBin } from './install';
import { installInto } from './package';
import { ARTIFACTS_DIR } from './paths';
import { freePort } from './ports';
import {
	ownedTempDir,
	removeOwnedDir,
	run,
	sleep,
	spawnOwned,
	type OwnedProcess,
	type RunResult,
} from './process';
import { nodeEnv } from './runtime';
import { majorOf, type N8nRelease } from './versions';

/** What `n8n <command>` start() runs: the main server, or a queue-mode worker or webhook processor. */
export type N8nCommand = 'start' | 'worker' | 'webhook';

export interface N8nOptions {
	release: N8nRelease;
	/** Default `start`. A worker serves its health check on `port`. */
	command?: N8nCommand;
	/** Extra arguments for the command (e.g. `--concurrency=5` for a worker). */
	args?: string[];
	/** Names the log file: artifacts/logs/n8n-<label>-<version>.log */
	label?: string;
	/** Port for the editor, REST API and webhooks (default: a free one). */
	port?: number;
	env?: NodeJS.ProcessEnv;
}

/** One real n8n: its own user folder (database, settings, community packages), ports and log. */
export class N8nInstance {
	readonly baseUrl: string;
	private server?: OwnedProcess;

	private constructor(
		readonly release: N8nRelease,
		readonly userFolder: string,
		readonly port: number,
		readonly logFile: string,
		private readonly extraEnv: NodeJS.ProcessEnv,
		readonly command: N8nCommand = 'start',
		private readonly args: string[] = [],
	) {
		this.baseUrl = `http://127.0.0.1:${port}`;
	}

	static async create(options: N8nOptions): Promise<N8nInstance> {
		await ensureN8n(options.release);
		const userFolder = ownedTempDir(`mk-n8n-${options.release.version}-`);
		await installInto(userFolder);
		const logDir = path.join(ARTIFACTS_DIR, 'logs');
		fs.mkdirSync(logDir, { recursive: true });
		const logFile = path.join(
			logDir,
			`n8n-${options.label ?? 'run'}-${options.release.version}.log`,
		);
		fs.writeFileSync(logFile, '');
		const port = options.port ?? (await freePort());
		return new N8nInstance(
			options.release,
			userFolder,
			port,
			logFile,
			options.env ?? {},
			options.command,
			options.args,
		);
	}

	private get tmpDir(): string {
		const dir = path.join(this.userFolder, 'tmp');
		fs.mkdirSync(dir, { recursive: true });
		return dir;
	}

	get major(): number {
		return majorOf(this.release);
	}

	get webhookUrl(): string {
		return `${this.baseUrl}/webhook`;
	}

	/** Environment for every n8n process of this instance; each process gets its own broker port. */
	private async env(): Promise<NodeJS.ProcessEnv> {
		return nodeEnv({
			N8N_USER_FOLDER: this.userFolder,
			// n8n's own temporary files (data table uploads, ...) go with the user folder.
			TMPDIR: this.tmpDir,
			N8N_PORT: String(this.port),
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_HOST: '127.0.0.1',
			N8N_PROTOCOL: 'http',
			WEBHOOK_URL: `${this.baseUrl}/`,
			N8N_EDITOR_BASE_URL: `${this.baseUrl}/`,
			// Two n8n processes (a server and a CLI command) would otherwise both bind 5679.
			N8N_RUNNERS_BROKER_PORT: String(await freePort()),
			N8N_RUNNERS_ENABLED: 'true',
			N8N_ENCRYPTION_KEY: 'mail-komplet-e2e-encryption-key',
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_HIRING_BANNER_ENABLED: 'false',
			N8N_SECURE_COOKIE: 'false',
			N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
			N8N_LOG_OUTPUT: 'console',
			N8N_LOG_LEVEL: 'info',
			// The sandbox runs on 127.0.0.1; newer n8n blocks private addresses for some requests.
			N8N_SSRF_PROTECTION_ENABLED: 'false',
			N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
			NODE_ENV: 'production',
			// A worker has no web server; this is how start() sees it ready.
			...(this.command === 'worker'
				? { QUEUE_HEALTH_CHECK_ACTIVE: 'true', QUEUE_HEALTH_CHECK_PORT: String(this.port) }
				: {}),
			...this.extraEnv,
		});
	}

	/** Runs an n8n CLI command (import:workflow, execute, ...) against this instance's user folder. */
	async cli(args: string[], timeoutMs = 180_000): Promise<RunResult> {
		const result = await run(process.execPath, [n8nBin(this.release), ...args], {
			name: `n8n ${args[0]}`,
			env: await this.env(),
			timeoutMs,
		});
		fs.appendFileSync(
			this.logFile,
			`\n$ n8n ${args.join(' ')} (exit ${result.code})\n${result.stdout}${result.stderr}`,
		);
		return result;
	}

	/** Like cli(), but throws on a non-zero exit. */
	async cliChecked(args: string[], timeoutMs?: number): Promise<RunResult> {
		const result = await this.cli(args, timeoutMs);
		if (result.code !== 0) {
			throw new Error(
				`n8n ${args.join(' ')} exited with ${result.code}:\n${(result.stdout + result.stderr).slice(-3000)}`,
			);
		}
		return result;
	}

	/** Starts `n8n start` (or the command chosen) and resolves once n8n reports itself ready (database migrated, server up). */
	async start(timeoutMs = 120_000): Promise<void> {
		if (this.server) throw new Error('already started');
		const log = fs.openSync(this.logFile, 'a');
		// Own process group: stop() also ends the task runners n8n spawns.
		this.server = spawnOwned(process.execPath, [n8nBin(this.release), this.command, ...this.args], {
			name: `n8n ${this.command}`,
			env: await this.env(),
			stdio: ['ignore', log, log],
		});
		fs.closeSync(log);
		const { child } = this.server;
		const deadline = Date.now() + timeoutMs;
		// /healthz answers during migrations; /healthz/readiness once migrated, but 1.x registers
		// its REST routes later still, so the public settings endpoint is waited for too.
		const ready = async () =>
			(await this.answers('/healthz/readiness')) &&
			(this.command !== 'start' || (await this.answers('/rest/settings')));
		while (!(await ready())) {
			if (child.exitCode !== null)
				throw new Error(`n8n exited with ${child.exitCode}; see ${this.logFile}`);
			if (Date.now() > deadline)
				throw new Error(`n8n did not start within ${timeoutMs} ms; see ${this.logFile}`);
			await sleep(500);
		}
	}

	private async answers(urlPath: string): Promise<boolean> {
		try {
			const response = await fetch(this.baseUrl + urlPath, { signal: AbortSignal.timeout(2000) });
			// While starting up, n8n answers other paths with a 200 text page.
			return (
				response.ok && (response.headers.get('content-type') ?? '').includes('application/json')
			);
		} catch {
			return false;
		}
	}

	/**
	 * Waits until a production webhook listens (activation finishes a few seconds after start).
	 * n8n 2.x answers OPTIONS with 204 even for webhooks not registered yet, so the default probe
	 * is an empty POST, which the Mail Komplet Trigger refuses (400/401) without starting the
	 * workflow, and which n8n answers 404 while the webhook is unknown. Webhooks that would run on
	 * any POST (n8n's own Webhook node) use the OPTIONS probe.
	 */
	async waitForWebhook(
		webhookPath: string,
		{ probe = 'post', timeoutMs = 60_000 }: { probe?: 'post' | 'options'; timeoutMs?: number } = {},
	): Promise<string> {
		const url = `${this.webhookUrl}/${webhookPath.replace(/^\//, '')}`;
		const deadline = Date.now() + timeoutMs;
		const request: RequestInit =
			probe === 'post'
				? { method: 'POST', body: '', headers: { 'content-type': 'text/plain' } }
				: { method: 'OPTIONS' };
		for (;;) {
			const status = await fetch(url, { ...request, signal: AbortSignal.timeout(2000) })
				.then((response) => response.status)
				.catch(() => 0);
			const ready = probe === 'post' ? status > 0 && status !== 404 : status > 0 && status < 400;
			if (ready) return url;
			if (Date.now() > deadline)
				throw new Error(
					`webhook ${url} not registered within ${timeoutMs} ms; see ${this.logFile}`,
				);
			await sleep(500);
		}
	}

	/** Stops the server and its task runners (SIGTERM, then SIGKILL after a grace period). */
	async stop(graceMs = 15_000, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
		await this.server?.stop(graceMs, signal);
		this.server = undefined;
	}

	/** Kills the server at once (SIGKILL to its process group), as a crash would; start() may follow. */
	async kill(): Promise<void> {
		await this.stop(0, 'SIGKILL');
	}

	/** The server log (and CLI output) so far. */
	log(): string {
		return fs.readFileSync(this.logFile, 'utf8');
	}

	async dispose(): Promise<void> {
		await this.stop();
		// E2E_KEEP_USER_FOLDERS=1 keeps the database and settings for a look after a failure.
		removeOwnedDir(this.userFolder, !!process.env.E2E_KEEP_USER_FOLDERS);
	}
}
