/**
 * The Mail Komplet node as tools of AI agents: the example "Mail Komplet tools for AI agents
 * (MCP server)" runs in real n8n, whose MCP Server Trigger serves the Mail Komplet tool nodes
 * hanging off it. An MCP client (the official SDK, as Claude or any agent would connect) lists
 * the tools, calls each with the arguments an agent would give, and gets JSON back; the sandbox
 * shows what reached Mail Komplet. Bad arguments come back as tool errors naming the field.
 */
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';

import { activateWorkflow, importCredentials, importWorkflows } from '../scripts/n8n/cli';
import {
	DEMO_MCP_TOKEN,
	demoSandboxIds,
	exampleCredentials,
	loadExamples,
	mcpEndpoints,
	withSandboxIds,
} from '../scripts/n8n/examples';
import { connectMcp, mcpUrl, type McpConnection } from '../scripts/n8n/mcp';
import { nodeType } from '../scripts/n8n/package-contents';
import type { RecordedRequest } from '../scripts/n8n/sandbox';
import { selectedReleases } from '../scripts/n8n/versions';
import { useEnvironment, type Environment } from './support/lifecycle';
import { callForRecords, callTool, toolName } from './support/mcp';
import { describeRequest } from './support/requests';

const [server] = mcpEndpoints(loadExamples());
const toolNodes = server.workflow.nodes.filter((node) => node.type === nodeType('mailKompletTool'));

/** The arguments (the workflow's $fromAI() keys) each tool asks the agent for, and their types. */
const TOOL_ARGUMENTS: Record<string, Record<string, 'string' | 'number'>> = {
	Find_contacts_by_email: { email: 'string' },
	Create_or_update_contact: {
		email: 'string',
		firstName: 'string',
		lastName: 'string',
		mailingListIds: 'string',
	},
	Unsubscribe_from_mailing_list: { email: 'string', mailingListId: 'number' },
	List_campaigns: { nameContains: 'string' },
	Campaign_statistics: { campaignId: 'number' },
	Send_transactional_email: { to: 'string', subject: 'string', text: 'string' },
	List_mailing_lists: {},
};

/** What a request looked like from Mail Komplet's side: "METHOD /path", query and body. */
function seen(env: Environment, request: RecordedRequest) {
	return {
		request: describeRequest(env.sandbox.client, request),
		query: request.query,
		body: request.body ?? undefined,
	};
}

/** A stack frame line ("    at fn (file.js:1:2)"): never something an agent should read. */
const STACK_FRAME = /\n\s+at .+:\d+/;

