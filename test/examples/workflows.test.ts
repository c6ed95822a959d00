/**
 * The example workflows as users import them: at the nodes' current versions, naming no
 * credential and no ID of anyone's account (the demo fills in the sandbox's at import time), in
 * English.
 */
import type { INode, INodeTypeDescription } from 'n8n-workflow';

import { MailKomplet } from '../../nodes/MailKomplet/MailKomplet.node';
import { MailKompletTrigger } from '../../nodes/MailKompletTrigger/MailKompletTrigger.node';
import { loadExamples, withSandboxIds } from '../../scripts/n8n/examples';

const examples = loadExamples();
const PACKAGE = 'n8n-nodes-mail-komplet';

const versions: Record<string, INodeTypeDescription> = {
	[`${PACKAGE}.mailKomplet`]: new MailKomplet().description,
	[`${PACKAGE}.mailKompletTool`]: new MailKomplet().description,
	[`${PACKAGE}.mailKompletTrigger`]: new MailKompletTrigger().description,
};

const ours = (workflow: { nodes: INode[] }) =>
	workflow.nodes.filter((node) => node.type.startsWith(`${PACKAGE}.`));

/** Every parameter named like an ID (mailingListId, campaignIds, ...) at any depth, with its value. */
function idParameters(value: unknown, name = ''): Array<[string, unknown]> {
	if (/Ids?$/.test(name)) return [[name, value]];
	if (value === null || typeof value !== 'object' || Array.isArray(value)) return [];
	return Object.entries(value).flatMap(([key, inner]) => idParameters(inner, key));
}

/** An ID left for the user to choose, or one an expression (an agent's $fromAI) gives. */
const chosenAtRunTime = (value: unknown) =>
	(Array.isArray(value) && value.length === 0) ||
	value === '' ||
	(typeof value === 'string' && value.startsWith('='));

describe.each(examples.map((workflow) => [workflow.name, workflow] as const))(
	'"%s"',
	(_name, workflow) => {
		test('uses the Mail Komplet nodes at their current version', () => {
			expect(ours(workflow).length).toBeGreaterThan(0);
			for (const node of ours(workflow)) {
				expect({ node: node.name, typeVersion: node.typeVersion }).toEqual({
					node: node.name,
					typeVersion: versions[node.type].defaultVersion,
				});
			}
		});

		test('names no credential and no record of an account: the user chooses them', () => {
			expect(workflow.nodes.filter((node) => node.credentials).map((node) => node.name)).toEqual(
				[],
			);
			const fixed = ours(workflow).flatMap((node) =>
				idParameters(node.parameters).filter(([, value]) => !chosenAtRunTime(value)),
			);
			expect(fixed).toEqual([]);
		});

		test('is written in English', () => {
			expect(JSON.stringify(workflow)).not.toMatch(/[ěščřžůťďňĚŠČŘŽŮŤĎŇ]/);
		});

		test('gets the sandbox credential on every Mail Komplet node and tool when the demo imports it', () => {
			const imported = ours(withSandboxIds(workflow, { mailingListId: 11601 }));
			for (const node of imported.filter((n) => !n.type.endsWith('Trigger')))
				expect(node.credentials).toHaveProperty('mailKompletApi');
		});
	},
);

test('the contacts example adds to the list the demo picks', () => {
	const contacts = examples.find((workflow) => workflow.name.includes('add new contacts'))!;
	const [node] = ours(withSandboxIds(contacts, { mailingListId: 11601 }));
	expect(node.parameters.additionalFields).toMatchObject({ mailingListIds: ['11601'] });
});
