/** The example workflows in examples/ and the credentials they refer to by id. */
import * as fs from 'node:fs';
import * as path from 'node:path';

import type { CredentialFile, WorkflowFile } from './cli';
import { REPO_ROOT } from './paths';
import { sandboxCredential, type SandboxAccount } from './sandbox';

export const EXAMPLES_DIR = path.join(REPO_ROOT, 'examples');

/** The shared secret the bounce example's trigger expects, in the `token` query parameter. */
export const DEMO_WEBHOOK_SECRET = 'demo-webhook-secret-change-me-0123';

/** The bearer token MCP clients send to the MCP server example. */
export const DEMO_MCP_TOKEN = 'demo-mcp-token-change-me-4f1c9a7e2b';

export function loadExamples(): WorkflowFile[] {
	return fs
		.readdirSync(EXAMPLES_DIR)
		.filter((file) => file.endsWith('.json'))
		.sort()
		.map(
			(file) => JSON.parse(fs.readFileSync(path.join(EXAMPLES_DIR, file), 'utf8')) as WorkflowFile,
		);
}

export function exampleCredentials(account: SandboxAccount): CredentialFile[] {
	return [
		sandboxCredential(account),
		{
			id: 'mkDemoWebhookSecret',
			name: 'Mail Komplet webhook secret (demo)',
			type: 'mailKompletWebhookSecretApi',
			data: { location: 'query', queryParameterName: 'token', secret: DEMO_WEBHOOK_SECRET },
		},
		{
			id: 'mkDemoMcpBearer',
			name: 'Mail Komplet MCP token (demo)',
			type: 'httpBearerAuth',
			data: { token: DEMO_MCP_TOKEN },
		},
	];
}

/** Workflows started by a person (a manual trigger) rather than by a trigger that listens. */
export function isManual(workflow: WorkflowFile): boolean {
	return workflow.nodes.some((node) => node.type === 'n8n-nodes-base.manualTrigger');
}

export interface TriggerEndpoint {
	workflow: WorkflowFile;
	nodeName: string;
	/** Path below /webhook/: <webhookId>/<path of the trigger's webhook>. */
	path: string;
}

/** The Mail Komplet Trigger nodes of the examples and where they listen once active. */
export function triggerEndpoints(
	workflows: WorkflowFile[],
	webhookPath: string,
): TriggerEndpoint[] {
	return workflows.flatMap((workflow) =>
		workflow.nodes
			.filter((node) => node.type.endsWith('.mailKompletTrigger') && node.webhookId)
			.map((node) => ({ workflow, nodeName: node.name, path: `${node.webhookId}/${webhookPath}` })),
	);
}

export interface McpEndpoint {
	workflow: WorkflowFile;
	nodeName: string;
	/** The trigger's Path: the server listens at /mcp/<path> once the workflow is active. */
	path: string;
}

/** The MCP Server Trigger nodes of the examples. */
export function mcpEndpoints(workflows: WorkflowFile[]): McpEndpoint[] {
	return workflows.flatMap((workflow) =>
		workflow.nodes
			.filter((node) => node.type === '@n8n/n8n-nodes-langchain.mcpTrigger')
			.map((node) => ({ workflow, nodeName: node.name, path: String(node.parameters.path) })),
	);
}
