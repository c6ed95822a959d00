/**
 * `npm run demo`: a real n8n with this package, a Mail Komplet sandbox with sample data, a
 * credential pointing at it and the example workflows, ready in the browser. Ctrl-C (or SIGTERM,
 * SIGHUP, npm going away) stops it all and leaves nothing behind (scripts/n8n/process.ts).
 *
 * Environment: DEMO_PORT (n8n, default 5678), DEMO_SANDBOX_PORT (default 4010),
 * DEMO_N8N_VERSION (default the newest supported n8n).
 */
import { startDemo, type Demo } from './n8n/demo-env';
import { DEMO_MCP_TOKEN, DEMO_WEBHOOK_SECRET, hasPinnedTrigger, isManual } from './n8n/examples';
import { clientConfigs } from './n8n/mcp';
import { runCommand } from './n8n/process';
import { OWNER } from './n8n/rest';
import { assertNodeRuntime } from './n8n/runtime';
import { DEFAULT_RELEASE, findRelease } from './n8n/versions';

function printMcpServers({ mcpServers }: Demo): void {
	for (const server of mcpServers) {
		const configs = clientConfigs('mail-komplet', server.url, DEMO_MCP_TOKEN);
		const indent = (value: unknown) => JSON.stringify(value, null, 2).replace(/^/gm, '      ');
		console.log(`  - "${server.workflow.name}" is active: an MCP server with the tools`);
		console.log(`    ${server.tools.join(', ')}`);
		console.log(`    MCP URL (Streamable HTTP): ${server.url}`);
		console.log(`    Header: Authorization: Bearer ${DEMO_MCP_TOKEN}`);
		console.log('    Clients that speak Streamable HTTP (Cursor, VS Code, ...):');
		console.log(indent(configs.streamableHttp));
		console.log(
			`    Claude Code: claude mcp add --transport http mail-komplet ${server.url} --header "Authorization: Bearer ${DEMO_MCP_TOKEN}"`,
		);
		console.log(
			'    Clients that only start local servers (Claude Desktop, ...), bridged by mcp-remote:',
		);
		console.log(indent(configs.stdio));
	}
}

function printGuide(demo: Demo): void {
	const { n8n, sandbox, examples, triggers } = demo;
	const line = '─'.repeat(72);
	const { origin, account } = sandbox.client;
	console.log(`\n${line}`);
	console.log(`  n8n editor:   ${n8n.baseUrl}/home/workflows`);
	console.log(`  Sign in as:   ${OWNER.email}  /  ${OWNER.password}`);
	console.log(`  Credential:   "Mail Komplet (sandbox)" -> ${account.baseUrl}`);
	console.log(line);
	console.log('  Try:');
	for (const workflow of examples.filter((w) => isManual(w) || hasPinnedTrigger(w))) {
		console.log(`  - Open "${workflow.name}"`);
		console.log(`    ${n8n.baseUrl}/workflow/${workflow.id}  and click "Execute workflow".`);
	}
	for (const trigger of triggers) {
		const url = `${n8n.webhookUrl}/${trigger.path}?token=${DEMO_WEBHOOK_SECRET}`;
		console.log(`  - "${trigger.workflow.name}" is active. Let the sandbox play Mail Komplet`);
		console.log('    and report a hard bounce (webhookTypeId 5; 4 is a soft bounce):');
		console.log(`    curl -s -X POST ${origin}/__sandbox/webhooks/fire \\`);
		console.log(`      -H 'content-type: application/json' \\`);
		console.log(`      -d '{"url": "${url}", "webhookTypeId": 5}'`);
		console.log(`    then open ${n8n.baseUrl}/workflow/${trigger.workflow.id}/executions`);
	}
	printMcpServers(demo);
	console.log(`  - See what the node sent to "Mail Komplet": curl -s ${origin}/__sandbox/requests`);
	console.log(line);
	console.log(`  n8n's log: ${n8n.logFile}`);
	console.log('  Press Ctrl-C to stop n8n and the sandbox.\n');
}

async function main(): Promise<void> {
	assertNodeRuntime();
	const started = Date.now();
	const release = process.env.DEMO_N8N_VERSION
		? findRelease(process.env.DEMO_N8N_VERSION)
		: DEFAULT_RELEASE;
	const demo = await startDemo({
		release,
		n8nPort: Number(process.env.DEMO_PORT ?? 5678),
		sandboxPort: Number(process.env.DEMO_SANDBOX_PORT ?? 4010),
		log: (text) => console.log(`• ${text}`),
	});
	console.log(`• n8n is running (${Math.round((Date.now() - started) / 1000)} s)`);
	printGuide(demo);
}

runCommand(main);
