import type { IDataObject } from 'n8n-workflow';

import { WebhookHarness } from '../helpers/webhook-harness';
import type { FixtureName } from './setup';
import { FIXTURES, startTrigger } from './setup';

/** What the trigger must output for each documented payload: the fields as sent, plus these. */
const EXPECTED: Record<FixtureName, IDataObject> = {
	'1-delivered': {
		...FIXTURES['1-delivered'],
		event: 'transactionalEmail.delivered',
		eventLabel: 'Transactional Email Delivered',
	},
	'2-clicked': {
		...FIXTURES['2-clicked'],
		event: 'transactionalEmail.clicked',
		eventLabel: 'Transactional Email Link Clicked',
	},
	'3-opened': {
		...FIXTURES['3-opened'],
		event: 'transactionalEmail.opened',
		eventLabel: 'Transactional Email Opened',
	},
	'4-soft-bounce': {
		...FIXTURES['4-soft-bounce'],
		event: 'transactionalEmail.softBounced',
		eventLabel: 'Transactional Email Soft Bounce',
	},
	'5-hard-bounce': {
		...FIXTURES['5-hard-bounce'],
		fromDisplayName: 'Mail Komplet',
		event: 'transactionalEmail.hardBounced',
		eventLabel: 'Transactional Email Hard Bounce',
	},
	'6-unsubscribed': {
		...FIXTURES['6-unsubscribed'],
		event: 'transactionalEmail.unsubscribed',
		eventLabel: 'Transactional Email Unsubscribed',
	},
	'7-spam-complaint': {
		...FIXTURES['7-spam-complaint'],
		event: 'transactionalEmail.spamComplaint',
		eventLabel: 'Transactional Email Spam Complaint',
	},
	'8-mass-unsubscribed': {
		...FIXTURES['8-mass-unsubscribed'],
		event: 'marketingEmail.unsubscribed',
		eventLabel: 'Mass Email Unsubscribed',
	},
};

const NAMES = Object.keys(FIXTURES) as FixtureName[];

afterAll(() => WebhookHarness.cleanUp());

