/** Workflows and helpers of the queue-mode suite (e2e/queue.test.ts). */
import type { INode, INodeParameters } from 'n8n-workflow';

import type { WorkflowFile } from '../../scripts/n8n/cli';
import { sleep } from '../../scripts/n8n/process';
import { SANDBOX_CREDENTIAL } from '../../scripts/n8n/sandbox';
import { nodeType } from '../../scripts/n8n/package-contents';
import { MANUAL_TRIGGER, stableId, TRIGGER_NODE, triggerWorkflow } from './workflows';

export const WEBHOOK_NODE = 'Webhook';

function uuid(seed: string): string {
	const hex = stableId(seed, 32);
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** n8n's own Webhook node (POST, answers once the execution is queued), named WEBHOOK_NODE. */
export function webhookNode(path: string, position: [number, number] = [0, 0]): INode {
	return {
		id: uuid(`webhook/${path}`),
		name: WEBHOOK_NODE,
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		position,
		webhookId: uuid(`webhookId/${path}`),
		parameters: { httpMethod: 'POST', path, responseMode: 'onReceived', options: {} },
	};
}

/**
 * A chain workflow (support/workflows.ts) started by a production webhook instead of the manual
 * trigger: in queue mode a production execution runs on a worker, a manual one on main.
 */
export function startedByWebhook(workflow: WorkflowFile, path: string): WorkflowFile {
	const { [MANUAL_TRIGGER]: fromTrigger, ...connections } = workflow.connections;
	return {
		...workflow,
		nodes: workflow.nodes.map((node) => (node.name === MANUAL_TRIGGER ? webhookNode(path) : node)),
		connections: { ...connections, [WEBHOOK_NODE]: fromTrigger },
	};
}

/**
 * Webhook -> Split Out (body.contacts) -> Contact > Bulk Import with its defaults: each item's
 * fields are a contact, Wait for Completion on.
 */
export function bulkImportWorkflow(path: string, mailingListId: string): WorkflowFile {
	const name = 'E2E queue bulk import';
	const nodes: INode[] = [
		webhookNode(path),
		{
			id: uuid(`${name}/split`),
			name: 'Split Out',
			type: 'n8n-nodes-base.splitOut',
			typeVersion: 1,
			position: [220, 0],
			parameters: { fieldToSplitOut: 'body.contacts', options: {} },
		},
		{
			id: uuid(`${name}/import`),
			name: 'Bulk Import',
			type: nodeType('mailKomplet'),
			typeVersion: 1,
			position: [440, 0],
			parameters: {
				resource: 'contact',
				operation: 'bulkImport',
				mailingListIds: [mailingListId],
			},
			credentials: {
				mailKompletApi: { id: SANDBOX_CREDENTIAL.id, name: SANDBOX_CREDENTIAL.name },
			},
		},
	];
	return {
		id: stableId(`workflow/${name}`),
		name,
		nodes,
		connections: {
			[WEBHOOK_NODE]: { main: [[{ node: 'Split Out', type: 'main', index: 0 }]] },
			'Split Out': { main: [[{ node: 'Bulk Import', type: 'main', index: 0 }]] },
		},
		settings: {},
	};
}

/** The Mail Komplet Trigger workflow with the trigger at a given typeVersion. */
export function queueTriggerWorkflow(
	name: string,
	webhookId: string,
	parameters: INodeParameters,
	credentials: INode['credentials'],
	typeVersion: number,
): WorkflowFile {
	const workflow = triggerWorkflow(name, webhookId, parameters, credentials);
	return {
		...workflow,
		nodes: workflow.nodes.map((node) =>
			node.name === TRIGGER_NODE ? { ...node, typeVersion } : node,
		),
	};
}

/**
 * POSTs JSON and returns the status. A webhook the webhook processor does not know yet answers
 * 404 and starts nothing, so a 404 is retried until `timeoutMs`.
 */
export async function postJson(url: string, body: unknown, timeoutMs = 30_000): Promise<number> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const response = await fetch(url, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(body),
		});
		await response.arrayBuffer();
		if (response.status !== 404 || Date.now() > deadline) return response.status;
		await sleep(500);
	}
}

export interface Answer {
	index: number;
	/** HTTP status, 0 when no answer came (connection refused or reset). */
	status: number;
}

/**
 * POSTs each body to `url`, `concurrency` at a time; `onAnswer` runs after every answer (e.g. to
 * inject a fault at the right moment).
 */
export async function postConcurrently(
	url: string,
	bodies: unknown[],
	concurrency: number,
	onAnswer: (answered: number) => void = () => {},
): Promise<Answer[]> {
	const answers: Answer[] = [];
	let next = 0;
	const sender = async () => {
		while (next < bodies.length) {
			const index = next++;
			const status = await fetch(url, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify(bodies[index]),
				signal: AbortSignal.timeout(30_000),
			})
				.then(async (response) => {
					await response.arrayBuffer();
					return response.status;
				})
				.catch(() => 0);
			answers.push({ index, status });
			onAnswer(answers.length);
		}
	};
	await Promise.all(Array.from({ length: concurrency }, sender));
	return answers.sort((a, b) => a.index - b.index);
}
