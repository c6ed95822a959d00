import type { ICredentialDataDecryptedObject, INodeParameters } from 'n8n-workflow';

import { MailKompletWebhookBasicAuthApi } from '../../credentials/MailKompletWebhookBasicAuthApi.credentials';
import { MailKompletWebhookSecretApi } from '../../credentials/MailKompletWebhookSecretApi.credentials';
import { MailKompletTrigger } from '../../nodes/MailKompletTrigger/MailKompletTrigger.node';
import type { BodyMode } from '../helpers/webhook-harness';
import { WebhookHarness } from '../helpers/webhook-harness';
import delivered from '../fixtures/webhooks/1-delivered.json';
import clicked from '../fixtures/webhooks/2-clicked.json';
import opened from '../fixtures/webhooks/3-opened.json';
import softBounce from '../fixtures/webhooks/4-soft-bounce.json';
import hardBounce from '../fixtures/webhooks/5-hard-bounce.json';
import unsubscribed from '../fixtures/webhooks/6-unsubscribed.json';
import spamComplaint from '../fixtures/webhooks/7-spam-complaint.json';
import massUnsubscribed from '../fixtures/webhooks/8-mass-unsubscribed.json';

/** The eight payloads of Mail Komplet's webhook documentation, repaired into valid JSON. */
export const FIXTURES = {
	'1-delivered': delivered,
	'2-clicked': clicked,
	'3-opened': opened,
	'4-soft-bounce': softBounce,
	'5-hard-bounce': hardBounce,
	'6-unsubscribed': unsubscribed,
	'7-spam-complaint': spamComplaint,
	'8-mass-unsubscribed': massUnsubscribed,
} as const;

export type FixtureName = keyof typeof FIXTURES;

/** Test-only credential values (not secrets of any real account). */
export const TEST_QUERY_TOKEN = 'test-query-token-0123456789abcdef';
export const TEST_HEADER_TOKEN = 'test-header-token-fedcba9876543210';
export const TEST_BASIC_USER = 'mail-komplet';
export const TEST_BASIC_PASSWORD = 'test-basic-password-2a7f9c1e';

export interface TriggerSetup {
	parameters?: INodeParameters;
	credentials?: Record<string, ICredentialDataDecryptedObject>;
	bodyMode?: BodyMode;
}

/** Starts a harness with the Mail Komplet Trigger in a workflow of its own. */
export async function startTrigger(setup: TriggerSetup = {}): Promise<WebhookHarness> {
	return await WebhookHarness.start({
		node: new MailKompletTrigger(),
		nodeTypes: [new MailKompletTrigger()],
		credentialTypes: [new MailKompletWebhookSecretApi(), new MailKompletWebhookBasicAuthApi()],
		parameters: setup.parameters,
		credentials: setup.credentials,
		bodyMode: setup.bodyMode,
	});
}
