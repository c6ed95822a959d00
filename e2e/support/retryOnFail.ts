/** The Retry On Fail scenario of e2e/retry-on-fail*.test.ts: 20 sends, n8n retrying the node. */
import { randomUUID } from 'node:crypto';

import type { INode } from 'n8n-workflow';

import type { Sandbox } from '../../sandbox';
import type { WorkflowFile } from '../../scripts/n8n/cli';
import { nodeType } from '../../scripts/n8n/package-contents';
import { SANDBOX_CREDENTIAL } from '../../scripts/n8n/sandbox';
import { sendEmail } from '../../test/helpers/sends';
import { linear, MANUAL_TRIGGER, stableId } from './workflows';

export { address, emailsPosted as posted, range } from '../../test/helpers/sends';

export const COUNT = 20;
export const SEND = 'Send';

/**
 * Manual trigger -> Code (COUNT recipients) -> Transactional Email > Send with n8n's Retry On
 * Fail: 2 tries, 10 ms apart.
 */
export function retrySendWorkflow(name: string): WorkflowFile {
	const node = (
		nodeName: string,
		type: string,
		parameters: INode['parameters'],
		x: number,
	): INode => ({
		id: randomUUID(),
		name: nodeName,
		type,
		typeVersion: type === 'n8n-nodes-base.code' ? 2 : 1,
		position: [x, 0],
		parameters,
	});
	const nodes = [
		node(MANUAL_TRIGGER, 'n8n-nodes-base.manualTrigger', {}, 0),
		node(
			'Recipients',
			'n8n-nodes-base.code',
			{
				jsCode: `return Array.from({ length: ${COUNT} }, (_, i) => ({ json: { email: 'prijemce.' + i + '@example.cz' } }));`,
			},
			220,
		),
		{
			...node(SEND, nodeType('mailKomplet'), sendEmail(), 440),
			retryOnFail: true,
			maxTries: 2,
			waitBetweenTries: 10,
			credentials: { mailKompletApi: { id: SANDBOX_CREDENTIAL.id, name: SANDBOX_CREDENTIAL.name } },
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

/** Mail Komplet's e-mails as [recipient, GUID], in the order made. */
export const stored = (sandbox: Sandbox) =>
	sandbox.store.transactionalEmails.rows.map((e) => [e.toAddress, e.guid]);
