import { jsonOf, listSearch } from '../harness';
import { fixClockAndGuids, returnAllPages } from '../helpers/operations';
import { API_HEADERS, byId, useSandbox } from '../helpers/sandbox';

const t = useSandbox();

fixClockAndGuids(t);

function addCampaign(name: string, campaignGroupId: number | null = null) {
	return t.sandbox.store.addCampaign({
		name,
		mailFromAddress: 'info@webkomplet.cz',
		campaignGroupId,
	});
}

describe('Campaign > Get Many', () => {
	it('pages through every campaign with Return All', async () => {
		for (const name of ['Spring', 'Summer', 'Autumn', 'Winter', 'Christmas']) addCampaign(name);

		const result = await returnAllPages(
			t,
			{ resource: 'campaign', operation: 'getAll' },
			{ path: '/campaigns', pages: 3 },
		);

		expect(jsonOf(result).map((c) => c.name)).toEqual([
			'Spring',
			'Summer',
			'Autumn',
			'Winter',
			'Christmas',
		]);
		expect(jsonOf(result)[0]).toEqual({
			campaignId: 26701,
			templateId: null,
			name: 'Spring',
			description: null,
			insertTrackingImage: true,
			ignoreExcludeList: false,
			useWysiwyg: true,
			autoLinkTracking: true,
			status: 2,
			schedulerId: null,
			nextRunTime: null,
			mailFromDisplayName: null,
			mailFromAddress: 'info@webkomplet.cz',
			replyToDisplayName: null,
			replyToAddress: null,
		});
	});

	it('returns the main fields only with Simplify, on by default from node version 1.1', async () => {
		addCampaign('Spring');
		const parameters = { resource: 'campaign', operation: 'getAll', returnAll: true };

		const simplified = await t.run(parameters, { typeVersion: 1.1 });
		const full = await t.run({ ...parameters, simplify: false }, { typeVersion: 1.1 });

		expect(jsonOf(simplified)).toEqual([
			{
				campaignId: 26701,
				name: 'Spring',
				description: null,
				status: 2,
				nextRunTime: null,
				templateId: null,
				mailFromDisplayName: null,
				mailFromAddress: 'info@webkomplet.cz',
			},
		]);
		expect(Object.keys(jsonOf(full)[0])).toHaveLength(15);
	});

	it('filters by campaign group and part of the name', async () => {
		const group = t.sandbox.store.addCampaignGroup({ name: 'Seasonal' });
		addCampaign('Spring sale', group.campaignGroupId);
		addCampaign('Spring news');
		addCampaign('Summer sale', group.campaignGroupId);

		const result = await t.run({
			resource: 'campaign',
			operation: 'getAll',
			returnAll: true,
			filters: { campaignGroupId: String(group.campaignGroupId), name: 'spring' },
		});

		expect(t.sent()[0].query).toEqual({
			campaignGroupId: '301',
			name: 'spring',
			page: '1',
			pageSize: '1000',
		});
		expect(jsonOf(result).map((c) => c.name)).toEqual(['Spring sale']);
	});
});

