/** Calls MCP tools the way an agent does and reads their answers. */
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';

export interface ToolAnswer {
	isError: boolean;
	/** The text n8n answered with: JSON of the node's output items, or the error. */
	text: string;
}

/** Longer than any tool call takes; a call still running then counts as hung. */
const CALL_TIMEOUT_MS = 60_000;

export async function callTool(
	client: Client,
	name: string,
	args: Record<string, unknown>,
): Promise<ToolAnswer> {
	const result = await client.callTool({ name, arguments: args }, undefined, {
		timeout: CALL_TIMEOUT_MS,
	});
	const content = result.content as Array<{ type: string; text?: string }>;
	return {
		isError: result.isError === true,
		text: content
			.filter((part) => part.type === 'text')
			.map((part) => part.text)
			.join('\n'),
	};
}

/** The records a successful call returned (n8n answers with the JSON array of output items). */
export async function callForRecords(
	client: Client,
	name: string,
	args: Record<string, unknown>,
): Promise<Array<Record<string, unknown>>> {
	const answer = await callTool(client, name, args);
	if (answer.isError) throw new Error(`${name} answered with an error: ${answer.text}`);
	const records = JSON.parse(answer.text) as unknown;
	if (!Array.isArray(records)) throw new Error(`${name} answered with no array: ${answer.text}`);
	return records as Array<Record<string, unknown>>;
}

/** n8n names a tool after its node: characters outside [A-Za-z0-9_-] become `_`. */
export function toolName(nodeName: string): string {
	return nodeName.replace(/[^A-Za-z0-9_-]+/g, '_');
}
