/** What the built package declares, read from dist/ so the suite follows the nodes as they grow. */
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';

import type {
	ICredentialType,
	INodeProperties,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

import { PACKAGE_NAME, REPO_ROOT } from './paths';

interface Manifest {
	n8n: { nodes: string[]; credentials: string[] };
}

function manifest(): Manifest {
	return JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as Manifest;
}

/** Loads compiled dist files at run time (their paths come from package.json). */
const loadModule = createRequire(__filename);

/** Instantiates every class a compiled dist file exports (each node file exports one). */
function instances<T>(file: string): T[] {
	const exported = loadModule(path.join(REPO_ROOT, file)) as Record<string, new () => T>;
	return Object.values(exported)
		.filter((value) => typeof value === 'function')
		.map((Class) => new Class());
}

export function builtNodes(): INodeTypeDescription[] {
	return manifest().n8n.nodes.flatMap((file) =>
		instances<INodeType>(file).map((node) => node.description),
	);
}

export function builtCredentials(): ICredentialType[] {
	return manifest().n8n.credentials.flatMap((file) => instances<ICredentialType>(file));
}

/** The type name n8n gives a node of a community package. */
export function nodeType(name: string): string {
	return `${PACKAGE_NAME}.${name}`;
}

export interface OptionInfo {
	value: string;
	name: string;
	/** The label n8n's nodes panel lists an operation under ("Create a contact"). */
	action?: string;
}

export interface ResourceInfo extends OptionInfo {
	operations: OptionInfo[];
}

/** Resources of the main node, with the operations each offers (what the editor's dropdowns show). */
export function builtResources(nodeName = 'mailKomplet'): ResourceInfo[] {
	const node = builtNodes().find((description) => description.name === nodeName);
	if (!node) throw new Error(`dist has no node named ${nodeName}`);
	const resource = node.properties.find((property) => property.name === 'resource');
	return options(resource).map(({ value, name }) => ({
		value,
		name,
		operations: options(
			node.properties.find(
				(property) =>
					property.name === 'operation' && property.displayOptions?.show?.resource?.includes(value),
			),
		),
	}));
}

function options(property: INodeProperties | undefined): OptionInfo[] {
	return (property?.options ?? []).map((option) => {
		const { value, name, action } = option as { value: string; name: string; action?: string };
		return { value: String(value), name, action };
	});
}

/** Path below /webhook/<webhookId>/ where the Mail Komplet Trigger listens (its webhook description). */
export function triggerWebhookPath(): string {
	const trigger = builtNodes().find((node) => node.name === 'mailKompletTrigger');
	const webhookPath = trigger?.webhooks?.[0]?.path;
	if (typeof webhookPath !== 'string')
		throw new Error('the built Mail Komplet Trigger declares no webhook path');
	return webhookPath;
}
