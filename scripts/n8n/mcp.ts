/**
 * An MCP client for the MCP servers n8n's MCP Server Trigger serves: the official SDK over
 * Streamable HTTP, as Claude, Cursor or any agent framework would connect.
 */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

import { sleep } from './process';

/** n8n's production URL of an MCP Server Trigger: /mcp/<the trigger's Path>. */
export function mcpUrl(baseUrl: string, path: string): string {
	return `${baseUrl}/mcp/${path.replace(/^\//, '')}`;
}

export interface McpConnection {
	client: Client;
	close(): Promise<void>;
}

async function connectOnce(url: string, token?: string): Promise<McpConnection> {
	const transport = new StreamableHTTPClientTransport(new URL(url), {
		requestInit: token ? { headers: { authorization: `Bearer ${token}` } } : undefined,
	});
	const client = new Client({ name: 'n8n-nodes-mail-komplet-check', version: '1.0.0' });
	await client.connect(transport);
	return { client, close: () => client.close() };
}

/**
 * Connects once the server answers: n8n registers a trigger's URL a few seconds after it
 * starts, and answers 404 until then.
 */
export async function connectMcp(
	url: string,
	{ token, timeoutMs = 60_000 }: { token?: string; timeoutMs?: number } = {},
): Promise<McpConnection> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		try {
			return await connectOnce(url, token);
		} catch (error) {
			if (Date.now() > deadline)
				throw new Error(
					`MCP server ${url} did not answer within ${timeoutMs} ms: ${String(error)}`,
				);
			await sleep(500);
		}
	}
}

/**
 * Ready configurations for MCP clients: one for clients that speak Streamable HTTP, one that
 * bridges to stdio through mcp-remote for clients that only start local servers. The token goes
 * in an environment variable: some clients split arguments at spaces.
 */
export function clientConfigs(name: string, url: string, token: string) {
	return {
		streamableHttp: {
			mcpServers: { [name]: { url, headers: { Authorization: `Bearer ${token}` } } },
		},
		stdio: {
			mcpServers: {
				[name]: {
					command: 'npx',
					args: ['-y', 'mcp-remote', url, '--header', 'Authorization:${AUTH_HEADER}'],
					env: { AUTH_HEADER: `Bearer ${token}` },
				},
			},
		},
	};
}
