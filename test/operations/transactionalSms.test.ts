import { jsonOf } from '../harness';
import { fixClockAndGuids, guid, NOW, returnAllPages } from '../helpers/operations';
import { API_HEADERS, useSandbox } from '../helpers/sandbox';

const t = useSandbox();

fixClockAndGuids(t);

describe('Transactional SMS > Get Many', () => {
	it('pages through every SMS with Return All (the answer has no pageCount)', async () => {
		for (let i = 1; i <= 5; i++) {
			t.sandbox.store.addTransactionalSms({ to: `+42077512345${i}`, text: `Hello ${i}` });
		}

		const result = await returnAllPages(
			t,
			{ resource: 'transactionalSms', operation: 'getAll' },
			{ path: '/transactionalSms', pages: 3 },
		);
		expect(jsonOf(result).map((s) => s.text)).toEqual([
			'Hello 1',
			'Hello 2',
			'Hello 3',
			'Hello 4',
			'Hello 5',
		]);
		expect(jsonOf(result)[0]).toEqual({
			smsId: 59401,
			state: 2,
			queuePriority: 3,
			to: '+420775123451',
			created: NOW,
			due: NOW,
			sent: null,
			received: null,
			text: 'Hello 1',
			smsGroupId: null,
			guid: guid(1),
			price: 0.8,
		});
	});

	it('returns the main fields only with Simplify, on by default from node version 1.1', async () => {
		t.sandbox.store.addTransactionalSms({ to: '+420775123451', text: 'Hello' });
		const parameters = { resource: 'transactionalSms', operation: 'getAll', returnAll: true };

		const simplified = await t.run(parameters, { typeVersion: 1.1 });
		const full = await t.run({ ...parameters, simplify: false }, { typeVersion: 1.1 });

		expect(jsonOf(simplified)).toEqual([
			{
				smsId: 59401,
				guid: guid(1),
				to: '+420775123451',
				text: 'Hello',
				state: 2,
				created: NOW,
				sent: null,
				received: null,
				price: 0.8,
			},
		]);
		expect(Object.keys(jsonOf(full)[0])).toHaveLength(12);
	});

	it('sends every filter, dates in the API format and the workflow timezone', async () => {
		t.sandbox.store.addTransactionalSms({
			to: '+420775123451',
			text: 'Old',
			created: '2026-01-01T08:00:00',
		});
		t.sandbox.store.addTransactionalSms({
			to: '+420775123452',
			text: 'New',
			created: '2026-01-10T08:00:00',
		});

		const result = await t.run({
			resource: 'transactionalSms',
			operation: 'getAll',
			returnAll: true,
			filters: {
				smsId: '59402',
				createdFrom: '2026-01-05T00:00:00',
				createdTo: '2026-01-14T23:00:00.000Z',
				to: '775123452',
				guid: guid(2),
			},
		});

		expect(t.sent()[0].query).toEqual({
			smsId: '59402',
			createdFrom: '2026-01-05T00:00:00',
			createdTo: '2026-01-15T00:00:00',
			to: '775123452',
			guid: guid(2),
			page: '1',
			pageSize: '1000',
		});
		expect(jsonOf(result).map((s) => s.text)).toEqual(['New']);
	});
});

describe('Transactional SMS > Send', () => {
	it('sends one SMS per item with named priority and group, one output item per recipient', async () => {
		const result = await t.run(
			{
				resource: 'transactionalSms',
				operation: 'send',
				sendMode: 'perItem',
				to: '={{ $json.phone }}',
				text: '=Your order {{ $json.order }} is on its way',
				additionalFields: { priority: 1, groupId: '7' },
			},
			{
				items: [
					{ json: { phone: '+420 775 123 456', order: 'A-1' } },
					{ json: { phone: '+420775000001, +420775000002', order: 'A-2' } },
				],
			},
		);

		expect(t.sandbox.requests[0].headers).toMatchObject({
			...API_HEADERS,
			'content-type': 'application/json',
		});
		expect(t.sent()).toEqual([
			{
				method: 'POST',
				path: '/transactionalSms',
				query: {},
				body: {
					sms: {
						to: [{ number: '+420775123456' }],
						text: 'Your order A-1 is on its way',
						priority: 1,
						groupId: 7,
					},
				},
			},
			{
				method: 'POST',
				path: '/transactionalSms',
				query: {},
				body: {
					sms: {
						to: [{ number: '+420775000001' }, { number: '+420775000002' }],
						text: 'Your order A-2 is on its way',
						priority: 1,
						groupId: 7,
					},
				},
			},
		]);
		expect(result.items).toEqual([
			{ json: { number: '+420775123456', guid: guid(1) }, pairedItem: { item: 0 } },
			{ json: { number: '+420775000001', guid: guid(2) }, pairedItem: { item: 1 } },
			{ json: { number: '+420775000002', guid: guid(3) }, pairedItem: { item: 1 } },
		]);
		expect(t.sandbox.store.transactionalSms.get(59401)).toMatchObject({
			queuePriority: 1,
			smsGroupId: 7,
		});
	});

	it('sends all items in few requests with One Request for All Items', async () => {
		const items = [1, 2, 3].map((i) => ({ json: { phone: `+42077500000${i}` } }));

		const result = await t.run(
			{
				resource: 'transactionalSms',
				operation: 'send',
				sendMode: 'batch',
				batchSize: 2,
				to: '={{ $json.phone }}',
				text: 'Sale starts today',
			},
			{ items },
		);

		expect(t.sent().map((r) => r.body)).toEqual([
			{
				sms: {
					to: [{ number: '+420775000001' }, { number: '+420775000002' }],
					text: 'Sale starts today',
				},
			},
			{ sms: { to: [{ number: '+420775000003' }], text: 'Sale starts today' } },
		]);
		expect(result.items).toEqual([
			{ json: { number: '+420775000001', guid: guid(1) }, pairedItem: { item: 0 } },
			{ json: { number: '+420775000002', guid: guid(2) }, pairedItem: { item: 1 } },
			{ json: { number: '+420775000003', guid: guid(3) }, pairedItem: { item: 2 } },
		]);
	});

	it('refuses a number that is not a phone number, naming field and item, without a request', async () => {
		const result = await t.run(
			{
				resource: 'transactionalSms',
				operation: 'send',
				sendMode: 'perItem',
				to: '={{ $json.phone }}',
				text: 'Hi',
			},
			{ items: [{ json: { phone: 'call me' } }] },
		);

		expect(result.error?.message).toBe('Phone Numbers: "call me" is not a phone number');
		expect(result.error?.context?.itemIndex).toBe(0);
		expect(t.sent()).toEqual([]);
	});

	it('with Continue On Fail, reports a bad item of a batch and sends the others', async () => {
		const items = [{ json: { phone: '+420775000001' } }, { json: { phone: '' } }];

		const result = await t.run(
			{
				resource: 'transactionalSms',
				operation: 'send',
				sendMode: 'batch',
				to: '={{ $json.phone }}',
				text: 'Hi',
			},
			{ items, continueOnFail: true },
		);

		expect(t.sent().map((r) => r.body)).toEqual([
			{ sms: { to: [{ number: '+420775000001' }], text: 'Hi' } },
		]);
		expect(result.items).toEqual([
			{
				json: {
					error: 'Phone Numbers is required',
					description:
						'Recipient phone number with country code, usually an expression reading it from the input item. Several numbers separated by commas or new lines each get the SMS.',
				},
				pairedItem: { item: 1 },
			},
			{ json: { number: '+420775000001', guid: guid(1) }, pairedItem: { item: 0 } },
		]);
	});
});
