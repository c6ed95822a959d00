/** Builds the workflows the suite imports into n8n, from small descriptions. */
import { createHash } from 'node:crypto';

import type { INode, INodeParameters } from 'n8n-workflow';

import type { WorkflowFile } from '../../scripts/n8n/cli';
import { SANDBOX_CREDENTIAL } from '../../scripts/n8n/sandbox';
import { nodeType } from '../../scripts/n8n/package-contents';

/** Stable ids make failures reproducible (n8n wants a UUID per node and a 16-char workflow id). */
export function stableId(seed: string, length = 16): string {
	return createHash('sha256').update(seed).digest('hex').slice(0, length);
}

export function uuid(seed: string): string {
	const hex = stableId(seed, 32);
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export const MANUAL_TRIGGER = 'When clicking Execute';

/** One Mail Komplet node of a chain. */
export interface ChainStep {
	/** Node name, unique in the workflow; later steps refer to it in expressions: $('name'). */
	name: string;
	resource: string;
	operation: string;
	parameters?: INodeParameters;
}

/**
 * A manual trigger followed by Mail Komplet nodes in a row. Each node runs once whatever the
 * item count (executeOnce) and passes an item on even when empty, so every step runs.
 */
export function chainWorkflow(name: string, steps: ChainStep[]): WorkflowFile {
	const trigger: INode = {
		id: uuid(`${name}/trigger`),
		name: MANUAL_TRIGGER,
		type: 'n8n-nodes-base.manualTrigger',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
	const nodes: INode[] = [
		trigger,
		...steps.map(
			(step, index): INode => ({
				id: uuid(`${name}/${step.name}`),
				name: step.name,
				type: nodeType('mailKomplet'),
				typeVersion: 1,
				position: [220 * (index + 1), 0],
				parameters: { resource: step.resource, operation: step.operation, ...step.parameters },
				credentials: {
					mailKompletApi: { id: SANDBOX_CREDENTIAL.id, name: SANDBOX_CREDENTIAL.name },
				},
				executeOnce: true,
				alwaysOutputData: true,
			}),
		),
	];
	return {
		id: stableId(`workflow/${name}`),
		name,
		nodes,
		connections: linear(nodes.map((node) => node.name)),
		settings: {},
	};
}

export const UPSERT_NODE = 'Create or Update';

/**
 * A manual trigger, a Code node giving one item per address in `emails`, and a Contact > Create
 * or Update node with these Retries and Timeout (and node settings such as onError).
 */
export function upsertWorkflow(
	name: string,
	emails: string[],
	requestOptions: INodeParameters,
	settings: Partial<INode> = {},
): WorkflowFile {
	const node = (
		nodeName: string,
		type: string,
		typeVersion: number,
		parameters: INodeParameters,
	) => ({
		id: uuid(`${name}/${nodeName}`),
		name: nodeName,
		type,
		typeVersion,
		position: [0, 0] as [number, number],
		parameters,
	});
	const nodes: INode[] = [
		node(MANUAL_TRIGGER, 'n8n-nodes-base.manualTrigger', 1, {}),
		node('Sign-ups', 'n8n-nodes-base.code', 2, {
			jsCode: `return ${JSON.stringify(emails)}.map((email) => ({ json: { email } }));`,
		}),
		{
			...node(UPSERT_NODE, nodeType('mailKomplet'), 1, {
				resource: 'contact',
				operation: 'upsert',
				email: '={{ $json.email }}',
				requestOptions,
			}),
			credentials: { mailKompletApi: { id: SANDBOX_CREDENTIAL.id, name: SANDBOX_CREDENTIAL.name } },
			...settings,
		},
	];
	nodes.forEach((n, index) => (n.position = [220 * index, 0]));
	return {
		id: stableId(`workflow/${name}`),
		name,
		nodes,
		connections: linear(nodes.map((n) => n.name)),
		settings: {},
	};
}

/** Connections of nodes wired one after the other. */
export function linear(names: string[]): WorkflowFile['connections'] {
	return Object.fromEntries(
		names
			.slice(0, -1)
			.map((from, index) => [
				from,
				{ main: [[{ node: names[index + 1], type: 'main', index: 0 }]] },
			]),
	) as WorkflowFile['connections'];
}

export const TRIGGER_NODE = 'Mail Komplet Trigger';

/** A workflow started by the Mail Komplet Trigger alone; its executions hold what it received. */
export function triggerWorkflow(
	name: string,
	webhookId: string,
	parameters: INodeParameters,
	credentials: INode['credentials'] = {},
): WorkflowFile {
	const trigger: INode = {
		id: uuid(`${name}/trigger`),
		name: TRIGGER_NODE,
		type: nodeType('mailKompletTrigger'),
		typeVersion: 1,
		position: [0, 0],
		webhookId,
		parameters,
		credentials,
	};
	return {
		id: stableId(`workflow/${name}`),
		name,
		nodes: [trigger],
		connections: {},
		settings: {},
	};
}

/**
 * A manual trigger, a Code node whose `jsCode` returns the items, and one Mail Komplet node
 * (`name`) that gets them all, with node `settings` such as Retry On Fail.
 */
export function codeIntoNodeWorkflow(
	name: string,
	jsCode: string,
	step: {
		name: string;
		parameters: INodeParameters;
		settings?: Pick<INode, 'retryOnFail' | 'maxTries' | 'waitBetweenTries'>;
	},
): WorkflowFile {
	const node = (nodeName: string, type: string, parameters: INodeParameters, x: number): INode => ({
		id: uuid(`${name}/${nodeName}`),
		name: nodeName,
		type,
		typeVersion: type === 'n8n-nodes-base.code' ? 2 : 1,
		position: [x, 0],
		parameters,
	});
	const nodes = [
		node(MANUAL_TRIGGER, 'n8n-nodes-base.manualTrigger', {}, 0),
		node('Items', 'n8n-nodes-base.code', { jsCode }, 220),
		{
			...node(step.name, nodeType('mailKomplet'), step.parameters, 440),
			credentials: { mailKompletApi: { id: SANDBOX_CREDENTIAL.id, name: SANDBOX_CREDENTIAL.name } },
			...step.settings,
		},
	];
	return {
		id: stableId(`workflow/${name}`),
		name,
		nodes,
		connections: linear(nodes.map((n) => n.name)),
		settings: {},
	};
}
