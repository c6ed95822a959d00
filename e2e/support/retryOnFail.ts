/** The Retry On Fail scenario of e2e/retry-on-fail*.test.ts: 20 sends, n8n retrying the node. */
import { randomUUID } from 'node:crypto';

import type { INode } from 'n8n-workflow';

import type { Sandbox } from '../../sandbox';
import type { WorkflowFile } from '../../scripts/n8n/cli';
import { nodeType } from '../../scripts/n8n/package-contents';
import { SANDBOX_CREDENTIAL } from '../../scripts/n8n/sandbox';
import { linear, MANUAL_TRIGGER, stableId } from './workflows';

export const COUNT = 20;
export const SEND = 'Send';
export const address = (n: number) => `prijemce.${n}@example.cz`;
export const range = (from: number, to: number) =>
	Array.from({ length: to - from + 1 }, (_, index) => from + index);

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
			...node(
				SEND,
				nodeType('mailKomplet'),
				{
					resource: 'transactionalEmail',
					operation: 'send',
					fromAddress: 'shop@webkomplet.cz',
					to: '={{ $json.email }}',
					subject: 'Your order',
					bodyText: 'Thank you',
				},
				440,
			),
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

/** The recipient of each e-mail POST the sandbox received, in order. */
export const posted = (sandbox: Sandbox) =>
	sandbox.requests
		.filter((r) => r.method === 'POST')
		.map((r) => (r.body as { email: { to: Array<{ address: string }> } }).email.to[0].address);

/** Mail Komplet's e-mails as [recipient, GUID], in the order made. */
export const stored = (sandbox: Sandbox) =>
	sandbox.store.transactionalEmails.rows.map((e) => [e.toAddress, e.guid]);
