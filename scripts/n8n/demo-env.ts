/**
 * The demo's world: a seeded sandbox, a real n8n with this package, the example workflows and
 * their credentials, an owner account. Used by `npm run demo` and the README screenshot script.
 */
import { createServer } from 'node:net';

import { activateWorkflow, importCredentials, importWorkflows, type WorkflowFile } from './cli';
import {
	DEMO_MCP_TOKEN,
	demoSandboxIds,
	exampleCredentials,
	mcpEndpoints,
	sandboxExamples,
	triggerEndpoints,
	type McpEndpoint,
	type TriggerEndpoint,
} from './examples';
import { N8nInstance } from './instance';
import { connectMcp, mcpUrl } from './mcp';
import { triggerWebhookPath } from './package-contents';
import { freePort } from './ports';
import { N8nRest } from './rest';
import { launchSandbox, type RunningSandbox } from './sandbox';
import type { N8nRelease } from './versions';

export interface DemoOptions {
	release: N8nRelease;
	/** Preferred ports; a free one is used when taken. */
	n8nPort?: number;
	sandboxPort?: number;
	label?: string;
	log?: (line: string) => void;
}

export interface Demo {
	n8n: N8nInstance;
	sandbox: RunningSandbox;
	examples: WorkflowFile[];
	triggers: TriggerEndpoint[];
	/** Active MCP servers, with the names of the tools a client listed on them. */
	mcpServers: Array<McpEndpoint & { url: string; tools: string[] }>;
	stop(): Promise<void>;
}

/** `port` when nothing listens on it, otherwise a free one. */
async function portOr(port: number | undefined): Promise<number> {
	if (!port) return await freePort();
	const free = await new Promise<boolean>((resolve) => {
		const probe = createServer().once('error', () => resolve(false));
		probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
	});
	return free ? port : await freePort();
}

export async function startDemo(options: DemoOptions): Promise<Demo> {
	const log = options.log ?? (() => undefined);
	let sandbox: RunningSandbox | undefined;
	let n8n: N8nInstance | undefined;
	const stop = async () => {
		await n8n?.dispose();
		await sandbox?.close();
	};
	try {
		log(
			`Preparing n8n ${options.release.version} (installed into .n8n-cache/ on the first run only)`,
		);
		n8n = await N8nInstance.create({
			release: options.release,
			label: options.label ?? 'demo',
			port: await portOr(options.n8nPort),
		});
		sandbox = await launchSandbox({ port: await portOr(options.sandboxPort), seed: 'demo' });
		log(`Mail Komplet sandbox with sample data on ${sandbox.client.account.baseUrl}`);

		const examples = sandboxExamples(demoSandboxIds(sandbox));
		await importCredentials(n8n, exampleCredentials(sandbox.client.account));
		await importWorkflows(n8n, examples);
		const triggers = triggerEndpoints(examples, triggerWebhookPath());
		const mcpServers = mcpEndpoints(examples);
		for (const workflow of new Set([...triggers, ...mcpServers].map((t) => t.workflow)))
			await activateWorkflow(n8n, workflow.id);
		log(`Imported ${examples.length} example workflows and the sandbox credential`);

		await n8n.start();
		await new N8nRest(n8n.baseUrl).signIn();
		for (const trigger of triggers) await n8n.waitForWebhook(trigger.path);
		// Listing the tools as a client would proves the printed URL works.
		const servers: Demo['mcpServers'] = [];
		for (const server of mcpServers) {
			const url = mcpUrl(n8n.baseUrl, server.path);
			const mcp = await connectMcp(url, { token: DEMO_MCP_TOKEN });
			const { tools } = await mcp.client.listTools();
			await mcp.close();
			servers.push({ ...server, url, tools: tools.map((tool) => tool.name) });
		}
		return { n8n, sandbox, examples, triggers, mcpServers: servers, stop };
	} catch (error) {
		if (n8n) log(`n8n's log: ${n8n.logFile}`);
		await stop();
		throw error;
	}
}
