import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	IDataObject,
	IHookFunctions,
	INodeCredentialTestResult,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { authenticate, testBasicAuthCredential, testSecretCredential } from './auth';
import type { IncomingRequestLike } from './body';
import { readJsonBody, validateEvents } from './body';
import { ALL_EVENT_NAMES, eventOptions, MAIL_KOMPLET_EVENTS, toOutputJson } from './events';

/** The parts of n8n's Express response the trigger writes to. */
interface OutgoingResponseLike {
	headersSent?: boolean;
	writeHead(status: number, headers: Record<string, string | number>): unknown;
	end(body?: string): unknown;
}

function respondJson(
	res: OutgoingResponseLike,
	status: number,
	body: IDataObject,
	headers: Record<string, string> = {},
): void {
	if (res.headersSent === true) return;
	const payload = JSON.stringify(body);
	res.writeHead(status, {
		'Content-Type': 'application/json; charset=utf-8',
		'Content-Length': Buffer.byteLength(payload),
		'Cache-Control': 'no-store',
		...headers,
	});
	res.end(payload);
}

function reject(
	res: OutgoingResponseLike,
	status: number,
	reason: string,
	headers?: Record<string, string>,
): IWebhookResponseData {
	respondJson(res, status, { error: reason }, headers);
	return { noWebhookResponse: true };
}

export class MailKompletTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Mail Komplet Trigger',
		name: 'mailKompletTrigger',
		icon: {
			light: 'file:../../icons/mailKomplet.svg',
			dark: 'file:../../icons/mailKomplet.dark.svg',
		},
		group: ['trigger'],
		// 1.1 behaves as 1. n8n evaluates a `binaryData` option expression on every webhook call
		// to a typeVersion 1 trigger (a leftover of its own Webhook node); 1.1 skips that. Workflows
		// saved with 1 keep working unchanged.
		version: [1, 1.1],
		defaultVersion: 1.1,
		subtitle:
			'={{(($parameter["events"] || []).length === ' +
			String(MAIL_KOMPLET_EVENTS.length) +
			' ? "All events" : ($parameter["events"] || []).length + " events")}}',
		description: 'Starts the workflow when Mail Komplet reports an e-mail event through a webhook',
		defaults: { name: 'Mail Komplet Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'mailKompletWebhookSecretApi',
				required: true,
				displayOptions: { show: { authentication: ['sharedSecret'] } },
				testedBy: 'mailKompletWebhookSecretTest',
			},
			{
				name: 'mailKompletWebhookBasicAuthApi',
				required: true,
				displayOptions: { show: { authentication: ['basicAuth'] } },
				testedBy: 'mailKompletWebhookBasicAuthTest',
			},
		],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				// Without responseData, n8n answers an accepted call with its default value, the
				// literal text "firstEntryJson". An empty one makes it send webhookResponse instead.
				responseData: '',
				path: 'webhook',
				isFullPath: false,
			},
		],
		properties: [
			{
				displayName:
					'Mail Komplet has no API for webhooks, so n8n cannot register this URL for you. Copy the Production URL above (the Test URL while you build the workflow) and add it in Mail Komplet, in the webhooks part of the account settings (where the API keys are), for the events you want. If you use a shared secret in a query parameter, add it to the URL you paste, e.g. ...?token=YOUR_SECRET.',
				name: 'setupNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Authentication',
				name: 'authentication',
				type: 'options',
				options: [
					{
						name: 'Basic Auth',
						value: 'basicAuth',
						description: 'Calls must carry a user and password (Authorization: Basic ...)',
					},
					{
						name: 'None',
						value: 'none',
						description: 'Anyone who knows the URL can start the workflow',
					},
					{
						name: 'Shared Secret',
						value: 'sharedSecret',
						description: 'Calls must carry a secret in a header or a query parameter of the URL',
					},
				],
				default: 'none',
				description:
					"How to tell Mail Komplet's calls from anyone else's. Mail Komplet does not sign its calls; a shared secret in the URL is the simplest protection.",
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				options: eventOptions(),
				// Every event (kept equal to ALL_EVENT_NAMES by a test; lint wants a literal here).
				default: [
					'transactionalEmail.delivered',
					'transactionalEmail.clicked',
					'transactionalEmail.opened',
					'transactionalEmail.softBounced',
					'transactionalEmail.hardBounced',
					'transactionalEmail.unsubscribed',
					'transactionalEmail.spamComplaint',
					'marketingEmail.unsubscribed',
				],
				required: true,
				description:
					'The events that start the workflow. Other events are answered 200 and start nothing.',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add option',
				default: {},
				options: [
					{
						displayName: 'Output Body Untouched',
						name: 'outputBodyUntouched',
						type: 'boolean',
						default: false,
						description:
							'Whether to output each event exactly as Mail Komplet sent it, without the added event, eventLabel and fromDisplayName fields',
					},
				],
			},
		],
	};

	methods = {
		credentialTest: {
			async mailKompletWebhookSecretTest(
				this: ICredentialTestFunctions,
				credential: ICredentialsDecrypted,
			): Promise<INodeCredentialTestResult> {
				return await testSecretCredential(credential);
			},
			async mailKompletWebhookBasicAuthTest(
				this: ICredentialTestFunctions,
				credential: ICredentialsDecrypted,
			): Promise<INodeCredentialTestResult> {
				return await testBasicAuthCredential(credential);
			},
		},
	};

	// Mail Komplet has no API to register webhooks: the URL is pasted into Mail Komplet by hand,
	// so there is nothing to check, create or delete on its side.
	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const req = this.getRequestObject() as unknown as IncomingRequestLike;
		const res = this.getResponseObject() as unknown as OutgoingResponseLike;

		try {
			const mode = this.getNodeParameter('authentication', 'none') as string;
			const auth = await authenticate.call(this, mode, req);
			if (!auth.ok) return reject(res, auth.status, auth.reason, auth.headers);

			const body = await readJsonBody(req);
			if (!body.ok) {
				return reject(
					res,
					body.status,
					body.reason,
					body.closeConnection ? { Connection: 'close' } : {},
				);
			}
			const checked = validateEvents(body.value);
			if (!checked.ok) return reject(res, checked.status, checked.reason);

			const selected = new Set(this.getNodeParameter('events', ALL_EVENT_NAMES) as string[]);
			const options = this.getNodeParameter('options', {}) as { outputBodyUntouched?: boolean };
			const items: INodeExecutionData[] = checked.events
				.filter(({ event }) => selected.has(event.name))
				.map(({ payload, event }) => ({
					json: options.outputBodyUntouched === true ? payload : toOutputJson(payload, event),
				}));

			if (items.length === 0) {
				respondJson(res, 200, {
					message: 'Event not selected in the trigger; no workflow started',
				});
				return { noWebhookResponse: true };
			}
			// n8n answers with webhookResponse once the execution is created (or 500 if it fails).
			return {
				workflowData: [items],
				webhookResponse: { message: 'Workflow was started', events: items.length },
			};
		} catch (error) {
			// Never let a caller see a stack trace or crash the webhook: answer a plain 500.
			this.logger.error('Mail Komplet Trigger could not handle a webhook call', {
				error: (error as Error)?.message,
			});
			return reject(res, 500, 'Internal error');
		}
	}
}
