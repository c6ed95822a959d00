/** Per-describe setup shared by the suites: a sandbox and one n8n of a given release. */
import { afterAll, beforeAll } from '@jest/globals';

import { N8nInstance, type N8nOptions } from '../../scripts/n8n/instance';
import { launchSandbox, type RunningSandbox } from '../../scripts/n8n/sandbox';

export interface Environment {
	sandbox: RunningSandbox;
	n8n: N8nInstance;
}

/**
 * Registers beforeAll/afterAll that start a seeded sandbox and prepare (not start) an n8n with
 * the package installed. Returns a getter because the values exist only once beforeAll ran.
 */
export function useEnvironment(options: N8nOptions): () => Environment {
	let environment: Environment | undefined;
	beforeAll(async () => {
		const sandbox = await launchSandbox({ seed: 'demo' });
		try {
			environment = { sandbox, n8n: await N8nInstance.create(options) };
		} catch (error) {
			await sandbox.close();
			throw error;
		}
	});
	afterAll(async () => {
		await environment?.n8n.dispose();
		await environment?.sandbox.close();
	});
	return () => {
		if (!environment) throw new Error('environment not set up (beforeAll failed?)');
		return environment;
	};
}
