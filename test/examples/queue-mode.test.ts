/**
 * examples/queue-mode, checked as files: no Docker engine runs on the machines this project is
 * tested on. The compose file is the topology the end-to-end suite runs for real (main, workers,
 * a webhook processor, PostgreSQL, Redis), the Dockerfile puts the package into n8n's image.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { parse } from 'yaml';

import { REPO_ROOT } from '../../scripts/n8n/paths';
import { DEFAULT_RELEASE } from '../../scripts/n8n/versions';

const dir = path.join(REPO_ROOT, 'examples', 'queue-mode');
const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
	version: string;
};

interface Service {
	image?: string;
	build?: { context: string; args?: Record<string, string> };
	command?: string | string[];
	environment?: Record<string, string>;
	depends_on?: Record<string, { condition: string }>;
	healthcheck?: { test: string[] };
	deploy?: { replicas?: number };
}

// Docker compose resolves YAML merge keys (`<<: *anchor`); so does this parse.
const compose = parse(fs.readFileSync(path.join(dir, 'docker-compose.yml'), 'utf8'), {
	merge: true,
}) as { services: Record<string, Service> };
const services = compose.services;
const n8nServices = Object.entries(services).filter(([, service]) => service.build);

describe('docker-compose.yml', () => {
	test('runs main, workers and a webhook processor next to PostgreSQL and Redis', () => {
		expect(Object.keys(services).sort()).toEqual([
			'n8n-main',
			'n8n-webhook',
			'n8n-worker',
			'postgres',
			'redis',
		]);
		expect(n8nServices.map(([, service]) => service.command).sort()).toEqual([
			'start',
			'webhook',
			'worker',
		]);
		expect(services['n8n-worker'].deploy?.replicas).toBeGreaterThanOrEqual(2);
	});

	test('builds every n8n process from one image with the same n8n and package versions', () => {
		for (const [, service] of n8nServices) {
			expect(service.build).toEqual({
				context: '.',
				args: { N8N_VERSION: DEFAULT_RELEASE.version, PACKAGE_VERSION: manifest.version },
			});
			expect(service.image).toBe(`n8n-mail-komplet:${DEFAULT_RELEASE.version}`);
		}
	});

	test('gives every n8n process queue mode, the shared database and queue, and one encryption key', () => {
		for (const [name, service] of n8nServices) {
			expect({ name, ...service.environment }).toMatchObject({
				name,
				EXECUTIONS_MODE: 'queue',
				DB_TYPE: 'postgresdb',
				DB_POSTGRESDB_HOST: 'postgres',
				QUEUE_BULL_REDIS_HOST: 'redis',
				N8N_ENCRYPTION_KEY: expect.stringContaining('N8N_ENCRYPTION_KEY'),
			});
		}
	});

	test('starts every n8n process only once PostgreSQL and Redis report healthy', () => {
		expect(services.postgres.healthcheck?.test).toEqual(
			expect.arrayContaining([expect.stringContaining('pg_isready')]),
		);
		expect(services.redis.healthcheck?.test).toEqual(expect.arrayContaining(['redis-cli', 'ping']));
		for (const [name, service] of n8nServices) {
			expect({ name, ...service.depends_on }).toMatchObject({
				name,
				postgres: { condition: 'service_healthy' },
				redis: { condition: 'service_healthy' },
			});
		}
	});

	test('has workers run every execution, and webhook processors take every production webhook', () => {
		expect(services['n8n-main'].environment).toMatchObject({
			OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
			N8N_DISABLE_PRODUCTION_MAIN_PROCESS: 'true',
		});
	});
});

describe('Dockerfile', () => {
	const dockerfile = fs.readFileSync(path.join(dir, 'Dockerfile'), 'utf8');
	// Instructions with their continuation lines joined, comments left out.
	const instructions = dockerfile
		.replace(/\\\n/g, ' ')
		.split('\n')
		.filter((line) => line.trim() && !line.startsWith('#'));

	test("builds on n8n's official image at the version compose passes", () => {
		expect(instructions).toContain('ARG N8N_VERSION=' + DEFAULT_RELEASE.version);
		expect(instructions).toContain('FROM docker.n8n.io/n8nio/n8n:${N8N_VERSION}');
	});

	test('installs only the package: no dev dependencies and no peer n8n-workflow', () => {
		const [install] = instructions.filter((line) => line.includes('npm install'));
		expect(install).toMatch(/--omit=dev\b/);
		expect(install).toMatch(/--omit=peer\b/);
		expect(install).toContain('"n8n-nodes-mail-komplet@${PACKAGE_VERSION}"');
	});

	test("copies it into the folder n8n loads community packages from, owned by n8n's user", () => {
		expect(instructions).toContain(
			'COPY --from=package --chown=node:node /nodes /home/node/.n8n/nodes',
		);
	});
});
