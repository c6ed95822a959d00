import { CredentialTestContext } from 'n8n-core';
import type { ICredentialsDecrypted, INodePropertyOptions } from 'n8n-workflow';

import { MailKompletWebhookBasicAuthApi } from '../../credentials/MailKompletWebhookBasicAuthApi.credentials';
import { MailKompletWebhookSecretApi } from '../../credentials/MailKompletWebhookSecretApi.credentials';
import { ALL_EVENT_NAMES, MAIL_KOMPLET_EVENTS } from '../../nodes/MailKompletTrigger/events';
import { MailKompletTrigger } from '../../nodes/MailKompletTrigger/MailKompletTrigger.node';
import { WebhookHarness } from '../helpers/webhook-harness';
import { FIXTURES, startTrigger } from './setup';

afterAll(() => WebhookHarness.cleanUp());

const trigger = new MailKompletTrigger();
const { description } = trigger;

describe('node description', () => {
	it('is a trigger that n8n can list and that is not an AI tool', () => {
		expect(description.name).toBe('mailKompletTrigger');
		expect(description.displayName).toBe('Mail Komplet Trigger');
		expect(description.group).toEqual(['trigger']);
		expect(description.inputs).toEqual([]);
		expect(description.outputs).toEqual(['main']);
		expect(description).not.toHaveProperty('usableAsTool');
		expect(description.icon).toEqual({
			light: 'file:../../icons/mailKomplet.svg',
			dark: 'file:../../icons/mailKomplet.dark.svg',
		});
		expect(description.subtitle).toEqual(expect.any(String));
	});

	it('listens for POST on <webhookId>/webhook, answering on receipt with its own message', () => {
		expect(description.webhooks).toEqual([
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				responseData: '',
				path: 'webhook',
				isFullPath: false,
			},
		]);
	});

	it('offers all eight events and selects all of them by default', () => {
		const events = description.properties.find((p) => p.name === 'events')!;
		expect(events.type).toBe('multiOptions');
		expect(events.default).toEqual(ALL_EVENT_NAMES);
		const options = events.options as INodePropertyOptions[];
		expect(options.map((o) => o.value).sort()).toEqual([...ALL_EVENT_NAMES].sort());
		expect(MAIL_KOMPLET_EVENTS.map((e) => e.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
		expect(new Set(MAIL_KOMPLET_EVENTS.map((e) => e.label)).size).toBe(8);
	});

	it('tests each credential through a method of the node', () => {
		const credentialTests = trigger.methods.credentialTest;
		for (const credential of description.credentials ?? []) {
			expect(Object.keys(credentialTests)).toContain(credential.testedBy);
		}
		expect(description.credentials?.map((c) => c.name)).toEqual([
			new MailKompletWebhookSecretApi().name,
			new MailKompletWebhookBasicAuthApi().name,
		]);
	});

	it('shows where to paste the URL', () => {
		const notice = description.properties.find((p) => p.type === 'notice');
		expect(notice?.displayName).toMatch(/Mail Komplet/);
		expect(notice?.displayName).toMatch(/URL/);
	});
});

describe('webhook lifecycle (nothing to register in Mail Komplet)', () => {
	let harness: WebhookHarness;
	beforeAll(async () => {
		harness = await startTrigger();
	});
	afterAll(async () => await harness.close());

	it.each(['checkExists', 'create', 'delete'] as const)(
		'%s is a no-op that succeeds',
		async (method) => {
			expect(await harness.runWebhookMethod(method)).toBe(true);
		},
	);

	it('exposes production and test URLs with the webhook path', () => {
		expect(harness.webhookPath).toBe(`${harness.node.webhookId}/webhook`);
		expect(harness.url('production')).toMatch(/\/webhook\/[\w-]+\/webhook$/);
		expect(harness.url('test')).toMatch(/\/webhook-test\/[\w-]+\/webhook$/);
	});

	it('has a subtitle n8n can evaluate', () => {
		const subtitle = harness.workflow.expression.getSimpleParameterValue(
			harness.node,
			description.subtitle!,
			'internal',
			{},
		);
		expect(subtitle).toBe('All events');
	});

	it('only answers POST (n8n registers no other method)', async () => {
		const response = await harness.send({ method: 'GET' });
		expect(response.status).toBe(404);
		expect(response.call).toBeUndefined();
	});
});

describe('event filter', () => {
	let harness: WebhookHarness;
	beforeAll(async () => {
		harness = await startTrigger({
			parameters: { events: ['transactionalEmail.hardBounced', 'marketingEmail.unsubscribed'] },
		});
	});
	afterAll(async () => await harness.close());

	it('shows the number of selected events as subtitle', () => {
		const subtitle = harness.workflow.expression.getSimpleParameterValue(
			harness.node,
			description.subtitle!,
			'internal',
			{},
		);
		expect(subtitle).toBe('2 events');
	});

	it('starts the workflow for a selected event', async () => {
		const response = await harness.send({ body: FIXTURES['5-hard-bounce'] });
		expect(response.status).toBe(200);
		expect(response.call?.started).toBe(true);
		expect(response.call?.items.map((i) => i.json.event)).toEqual([
			'transactionalEmail.hardBounced',
		]);
	});

	it.each([
		'1-delivered',
		'2-clicked',
		'3-opened',
		'4-soft-bounce',
		'6-unsubscribed',
		'7-spam-complaint',
	] as const)('answers 200 and starts nothing for %s, which is not selected', async (name) => {
		const response = await harness.send({ body: FIXTURES[name] });
		expect(response.status).toBe(200);
		expect(response.json).toEqual({
			message: 'Event not selected in the trigger; no workflow started',
		});
		expect(response.call?.started).toBe(false);
		expect(response.call?.items).toEqual([]);
		expect(response.call?.result).toEqual({ noWebhookResponse: true });
		expect(response.call?.protocolErrors).toEqual([]);
	});

	it('keeps only the selected events of an array', async () => {
		const body = [
			FIXTURES['1-delivered'],
			FIXTURES['8-mass-unsubscribed'],
			FIXTURES['3-opened'],
			FIXTURES['5-hard-bounce'],
		];
		const response = await harness.send({ body });
		expect(response.status).toBe(200);
		expect(response.call?.items.map((i) => i.json.webhookTypeId)).toEqual([8, 5]);
	});

	it('still refuses an invalid event among unselected ones', async () => {
		const response = await harness.send({ body: [FIXTURES['1-delivered'], { webhookTypeId: 42 }] });
		expect(response.status).toBe(400);
		expect(response.call?.started).toBe(false);
	});
});

describe('with no event selected', () => {
	it('starts nothing at all', async () => {
		const harness = await startTrigger({ parameters: { events: [] } });
		try {
			for (const body of Object.values(FIXTURES)) {
				const response = await harness.send({ body });
				expect(response.status).toBe(200);
				expect(response.call?.started).toBe(false);
			}
		} finally {
			await harness.close();
		}
	});
});

describe('credential tests (testedBy)', () => {
	const context = new CredentialTestContext();
	const secretTest = trigger.methods.credentialTest.mailKompletWebhookSecretTest;
	const basicTest = trigger.methods.credentialTest.mailKompletWebhookBasicAuthTest;

	function credential(type: string, data: ICredentialsDecrypted['data']): ICredentialsDecrypted {
		return { id: '1', name: 'test', type, data };
	}

	it.each([
		[{ location: 'query', queryParameterName: 'token', secret: 'a-long-random-secret-1234' }, 'OK'],
		[
			{ location: 'header', headerName: 'X-Webhook-Token', secret: 'a-long-random-secret-1234' },
			'OK',
		],
		[{ location: 'query', queryParameterName: 'token', secret: '' }, 'Error'],
		[{ location: 'query', queryParameterName: 'token', secret: 'short' }, 'Error'],
		[{ location: 'query', queryParameterName: ' ', secret: 'a-long-random-secret-1234' }, 'Error'],
		[
			{ location: 'header', headerName: 'Bad Header', secret: 'a-long-random-secret-1234' },
			'Error',
		],
		[{ location: 'header', headerName: '', secret: 'a-long-random-secret-1234' }, 'Error'],
	])('shared secret %j: %s', async (data, status) => {
		const result = await secretTest.call(context, credential('mailKompletWebhookSecretApi', data));
		expect(result.status).toBe(status);
		expect(result.message).not.toContain('a-long-random-secret-1234');
	});

	it.each([
		[{ user: 'mail-komplet', password: 'a-long-random-password' }, 'OK'],
		[{ user: '', password: 'a-long-random-password' }, 'Error'],
		[{ user: 'a:b', password: 'a-long-random-password' }, 'Error'],
		[{ user: 'mail-komplet', password: '' }, 'Error'],
		[{ user: 'mail-komplet', password: 'short' }, 'Error'],
	])('basic auth %j: %s', async (data, status) => {
		const result = await basicTest.call(
			context,
			credential('mailKompletWebhookBasicAuthApi', data),
		);
		expect(result.status).toBe(status);
	});
});
