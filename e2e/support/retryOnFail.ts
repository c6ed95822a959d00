/** The Retry On Fail scenario of e2e/retry-on-fail*.test.ts: 20 sends, n8n retrying the node. */
import type { Sandbox } from '../../sandbox';
import type { WorkflowFile } from '../../scripts/n8n/cli';
import { sendEmail } from '../../test/helpers/sends';
import { codeIntoNodeWorkflow } from './workflows';

export { address, emailsPosted as posted, range } from '../../test/helpers/sends';

export const COUNT = 20;
export const SEND = 'Send';

/**
 * Manual trigger -> Code (COUNT recipients) -> Transactional Email > Send with n8n's Retry On
 * Fail: 2 tries, 10 ms apart.
 */
export function retrySendWorkflow(name: string): WorkflowFile {
	return codeIntoNodeWorkflow(
		name,
		`return Array.from({ length: ${COUNT} }, (_, i) => ({ json: { email: 'prijemce.' + i + '@example.cz' } }));`,
		{
			name: SEND,
			parameters: sendEmail(),
			settings: { retryOnFail: true, maxTries: 2, waitBetweenTries: 10 },
		},
	);
}

/** Mail Komplet's e-mails as [recipient, GUID], in the order made. */
export const stored = (sandbox: Sandbox) =>
	sandbox.store.transactionalEmails.rows.map((e) => [e.toAddress, e.guid]);
