import { jsonOf } from '../harness';
import { returnAllPages } from '../helpers/operations';
import { useSandbox } from '../helpers/sandbox';

const t = useSandbox();

describe('Domain Redirect > Get Many', () => {
	it('pages through every domain redirect (GET /dispatchers) with Return All', async () => {
		for (const name of ['News', 'Shop', 'Blog']) t.sandbox.store.addDispatcher({ name });

		const result = await returnAllPages(
			t,
			{ resource: 'domainRedirect', operation: 'getAll' },
			{ path: '/dispatchers', pages: 2 },
		);
		expect(jsonOf(result).map((d) => [d.dispatcherId, d.name])).toEqual([
			[1601, 'News'],
			[1602, 'Shop'],
			[1603, 'Blog'],
		]);
		expect(jsonOf(result)[0]).toEqual({
			dispatcherId: 1601,
			status: 2,
			genericDispatcherId: 1,
			genericDispatcherDomain: 'm1.mail-komplet.cz',
			name: 'News',
			title: 'http://m1.mail-komplet.cz/m/',
			url: 'http://m1.mail-komplet.cz/m/',
			useHttps: false,
			subscribeReturnUrl: '',
			unsubscribeReturnUrl: '',
			useSubscribeAuthentication: false,
			sendSubscribeAuthenticationFormReturnUrl: '',
			subscribeCampaignId: null,
			useSendWelcomeMail: false,
			welcomeCampaignId: null,
			useUnsubscribeAuthentication: false,
			unsubscribeAuthenticationReturnUrl: '',
			sendUnsubscribeAuthenticationFormReturnUrl: '',
			useFeedback: false,
			feedback: null,
			feedbackUrl: null,
			domainRewrite: '',
			cnameRecord: null,
			useIdentifier: false,
		});
	});

	it('returns the main fields only with Simplify, on by default from node version 1.1', async () => {
		t.sandbox.store.addDispatcher({ name: 'News' });
		const parameters = { resource: 'domainRedirect', operation: 'getAll', returnAll: true };

		const simplified = await t.run(parameters, { typeVersion: 1.1 });
		const full = await t.run({ ...parameters, simplify: false }, { typeVersion: 1.1 });

		expect(jsonOf(simplified)).toEqual([
			{
				dispatcherId: 1601,
				name: 'News',
				url: 'http://m1.mail-komplet.cz/m/',
				useHttps: false,
				status: 2,
			},
		]);
		expect(Object.keys(jsonOf(full)[0])).toHaveLength(24);
	});

	it('filters by dispatcherId and stops at the Limit', async () => {
		t.sandbox.store.addDispatcher({ name: 'News' });
		t.sandbox.store.addDispatcher({ name: 'Shop' });

		const result = await t.run({
			resource: 'domainRedirect',
			operation: 'getAll',
			returnAll: false,
			limit: 5,
			filters: { dispatcherId: '1602' },
		});

		expect(t.sent()).toEqual([
			{
				method: 'GET',
				path: '/dispatchers',
				query: { dispatcherId: '1602', page: '1', pageSize: '5' },
			},
		]);
		expect(jsonOf(result).map((d) => d.name)).toEqual(['Shop']);
	});

	it('refuses a non-numeric Domain Redirect ID filter without sending a request', async () => {
		const result = await t.run({
			resource: 'domainRedirect',
			operation: 'getAll',
			returnAll: true,
			filters: { dispatcherId: 'm1' },
		});

		expect(result.error?.message).toBe('Domain Redirect must be a numeric ID, got "m1"');
		expect(t.sent()).toEqual([]);
	});
});
