/**
 * The example workflows in examples/, as users import them (no credentials, no IDs of anyone's
 * account), and the same workflows with the sandbox's credentials and IDs filled in, as the demo
 * and the suite import them.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import type { INode, INodeCredentials } from 'n8n-workflow';

import type { CredentialFile, WorkflowFile } from './cli';
import { REPO_ROOT } from './paths';
import {
	SANDBOX_CREDENTIAL,
	sandboxCredential,
	type RunningSandbox,
	type SandboxAccount,
} from './sandbox';

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

const WEBHOOK_SECRET_CREDENTIAL = {
	id: 'mkDemoWebhookSecret',
	name: 'Mail Komplet webhook secret (demo)',
	type: 'mailKompletWebhookSecretApi',
} as const;

const MCP_BEARER_CREDENTIAL = {
	id: 'mkDemoMcpBearer',
	name: 'Mail Komplet MCP token (demo)',
	type: 'httpBearerAuth',
} as const;

export function exampleCredentials(account: SandboxAccount): CredentialFile[] {
	return [
		sandboxCredential(account),
		{
			...WEBHOOK_SECRET_CREDENTIAL,
			data: { location: 'query', queryParameterName: 'token', secret: DEMO_WEBHOOK_SECRET },
		},
		{ ...MCP_BEARER_CREDENTIAL, data: { token: DEMO_MCP_TOKEN } },
	];
}

/** The sandbox's IDs the examples leave for the user to choose. */
export interface SandboxIds {
	/** The list the contacts example adds to (the demo seed's newsletter). */
	mailingListId: number;
}

/** The credential a node of the examples uses, by its type and authentication. */
function credentialsOf(node: INode): INodeCredentials | undefined {
	const ref = ({ id, name }: { id: string; name: string }) => ({ id, name });
	if (node.type.endsWith('.mailKomplet') || node.type.endsWith('.mailKompletTool'))
		return { [SANDBOX_CREDENTIAL.type]: ref(SANDBOX_CREDENTIAL) };
	if (
		node.type.endsWith('.mailKompletTrigger') &&
		node.parameters.authentication === 'sharedSecret'
	)
		return { [WEBHOOK_SECRET_CREDENTIAL.type]: ref(WEBHOOK_SECRET_CREDENTIAL) };
	if (
		node.type === '@n8n/n8n-nodes-langchain.mcpTrigger' &&
		node.parameters.authentication === 'bearerAuth'
	)
		return { [MCP_BEARER_CREDENTIAL.type]: ref(MCP_BEARER_CREDENTIAL) };
	return undefined;
}

/** An example as the demo imports it: the sandbox's credentials on every node, its list chosen. */
export function withSandboxIds(workflow: WorkflowFile, ids: SandboxIds): WorkflowFile {
	const nodes = workflow.nodes.map((node) => {
		const credentials = credentialsOf(node);
		const fields = node.parameters.additionalFields as Record<string, unknown> | undefined;
		const listLeftEmpty =
			Array.isArray(fields?.mailingListIds) && fields.mailingListIds.length === 0;
		const parameters = listLeftEmpty
			? {
					...node.parameters,
					additionalFields: { ...fields, mailingListIds: [String(ids.mailingListId)] },
				}
			: node.parameters;
		return { ...node, parameters, ...(credentials && { credentials }) };
	});
	return { ...workflow, nodes };
}

/** The IDs of a sandbox seeded with 'demo' (a reset to 'demo' numbers its records the same). */
export function demoSandboxIds({ sandbox }: RunningSandbox): SandboxIds {
	const [newsletter] = sandbox.store.mailingLists.rows;
	return { mailingListId: newsletter.mailingListId };
}

/** The examples with the sandbox's credentials and IDs, as the demo and the suite import them. */
export function sandboxExamples(ids: SandboxIds): WorkflowFile[] {
	return loadExamples().map((workflow) => withSandboxIds(workflow, ids));
}

/** Workflows started by a person (a manual trigger) rather than by a trigger that listens. */
export function isManual(workflow: WorkflowFile): boolean {
	return workflow.nodes.some((node) => node.type === 'n8n-nodes-base.manualTrigger');
}

/** Workflows whose trigger's output is pinned: "Execute workflow" runs them with that data. */
export function hasPinnedTrigger(workflow: WorkflowFile): boolean {
	return Object.keys(workflow.pinData ?? {}).length > 0;
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