describe('the eight documented payloads', () => {
	let harness: WebhookHarness;
	beforeAll(async () => {
		harness = await startTrigger();
	});
	afterAll(async () => await harness.close());

	it('uses the fixtures of the documentation, one per webhookTypeId', () => {
		expect(NAMES.map((name) => FIXTURES[name].webhookTypeId)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
		expect(FIXTURES['5-hard-bounce']).toHaveProperty('fromDispalyName', 'Mail Komplet');
	});

	it.each(NAMES)('%s: emits exactly one item and n8n runs the workflow with it', async (name) => {
		const response = await harness.send({ body: FIXTURES[name], runWorkflow: true });

		expect(response.status).toBe(200);
		expect(response.json).toEqual({ message: 'Workflow was started', events: 1 });
		const call = response.call!;
		expect(call.error).toBeUndefined();
		expect(call.protocolErrors).toEqual([]);
		expect(call.started).toBe(true);
		expect(call.items).toStrictEqual([{ json: EXPECTED[name] }]);

		// n8n-core's WorkflowExecute ran the workflow from the trigger with that item.
		const run = call.run!;
		expect(run.status).toBe('success');
		expect(run.data.resultData.error).toBeUndefined();
		const triggerRuns = run.data.resultData.runData['Mail Komplet Trigger'];
		expect(triggerRuns).toHaveLength(1);
		expect(triggerRuns[0].data?.main[0]?.map((item) => item.json)).toStrictEqual([EXPECTED[name]]);
	});

	it.each(NAMES)('%s: the test URL works too', async (name) => {
		const response = await harness.send({ url: 'test', body: FIXTURES[name] });
		expect(response.status).toBe(200);
		expect(response.call?.items).toStrictEqual([{ json: EXPECTED[name] }]);
	});

	it('emits one item per event, in order, when the body is an array', async () => {
		const response = await harness.send({
			body: NAMES.map((name) => FIXTURES[name]),
			runWorkflow: true,
		});
		expect(response.status).toBe(200);
		expect(response.json).toEqual({ message: 'Workflow was started', events: 8 });
		expect(response.call?.items).toStrictEqual(NAMES.map((name) => ({ json: EXPECTED[name] })));
		expect(response.call?.run?.status).toBe('success');
	});

	it.each([
		'application/json',
		'application/json; charset=utf-8',
		'application/json;charset=UTF-8',
		'application/json; charset="utf-8"',
		'application/vnd.mail-komplet+json; charset=utf-8',
		'text/plain; charset=utf-8',
	])('accepts the content type %s', async (contentType) => {
		const response = await harness.send({
			headers: { 'content-type': contentType },
			body: JSON.stringify(FIXTURES['1-delivered']),
		});
		expect(response.status).toBe(200);
		expect(response.call?.items).toStrictEqual([{ json: EXPECTED['1-delivered'] }]);
	});

	it('decodes the body in the charset of the Content-Type header', async () => {
		const payload = { ...FIXTURES['1-delivered'], subject: 'Potvrzení objednávky' };
		const response = await harness.send({
			headers: { 'content-type': 'application/json; charset=iso-8859-2' },
			// "í" and "á" are 0xED and 0xE1 in ISO-8859-2 (as in Latin-1).
			body: Buffer.from(JSON.stringify(payload), 'latin1'),
		});
		expect(response.status).toBe(200);
		expect(response.call?.items[0]?.json.subject).toBe('Potvrzení objednávky');
	});

	it('accepts a UTF-8 byte order mark', async () => {
		const response = await harness.send({
			headers: { 'content-type': 'application/json; charset=utf-8' },
			body: Buffer.concat([
				Buffer.from([0xef, 0xbb, 0xbf]),
				Buffer.from(JSON.stringify(FIXTURES['3-opened'])),
			]),
		});
		expect(response.status).toBe(200);
		expect(response.call?.items).toStrictEqual([{ json: EXPECTED['3-opened'] }]);
	});

	it('keeps a correctly spelled fromDisplayName that Mail Komplet may send one day', async () => {
		const payload = { ...FIXTURES['5-hard-bounce'], fromDisplayName: 'Obchod Example' };
		const response = await harness.send({ body: payload });
		expect(response.call?.items[0]?.json).toMatchObject({
			fromDispalyName: 'Mail Komplet',
			fromDisplayName: 'Obchod Example',
		});
	});
});

describe('option "Output Body Untouched"', () => {
	let harness: WebhookHarness;
	beforeAll(async () => {
		harness = await startTrigger({ parameters: { options: { outputBodyUntouched: true } } });
	});
	afterAll(async () => await harness.close());

	it.each(NAMES)('%s: outputs the event exactly as sent', async (name) => {
		const response = await harness.send({ body: FIXTURES[name] });
		expect(response.status).toBe(200);
		expect(response.call?.items).toStrictEqual([{ json: FIXTURES[name] }]);
	});

	it('still emits one item per event of an array', async () => {
		const body = [FIXTURES['1-delivered'], FIXTURES['8-mass-unsubscribed']];
		const response = await harness.send({ body });
		expect(response.call?.items).toStrictEqual(body.map((json) => ({ json })));
	});
});

describe('how the body reaches the node', () => {
	it.each(NAMES)(
		"%s: after n8n's own body parsing (rawBody read, JSON pre-parsed)",
		async (name) => {
			const harness = await startTrigger({ bodyMode: 'n8n' });
			try {
				const response = await harness.send({
					headers: { 'content-type': 'application/json; charset=utf-8' },
					body: JSON.stringify(FIXTURES[name]),
				});
				expect(response.status).toBe(200);
				expect(response.call?.items).toStrictEqual([{ json: EXPECTED[name] }]);
			} finally {
				await harness.close();
			}
		},
	);

	it('from the bare request stream when n8n has not read it', async () => {
		const harness = await startTrigger({ bodyMode: 'stream' });
		try {
			const response = await harness.send({ body: NAMES.map((name) => FIXTURES[name]) });
			expect(response.status).toBe(200);
			expect(response.call?.items).toStrictEqual(NAMES.map((name) => ({ json: EXPECTED[name] })));
		} finally {
			await harness.close();
		}
	});
});
