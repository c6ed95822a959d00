import { jsonOf, listSearch } from '../harness';
import { fixClockAndGuids, NOW, returnAllPages } from '../helpers/operations';
import { useSandbox } from '../helpers/sandbox';

const t = useSandbox();

fixClockAndGuids(t);

describe('Template > Get Many', () => {
	it('pages through every template with Return All, as the API gives them', async () => {
		for (const name of ['Welcome', 'Order', 'Invoice', 'Reminder', 'SMS notice']) {
			t.sandbox.store.addTemplate({ name, type: name === 'SMS notice' ? 3 : 2 });
		}

		const result = await returnAllPages(
			t,
			{ resource: 'template', operation: 'getAll' },
			{ path: '/templates', pages: 3 },
		);
		expect(jsonOf(result).map((template) => template.name)).toEqual([
			'Welcome',
			'Order',
			'Invoice',
			'Reminder',
			'SMS notice',
		]);
		expect(result.items[4]).toEqual({
			json: {
				templateId: 82405,
				created: NOW,
				updated: NOW,
				name: 'SMS notice',
				subject: 'SMS notice',
				isCampaignBound: false,
				isHtml: true,
				type: 3,
				body: '',
				bodyAlternative: null,
				templateThumbnailUrl: `https://admin.mail-komplet.cz//api/${t.sandbox.baseCrypt}/thumbnail/?templateId=82405&t=37`,
				useWysiwyg: true,
			},
			pairedItem: { item: 0 },
		});
	});

	it('returns the main fields without body and thumbnail with Simplify, on by default from node version 1.1', async () => {
		t.sandbox.store.addTemplate({ name: 'SMS notice', type: 3 });
		const parameters = { resource: 'template', operation: 'getAll', returnAll: true };

		const simplified = await t.run(parameters, { typeVersion: 1.1 });
		const full = await t.run({ ...parameters, simplify: false }, { typeVersion: 1.1 });

		expect(jsonOf(simplified)).toEqual([
			{
				templateId: 82401,
				name: 'SMS notice',
				subject: 'SMS notice',
				type: 3,
				created: NOW,
				updated: NOW,
			},
		]);
		expect(Object.keys(jsonOf(full)[0])).toHaveLength(12);
	});

	it('filters by templateId and stops at the Limit', async () => {
		t.sandbox.store.addTemplate({ name: 'Welcome' });
		t.sandbox.store.addTemplate({ name: 'Order' });

		const result = await t.run({
			resource: 'template',
			operation: 'getAll',
			returnAll: false,
			limit: 1,
			filters: { templateId: '82402' },
		});

		expect(t.sent()).toEqual([
			{
				method: 'GET',
				path: '/templates',
				query: { templateId: '82402', page: '1', pageSize: '1' },
			},
		]);
		expect(jsonOf(result).map((template) => template.name)).toEqual(['Order']);
	});

	it('refuses a non-numeric Template ID filter without sending a request', async () => {
		const result = await t.run({
			resource: 'template',
			operation: 'getAll',
			returnAll: true,
			filters: { templateId: 'welcome' },
		});

		expect(result.error?.message).toBe('Template must be a numeric ID, got "welcome"');
		expect(t.sent()).toEqual([]);
	});
});

describe('Template picker', () => {
	it('lists templates by name and filters the page where the API has no search', async () => {
		t.sandbox.store.addTemplate({ name: 'Welcome' });
		t.sandbox.store.addTemplate({ name: 'Order confirmation' });

		const found = await listSearch(t.credentials, 'searchTemplates', 'order');

		expect(found).toEqual({
			results: [{ name: 'Order confirmation', value: '82402' }],
			paginationToken: undefined,
		});
		expect(t.sent()).toEqual([
			{ method: 'GET', path: '/templates', query: { page: '1', pageSize: '100' } },
		]);
	});
});
