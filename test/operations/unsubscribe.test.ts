import { jsonOf, listSearch } from '../harness';
import { fixClockAndGuids, NOW, returnAllPages } from '../helpers/operations';
import { API_HEADERS, byId, useSandbox } from '../helpers/sandbox';

const t = useSandbox();

fixClockAndGuids(t);

describe('Unsubscribe > Get Many', () => {
	it('pages through every unsubscribe record (GET /excludeLists) with Return All', async () => {
		const list = t.sandbox.store.addMailingList({ name: 'Newsletter' });
		for (let i = 1; i <= 3; i++) t.sandbox.store.addExcludeListEntry({ email: `r${i}@example.cz` });
		t.sandbox.store.addExcludeListEntry({
			email: 'r4@example.cz',
			mailingListId: list.mailingListId,
			reason: 'Too many e-mails',
		});

		const result = await returnAllPages(
			t,
			{ resource: 'unsubscribe', operation: 'getAll' },
			{ path: '/excludeLists', pages: 2, pageSize: 3 },
		);
		expect(jsonOf(result).map((e) => e.email)).toEqual([
			'r1@example.cz',
			'r2@example.cz',
			'r3@example.cz',
			'r4@example.cz',
		]);
		expect(jsonOf(result)[3]).toEqual({
			excludeListId: 161204,
			mailingListId: 11601,
			campaignId: null,
			email: 'r4@example.cz',
			createdDate: NOW,
			reason: 'Too many e-mails',
			sourceGeneratorExecutionId: null,
			origin: 2,
			reasonId: 1,
			bounceTypeId: null,
			deliveryInfoErrorCode: null,
			validFrom: null,
			validTo: null,
			variant: 0,
			sourceCampaignId: null,
			sourceTransactionalEmailId: null,
			sourceMarketingEmailId: null,
			mailingListName: 'Newsletter',
			campaignName: null,
		});
	});

	it('returns the main fields only with Simplify, on by default from node version 1.1', async () => {
		const list = t.sandbox.store.addMailingList({ name: 'Newsletter' });
		t.sandbox.store.addExcludeListEntry({
			email: 'jan@example.cz',
			mailingListId: list.mailingListId,
			reason: 'Too many e-mails',
		});
		const parameters = { resource: 'unsubscribe', operation: 'getAll', returnAll: true };

		const simplified = await t.run(parameters, { typeVersion: 1.1 });
		const full = await t.run({ ...parameters, simplify: false }, { typeVersion: 1.1 });

		expect(jsonOf(simplified)).toEqual([
			{
				excludeListId: 161201,
				email: 'jan@example.cz',
				mailingListId: 11601,
				mailingListName: 'Newsletter',
				campaignId: null,
				campaignName: null,
				createdDate: NOW,
				reason: 'Too many e-mails',
				origin: 2,
				reasonId: 1,
			},
		]);
		expect(Object.keys(jsonOf(full)[0])).toHaveLength(19);
	});

	it('filters by excludeListId and mailingListId', async () => {
		const list = t.sandbox.store.addMailingList({ name: 'Newsletter' });
		t.sandbox.store.addExcludeListEntry({
			email: 'a@example.cz',
			mailingListId: list.mailingListId,
		});
		t.sandbox.store.addExcludeListEntry({
			email: 'b@example.cz',
			mailingListId: list.mailingListId,
		});

		const result = await t.run({
			resource: 'unsubscribe',
			operation: 'getAll',
			returnAll: true,
			filters: { excludeListId: byId(161202), mailingListId: byId(list.mailingListId) },
		});

		expect(t.sent()[0].query).toEqual({
			excludeListId: '161202',
			mailingListId: '11601',
			page: '1',
			pageSize: '1000',
		});
		expect(jsonOf(result).map((e) => e.email)).toEqual(['b@example.cz']);
	});
});

describe('Unsubscribe > Create', () => {
	it('unsubscribes globally when neither list nor campaign is given', async () => {
		const result = await t.run({
			resource: 'unsubscribe',
			operation: 'create',
			email: 'jan@webkomplet.cz',
			additionalFields: { reason: 'Asked by phone' },
		});

		const body = { email: 'jan@webkomplet.cz', reason: 'Asked by phone' };
		expect(t.sandbox.requests[0].headers).toMatchObject({
			...API_HEADERS,
			'content-type': 'application/json',
		});
		expect(t.sent()).toEqual([{ method: 'POST', path: '/excludeLists', query: {}, body }]);
		expect(result.items).toEqual([{ json: { success: true, ...body }, pairedItem: { item: 0 } }]);
		expect(t.sandbox.store.excludeLists.get(161201)).toMatchObject({
			email: 'jan@webkomplet.cz',
			mailingListId: null,
			campaignId: null,
		});
	});

	it('sends the list as mailingListId (the reference sample says mailingListsId)', async () => {
		const list = t.sandbox.store.addMailingList({ name: 'Newsletter' });
		const campaignId = t.sandbox.store.addCampaign({
			name: 'Spring',
			mailFromAddress: 'info@webkomplet.cz',
		}).campaignId;
		const distribution = t.sandbox.store.addGeneratorExecution({ campaignId });

		const result = await t.run({
			resource: 'unsubscribe',
			operation: 'create',
			email: 'jan@webkomplet.cz',
			additionalFields: {
				mailingListId: byId(list.mailingListId),
				campaignId: byId(campaignId),
				generatorExecutionId: byId(distribution.generatorExecutionId),
			},
		});

		const body = {
			email: 'jan@webkomplet.cz',
			mailingListId: 11601,
			campaignId: 26701,
			generatorExecutionId: 81301,
		};
		expect(t.sent()).toEqual([{ method: 'POST', path: '/excludeLists', query: {}, body }]);
		expect(jsonOf(result)).toEqual([{ success: true, ...body }]);
		expect(t.sandbox.store.excludeLists.get(161201)).toMatchObject({
			mailingListId: 11601,
			campaignId: 26701,
			sourceGeneratorExecutionId: 81301,
		});
	});

	it('refuses an invalid e-mail, naming the field, without a request', async () => {
		const result = await t.run({
			resource: 'unsubscribe',
			operation: 'create',
			email: 'jan(at)webkomplet.cz',
		});

		expect(result.error?.message).toBe(
			'Email is not a valid e-mail address: "jan(at)webkomplet.cz"',
		);
		expect(t.sent()).toEqual([]);
	});
});

describe('Unsubscribe > Delete', () => {
	it('DELETEs /excludeLists?id= and says what it deleted', async () => {
		t.sandbox.store.addExcludeListEntry({ email: 'jan@webkomplet.cz' });

		const result = await t.run({
			resource: 'unsubscribe',
			operation: 'delete',
			excludeListId: byId(161201),
		});

		expect(t.sent()).toEqual([
			{ method: 'DELETE', path: '/excludeLists', query: { id: '161201' } },
		]);
		expect(jsonOf(result)).toEqual([{ success: true, excludeListId: 161201 }]);
		expect(t.sandbox.store.excludeLists.size).toBe(0);
	});
});

describe('Unsubscribe picker', () => {
	it('labels records by e-mail and what the address left', async () => {
		const list = t.sandbox.store.addMailingList({ name: 'Newsletter' });
		t.sandbox.store.addExcludeListEntry({ email: 'a@example.cz' });
		t.sandbox.store.addExcludeListEntry({
			email: 'b@example.cz',
			mailingListId: list.mailingListId,
		});

		const found = await listSearch(t.credentials, 'searchUnsubscribes', 'b@');

		expect(found.results).toEqual([{ name: 'b@example.cz - Newsletter', value: '161202' }]);
	});
});