describe.each(selectedReleases().map((release) => [release.version, release] as const))(
	'n8n %s',
	(_version, release) => {
		const env = useEnvironment({ release, label: 'mcp' });
		let mcp: McpConnection;
		let client: Client;
		const store = () => env().sandbox.sandbox.store;
		const requests = async () => (await env().sandbox.client.requests()).map((r) => seen(env(), r));

		beforeAll(async () => {
			const { n8n, sandbox } = env();
			await importCredentials(n8n, exampleCredentials(sandbox.client.account));
			await importWorkflows(n8n, [withSandboxIds(server.workflow, demoSandboxIds(sandbox))]);
			await activateWorkflow(n8n, server.workflow.id);
			await n8n.start();
			mcp = await connectMcp(mcpUrl(n8n.baseUrl, server.path), { token: DEMO_MCP_TOKEN });
			client = mcp.client;
		});

		afterAll(async () => {
			await mcp?.close();
		});

		beforeEach(async () => {
			await env().sandbox.client.reset('demo');
		});

		test('lists one tool per Mail Komplet tool node, with its description and the arguments the workflow asks for', async () => {
			const { tools } = await client.listTools();

			expect(tools.map((tool) => tool.name).sort()).toEqual(Object.keys(TOOL_ARGUMENTS).sort());
			for (const tool of tools) {
				const node = toolNodes.find((candidate) => toolName(candidate.name) === tool.name);
				const expected = TOOL_ARGUMENTS[tool.name];
				const properties = (tool.inputSchema.properties ?? {}) as Record<
					string,
					{ type?: string; description?: string }
				>;
				expect({
					name: tool.name,
					description: tool.description,
					arguments: Object.fromEntries(
						Object.entries(properties).map(([key, schema]) => [key, schema.type]),
					),
					required: [...(tool.inputSchema.required ?? [])].sort(),
				}).toEqual({
					name: tool.name,
					description: node?.parameters.toolDescription,
					arguments: expected,
					required: Object.keys(expected).sort(),
				});
				// Every argument tells the agent what to give.
				for (const [key, schema] of Object.entries(properties))
					expect({ key, described: (schema.description ?? '').length > 10 }).toEqual({
						key,
						described: true,
					});
			}
		});

		test('List_mailing_lists returns every mailing list (Return All)', async () => {
			const lists = await callForRecords(client, 'List_mailing_lists', {});

			expect(lists.map((list) => list.mailingListId)).toEqual(
				store().mailingLists.rows.map((list) => list.mailingListId),
			);
			for (const list of lists)
				expect(list).toEqual(
					expect.objectContaining({ mailingListId: expect.any(Number), name: expect.any(String) }),
				);
			expect((await requests()).map((r) => r.request)).toEqual(['GET /mailingLists']);
		});

		test('Find_contacts_by_email finds a contact by its address', async () => {
			const contact = store().contacts.rows[0];

			const found = await callForRecords(client, 'Find_contacts_by_email', {
				email: contact.email,
			});

			expect(found).toEqual([
				expect.objectContaining({
					contactId: contact.contactId,
					email: contact.email,
					name: contact.name,
				}),
			]);
			expect(await requests()).toEqual([
				{
					request: 'GET /contacts',
					query: expect.objectContaining({ email: contact.email }),
					body: undefined,
				},
			]);
		});

		test('Create_or_update_contact creates a contact on mailing lists, then updates it by its address', async () => {
			const [newsletter, offers] = store().mailingLists.rows;
			const email = 'jana.dvorakova@example.cz';

			const [created] = await callForRecords(client, 'Create_or_update_contact', {
				email,
				firstName: 'Jana',
				lastName: 'Dvořáková',
				mailingListIds: `${newsletter.mailingListId}, ${offers.mailingListId}`,
			});
			const [updated] = await callForRecords(client, 'Create_or_update_contact', {
				email,
				firstName: 'Janička',
				lastName: '',
				mailingListIds: '',
			});
			const found = await callForRecords(client, 'Find_contacts_by_email', { email });

			expect(created).toEqual(expect.objectContaining({ contactId: expect.any(Number), email }));
			expect(updated.contactId).toBe(created.contactId);
			expect(found).toEqual([
				expect.objectContaining({
					contactId: created.contactId,
					name: 'Janička',
					surname: 'Dvořáková',
				}),
			]);
			const writes = (await requests()).filter((r) => r.request === 'POST /contacts');
			expect(writes.map((r) => r.body)).toEqual([
				{
					email,
					name: 'Jana',
					surname: 'Dvořáková',
					mailingListIds: [newsletter.mailingListId, offers.mailingListId],
				},
				// Empty arguments leave the fields out, so they keep their values.
				{ email, name: 'Janička' },
			]);
		});

		test('Unsubscribe_from_mailing_list unsubscribes an address from one list', async () => {
			const contact = store().contacts.rows[0];
			const [list] = store().mailingLists.rows;

			const [answer] = await callForRecords(client, 'Unsubscribe_from_mailing_list', {
				email: contact.email,
				mailingListId: list.mailingListId,
			});

			expect(answer).toEqual(
				expect.objectContaining({ email: contact.email, mailingListId: list.mailingListId }),
			);
			expect(await requests()).toEqual([
				{
					request: 'POST /excludeLists',
					query: {},
					body: {
						email: contact.email,
						mailingListId: list.mailingListId,
						reason: 'Unsubscribed by an AI agent on request',
					},
				},
			]);
		});

		test('List_campaigns lists all campaigns, or those whose name contains a text', async () => {
			const all = await callForRecords(client, 'List_campaigns', { nameContains: '' });
			const newsletters = await callForRecords(client, 'List_campaigns', {
				nameContains: 'newsletter',
			});

			expect(all.map((c) => c.campaignId)).toEqual(store().campaigns.rows.map((c) => c.campaignId));
			for (const campaign of all)
				expect(campaign).toEqual(
					expect.objectContaining({
						campaignId: expect.any(Number),
						name: expect.any(String),
						status: expect.any(Number),
					}),
				);
			expect(newsletters.length).toBeGreaterThan(0);
			expect(newsletters.length).toBeLessThan(all.length);
			for (const campaign of newsletters) expect(String(campaign.name)).toMatch(/newsletter/i);
			expect((await requests()).map((r) => [r.request, r.query.name])).toEqual([
				['GET /campaigns', undefined],
				['GET /campaigns', 'newsletter'],
			]);
		});

		test("Campaign_statistics reads the statistics of a campaign's distributions", async () => {
			const { campaignId } = store().generatorExecutions.rows[0];

			const distributions = await callForRecords(client, 'Campaign_statistics', { campaignId });

			expect(distributions.length).toBeGreaterThan(0);
			for (const distribution of distributions)
				expect(distribution).toEqual(
					expect.objectContaining({
						campaignId,
						generatorExecutionId: expect.any(Number),
						deliveryCount: expect.any(Number),
						openRatio: expect.any(Number),
						clickRatio: expect.any(Number),
						bounceRatio: expect.any(Number),
						unsubscribeRatio: expect.any(Number),
					}),
				);
			expect((await requests()).map((r) => [r.request, r.query.campaignId])).toEqual([
				['GET /generatorExecutions', String(campaignId)],
			]);
		});

		test('Send_transactional_email sends one e-mail from the fixed sender', async () => {
			const sent = await callForRecords(client, 'Send_transactional_email', {
				to: 'petr.svoboda@example.cz',
				subject: 'Vaše objednávka je na cestě',
				text: 'Dobrý den, objednávka 2025-0142 je na cestě.',
			});

			expect(sent).toEqual([{ email: 'petr.svoboda@example.cz', guid: expect.any(String) }]);
			expect(await requests()).toEqual([
				{
					request: 'POST /transactionalEmails',
					query: {},
					body: {
						email: {
							fromAddress: 'orders@example.com',
							fromDisplayName: 'Golden Ear Bakery',
							subject: 'Vaše objednávka je na cestě',
							bodyText: 'Dobrý den, objednávka 2025-0142 je na cestě.',
							to: [{ address: 'petr.svoboda@example.cz' }],
						},
					},
				},
			]);
		});

		test.each([
			{
				what: 'an invalid e-mail address',
				tool: 'Create_or_update_contact',
				args: { email: 'jana.example.cz', firstName: '', lastName: '', mailingListIds: '' },
				says: [/Email is not a valid e-mail address/, /jana\.example\.cz/, /such as \S+@\S+/],
				reachesMailKomplet: false,
			},
			{
				what: 'a mailing list that does not exist',
				tool: 'Unsubscribe_from_mailing_list',
				args: { email: 'jan.novak@seznam.cz', mailingListId: 999999 },
				says: [/mailingListId/, /999999/, /does not exist/],
				reachesMailKomplet: true,
			},
			{
				what: 'a missing required value',
				tool: 'Send_transactional_email',
				args: { to: 'petr.svoboda@example.cz', text: 'Dobrý den' },
				says: [/subject/, /Required/i],
				reachesMailKomplet: false,
			},
			{
				what: 'a value of the wrong type',
				tool: 'Campaign_statistics',
				args: { campaignId: 'the spring one' },
				says: [/campaignId/, /number/i],
				reachesMailKomplet: false,
			},
		])(
			'$what is a tool error naming the field, and the server keeps serving',
			async ({ tool, args, says, reachesMailKomplet }) => {
				const answer = await callTool(client, tool, args);

				expect(answer.isError).toBe(true);
				for (const pattern of says) expect(answer.text).toMatch(pattern);
				expect(answer.text).not.toMatch(STACK_FRAME);
				const writes = (await requests()).filter((r) => !r.request.startsWith('GET'));
				expect(writes.length).toBe(reachesMailKomplet ? 1 : 0);
				// The next call of the same session works.
				expect(await callForRecords(client, 'List_mailing_lists', {})).not.toHaveLength(0);
			},
		);

		test('refuses clients without the bearer token', async () => {
			const post = async (headers: Record<string, string>) =>
				(
					await fetch(mcpUrl(env().n8n.baseUrl, server.path), {
						method: 'POST',
						headers: {
							'content-type': 'application/json',
							accept: 'application/json, text/event-stream',
							...headers,
						},
						body: JSON.stringify({
							jsonrpc: '2.0',
							id: 1,
							method: 'initialize',
							params: {
								protocolVersion: '2025-03-26',
								capabilities: {},
								clientInfo: { name: 'intruder', version: '1' },
							},
						}),
					})
				).status;

			// n8n answers 403 both without a token and with a wrong one.
			expect(await post({})).toBe(403);
			expect(await post({ authorization: 'Bearer wrong-token' })).toBe(403);
			expect(await post({ authorization: `Bearer ${DEMO_MCP_TOKEN}` })).toBe(200);
			expect(await requests()).toEqual([]);
		});
	},
);