describe('Campaign > Get', () => {
	it('reads the detail with GET /campaigns?campaignId= and returns its data object', async () => {
		const template = t.sandbox.store.addTemplate({ name: 'Newsletter' });
		const campaign = t.sandbox.store.addCampaign({
			name: 'Spring',
			mailFromAddress: 'info@webkomplet.cz',
			templateId: template.templateId,
			campaignType: 3,
		});

		const result = await t.run({
			resource: 'campaign',
			operation: 'get',
			campaignId: byId(campaign.campaignId),
		});

		expect(t.sent()).toEqual([
			{ method: 'GET', path: '/campaigns', query: { campaignId: '26701' } },
		]);
		expect(result.items).toEqual([
			{
				json: {
					campaignId: 26701,
					campaignGroupId: null,
					name: 'Spring',
					description: null,
					webTrackParam: null,
					senderDisplayName: null,
					senderEmail: 'info@webkomplet.cz',
					mailFromDisplayName: null,
					mailFromAddress: 'info@webkomplet.cz',
					replyToDisplayName: null,
					replyToAddress: null,
					insertTrackingImage: true,
					ignoreExcludeList: false,
					autoLinkTracking: true,
					unsubscribeTypeId: 2,
					dispatcherId: null,
					templateId: 82401,
					useWysiwyg: true,
					campaignType: 3,
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	it('returns the main settings only with Simplify (node version 1.1)', async () => {
		const campaign = addCampaign('Spring');

		const result = await t.run(
			{ resource: 'campaign', operation: 'get', campaignId: byId(campaign.campaignId) },
			{ typeVersion: 1.1 },
		);

		expect(jsonOf(result)).toEqual([
			{
				campaignId: 26701,
				campaignGroupId: null,
				name: 'Spring',
				description: null,
				campaignType: 1,
				templateId: null,
				dispatcherId: null,
				mailFromDisplayName: null,
				mailFromAddress: 'info@webkomplet.cz',
				replyToAddress: null,
				unsubscribeTypeId: 2,
			},
		]);
	});

	it('reports a campaign that does not exist as a 404', async () => {
		const result = await t.run({ resource: 'campaign', operation: 'get', campaignId: byId(999) });

		expect(result.error?.message).toBe('The requested Mail Komplet record does not exist');
		expect(result.error?.httpCode).toBe('404');
	});
});

describe('Campaign > Create', () => {
	it('POSTs the campaign with named unsubscribe type and returns the new campaignId', async () => {
		const template = t.sandbox.store.addTemplate({ name: 'Newsletter' });
		const dispatcher = t.sandbox.store.addDispatcher();

		const result = await t.run({
			resource: 'campaign',
			operation: 'create',
			name: 'New campaign',
			mailFromAddress: 'info@webkomplet.cz',
			unsubscribeTypeId: 3,
			additionalFields: {
				templateId: byId(template.templateId),
				dispatcherId: byId(dispatcher.dispatcherId),
				description: 'Short description',
				mailFromDisplayName: 'Webkomplet',
				webTrackParam: 'utm_source=newsletter',
				insertTrackingImage: true,
				autoLinkTracking: false,
				ignoreExcludeList: false,
			},
		});

		const body = {
			name: 'New campaign',
			mailFromAddress: 'info@webkomplet.cz',
			unsubscribeTypeId: 3,
			templateId: 82401,
			dispatcherId: 1601,
			description: 'Short description',
			mailFromDisplayName: 'Webkomplet',
			webTrackParam: 'utm_source=newsletter',
			insertTrackingImage: true,
			autoLinkTracking: false,
			ignoreExcludeList: false,
		};
		expect(t.sandbox.requests[0].headers).toMatchObject({
			...API_HEADERS,
			'content-type': 'application/json',
		});
		expect(t.sent()).toEqual([{ method: 'POST', path: '/campaigns', query: {}, body }]);
		expect(result.items).toEqual([
			{ json: { campaignId: 26701, ...body }, pairedItem: { item: 0 } },
		]);
		expect(t.sandbox.store.campaigns.get(26701)?.unsubscribeTypeId).toBe(3);
	});

	it('refuses an invalid sender address, naming the field and passing the item to n8n, before its request', async () => {
		const result = await t.run(
			{
				resource: 'campaign',
				operation: 'create',
				name: 'X',
				mailFromAddress: '={{ $json.from }}',
				unsubscribeTypeId: 2,
			},
			{ items: [{ json: { from: 'info@example.cz' } }, { json: { from: 'info.example.cz' } }] },
		);

		expect(result.error?.message).toBe(
			'From Email is not a valid e-mail address: "info.example.cz"',
		);
		expect(result.error?.context?.itemIndex).toBe(1);
		expect(t.sent().map((r) => r.body)).toEqual([
			{ name: 'X', mailFromAddress: 'info@example.cz', unsubscribeTypeId: 2 },
		]);
	});

	it('goes on with the next item when asked, pairing the error with its item', async () => {
		const result = await t.run(
			{
				resource: 'campaign',
				operation: 'create',
				name: '={{ $json.name }}',
				mailFromAddress: 'info@webkomplet.cz',
				unsubscribeTypeId: 1,
				additionalFields: { templateId: '={{ $json.template }}' },
			},
			{
				items: [{ json: { name: 'A', template: 'x1' } }, { json: { name: 'B', template: '' } }],
				continueOnFail: true,
			},
		);

		expect(result.items).toEqual([
			{
				json: {
					error: 'Template must be a numeric ID, got "x1"',
					description:
						'Pick "Template" from the list, or give the numeric ID Mail Komplet shows, e.g. 8947. Names are not accepted: a Get Many operation lists the IDs.',
				},
				pairedItem: { item: 0 },
			},
			{
				json: {
					campaignId: 26701,
					name: 'B',
					mailFromAddress: 'info@webkomplet.cz',
					unsubscribeTypeId: 1,
				},
				pairedItem: { item: 1 },
			},
		]);
		expect(t.sent()).toHaveLength(1);
	});
	it('sends the Reply-To address and name, which the reference lists only in what Get returns', async () => {
		const result = await t.run({
			resource: 'campaign',
			operation: 'create',
			name: 'Orders',
			mailFromAddress: 'shop@webkomplet.cz',
			unsubscribeTypeId: 1,
			additionalFields: { replyToAddress: ' help@webkomplet.cz ', replyToDisplayName: 'Help desk' },
		});

		const body = {
			name: 'Orders',
			mailFromAddress: 'shop@webkomplet.cz',
			unsubscribeTypeId: 1,
			replyToAddress: 'help@webkomplet.cz',
			replyToDisplayName: 'Help desk',
		};
		expect(t.sent()).toEqual([{ method: 'POST', path: '/campaigns', query: {}, body }]);
		expect(jsonOf(result)).toEqual([{ campaignId: 26701, ...body }]);
		expect(t.sandbox.store.campaigns.get(26701)).toMatchObject({
			replyToAddress: 'help@webkomplet.cz',
			replyToDisplayName: 'Help desk',
		});
	});

	it('refuses a Reply-To that is no address, before its request', async () => {
		const result = await t.run({
			resource: 'campaign',
			operation: 'create',
			name: 'Orders',
			mailFromAddress: 'shop@webkomplet.cz',
			unsubscribeTypeId: 1,
			additionalFields: { replyToAddress: 'help desk' },
		});

		expect(result.error?.message).toBe('Reply-To Email is not a valid e-mail address: "help desk"');
		expect(t.sent()).toEqual([]);
	});
});

describe('Campaign > Update', () => {
	it('PUTs only the changed fields to /campaigns/{campaignId}', async () => {
		const campaign = addCampaign('Old');

		const body = { name: 'New', unsubscribeTypeId: 1, insertTrackingImage: false };
		const result = await t.run({
			resource: 'campaign',
			operation: 'update',
			campaignId: byId(campaign.campaignId),
			updateFields: body,
		});

		expect(t.sent()).toEqual([{ method: 'PUT', path: '/campaigns/26701', query: {}, body }]);
		expect(jsonOf(result)).toEqual([{ success: true, campaignId: 26701, ...body }]);
		expect(t.sandbox.store.campaigns.get(26701)).toMatchObject(body);
	});

	it('PUTs a new Reply-To address and name', async () => {
		const campaign = addCampaign('Orders');

		const body = { replyToAddress: 'help@webkomplet.cz', replyToDisplayName: 'Help desk' };
		await t.run({
			resource: 'campaign',
			operation: 'update',
			campaignId: byId(campaign.campaignId),
			updateFields: body,
		});

		expect(t.sent()).toEqual([{ method: 'PUT', path: '/campaigns/26701', query: {}, body }]);
		expect(t.sandbox.store.campaigns.get(26701)).toMatchObject(body);
	});

	it('takes template and domain redirect saved as plain IDs by earlier versions', async () => {
		const campaign = addCampaign('Spring');
		const template = t.sandbox.store.addTemplate({ name: 'Newsletter' });
		const dispatcher = t.sandbox.store.addDispatcher();

		await t.run({
			resource: 'campaign',
			operation: 'update',
			campaignId: byId(campaign.campaignId),
			updateFields: {
				templateId: String(template.templateId),
				dispatcherId: ` ${dispatcher.dispatcherId} `,
			},
		});

		expect(t.sent()).toEqual([
			{
				method: 'PUT',
				path: '/campaigns/26701',
				query: {},
				body: { templateId: 82401, dispatcherId: 1601 },
			},
		]);
	});

	it('refuses an update without fields', async () => {
		const result = await t.run({
			resource: 'campaign',
			operation: 'update',
			campaignId: byId(26701),
			updateFields: {},
		});

		expect(result.error?.message).toBe('Set at least one Update Field');
		expect(t.sent()).toEqual([]);
	});
});

describe('Campaign > Delete', () => {
	it('DELETEs /campaigns?id= and says what it deleted', async () => {
		const campaign = addCampaign('Spring');

		const result = await t.run({
			resource: 'campaign',
			operation: 'delete',
			campaignId: byId(campaign.campaignId),
		});

		expect(t.sent()).toEqual([{ method: 'DELETE', path: '/campaigns', query: { id: '26701' } }]);
		expect(jsonOf(result)).toEqual([{ success: true, campaignId: 26701 }]);
		expect(t.sandbox.store.campaigns.size).toBe(0);
	});

	it('refuses a non-numeric Campaign ID without sending a request', async () => {
		const result = await t.run(
			{ resource: 'campaign', operation: 'delete', campaignId: byId('={{ $json.id }}') },
			{ items: [{ json: { id: 'spring' } }] },
		);

		expect(result.error?.message).toBe('Campaign must be a numeric ID, got "spring"');
		expect(t.sent()).toEqual([]);
	});
});

describe('Campaign picker', () => {
	it("searches campaigns with the API's name filter", async () => {
		addCampaign('Spring sale');
		addCampaign('Summer sale');

		const found = await listSearch(t.credentials, 'searchCampaigns', 'summer');

		expect(found.results).toEqual([{ name: 'Summer sale', value: '26702' }]);
		expect(t.sent()[0].query).toEqual({ page: '1', pageSize: '100', name: 'summer' });
	});
});
