/**
 * n8n in queue mode, as docs/running-at-scale.md tells users to run it: PostgreSQL,
 * Redis, one main process (editor, REST API, activation; no production webhooks), workers that
 * run the executions and one webhook processor that takes the production webhook calls. Every
 * n8n process has its own user folder with the package installed in its nodes folder, and all
 * share one encryption key. Logs go to artifacts/logs/.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { importWorkflows, type WorkflowFile } from '../cli';
import { ensureN8n } from '../install';
import { N8nInstance } from '../instance';
import { ARTIFACTS_DIR } from '../paths';
import { freePort } from '../ports';
import { N8nRest } from '../rest';
import type { N8nRelease } from '../versions';
import { startPostgres, startRedis, type Postgres, type Redis } from './services';

export interface QueueTopologyOptions {
	release: N8nRelease;
	/** Names the log files: artifacts/logs/n8n-<label>-main-<version>.log, ... */
	label: string;
	workers?: number;
	/** Extra environment for every n8n process. */
	env?: NodeJS.ProcessEnv;
}

/** Processes of the topology by name: main, worker-1, worker-2, ..., webhook. */
export type ProcessName = string;

export class QueueTopology {
	private constructor(
		readonly release: N8nRelease,
		readonly postgres: Postgres,
		readonly redis: Redis,
		readonly main: N8nInstance,
		readonly workers: N8nInstance[],
		readonly webhook: N8nInstance,
	) {}

	/**
	 * Starts PostgreSQL and Redis and prepares (does not start) the n8n processes; import
	 * credentials through `main.cli` before start().
	 */
	static async create(options: QueueTopologyOptions): Promise<QueueTopology> {
		const { release, label } = options;
		// Before any server starts: a first install takes minutes and may be interrupted.
		await ensureN8n(release);
		const logDir = path.join(ARTIFACTS_DIR, 'logs');
		fs.mkdirSync(logDir, { recursive: true });
		const postgres = await startPostgres(
			path.join(logDir, `postgres-${label}-${release.version}.log`),
		);
		let redis: Redis | undefined;
		const prepared: N8nInstance[] = [];
		try {
			redis = await startRedis(path.join(logDir, `redis-${label}-${release.version}.log`));
			const webhookPort = await freePort();
			const mainPort = await freePort();
			const env = queueEnv(postgres, redis, {
				WEBHOOK_URL: `http://127.0.0.1:${webhookPort}/`,
				N8N_EDITOR_BASE_URL: `http://127.0.0.1:${mainPort}/`,
				...options.env,
			});
			const create = async (
				name: string,
				command: 'start' | 'worker' | 'webhook',
				extra: NodeJS.ProcessEnv = {},
				port?: number,
			) => {
				const instance = await N8nInstance.create({
					release,
					label: `${label}-${name}`,
					command,
					port,
					env: { ...env, ...extra },
				});
				prepared.push(instance);
				return instance;
			};
			// Production webhooks only on the webhook processor.
			const main = await create(
				'main',
				'start',
				{ N8N_DISABLE_PRODUCTION_MAIN_PROCESS: 'true' },
				mainPort,
			);
			const workers: N8nInstance[] = [];
			for (let i = 1; i <= (options.workers ?? 2); i++)
				workers.push(await create(`worker-${i}`, 'worker'));
			const webhook = await create('webhook', 'webhook', {}, webhookPort);
			return new QueueTopology(release, postgres, redis, main, workers, webhook);
		} catch (error) {
			await Promise.allSettled(prepared.map((instance) => instance.dispose()));
			await redis?.stop();
			await postgres.stop();
			throw error;
		}
	}

	/** Every n8n process with its name. */
	processes(): Array<{ name: ProcessName; instance: N8nInstance }> {
		return [
			{ name: 'main', instance: this.main },
			...this.workers.map((instance, i) => ({ name: `worker-${i + 1}`, instance })),
			{ name: 'webhook', instance: this.webhook },
		];
	}

	/**
	 * Imports the workflows as active, starts main (it migrates the database and registers the
	 * active workflows' webhooks for the webhook processor), then the workers and the webhook
	 * processor at once.
	 *
	 * n8n 1.x activates on import (`--activeState=fromJson`, queue mode only). n8n 2.40's import
	 * refuses to activate before an owner exists ("User attempted to activate a workflow without
	 * permissions"), so 2.x imports them inactive and main activates them once the owner is set up.
	 */
	async start(activeWorkflows: WorkflowFile[] = []): Promise<void> {
		if (this.main.major < 2) {
			const file = path.join(this.main.userFolder, `import-active-${Date.now()}.json`);
			fs.writeFileSync(file, JSON.stringify(activeWorkflows.map((w) => ({ ...w, active: true }))));
			await this.main.cliChecked(['import:workflow', `--input=${file}`, '--activeState=fromJson']);
		} else if (activeWorkflows.length) {
			await importWorkflows(this.main, activeWorkflows);
		}
		await this.main.start();
		if (this.main.major >= 2 && activeWorkflows.length) {
			const rest = new N8nRest(this.main.baseUrl);
			await rest.signIn();
			for (const { id } of activeWorkflows) {
				const { versionId } = await rest.request<{ versionId: string }>(
					'GET',
					`/rest/workflows/${id}`,
				);
				await rest.request('POST', `/rest/workflows/${id}/activate`, { versionId });
			}
		}
		await Promise.all([...this.workers, this.webhook].map((instance) => instance.start()));
	}

	/**
	 * Which worker ran each execution, from the workers' logs ("Worker started execution <id>"):
	 * execution id to worker name(s), in the order they started it.
	 */
	executionsByWorker(): Map<string, ProcessName[]> {
		const ranBy = new Map<string, ProcessName[]>();
		this.processes()
			.filter(({ instance }) => instance.command === 'worker')
			.forEach(({ name, instance }) => {
				for (const id of startedExecutions(instance.log()))
					ranBy.set(id, [...(ranBy.get(id) ?? []), name]);
			});
		return ranBy;
	}

	/** Stops every process, also after a failed start, and deletes the database and Redis. */
	async dispose(): Promise<void> {
		await Promise.allSettled(this.processes().map(({ instance }) => instance.dispose()));
		await Promise.allSettled([this.redis.stop(), this.postgres.stop()]);
	}
}

/** Execution ids a worker's log says it started, in order. */
export function startedExecutions(log: string): string[] {
	return [...log.matchAll(/Worker started execution (\d+)/g)].map((match) => match[1]);
}

/** Execution ids a worker's log says it finished. */
export function finishedExecutions(log: string): string[] {
	return [...log.matchAll(/Worker finished execution (\d+)/g)].map((match) => match[1]);
}

/** Execution ids a worker's log says it started and has not finished. */
export function executionsInFlight(log: string): string[] {
	const finished = new Set(finishedExecutions(log));
	return startedExecutions(log).filter((id) => !finished.has(id));
}

/** The environment every process of the topology shares (docs/running-at-scale.md). */
function queueEnv(postgres: Postgres, redis: Redis, extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
	return {
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: redis.host,
		QUEUE_BULL_REDIS_PORT: String(redis.port),
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: postgres.host,
		DB_POSTGRESDB_PORT: String(postgres.port),
		DB_POSTGRESDB_DATABASE: postgres.database,
		DB_POSTGRESDB_USER: postgres.user,
		DB_POSTGRESDB_PASSWORD: '',
		...extra,
	};
}
