import { pickerSources } from '../nodes/MailKomplet/methods';
import { MailKomplet } from '../nodes/MailKomplet/MailKomplet.node';
import { listSearch, loadOptions } from './harness';
import { useSandbox } from './helpers/sandbox';

const t = useSandbox();

describe("ID pickers (list search through n8n's load-options context)", () => {
	it('pages through mailing lists with the pagination token, one request per page', async () => {
		for (let i = 1; i <= 150; i++) t.sandbox.store.addMailingList({ name: `List ${i}` });

		const first = await listSearch(t.credentials, 'searchMailingLists');
		const second = await listSearch(
			t.credentials,
			'searchMailingLists',
			undefined,
			first.paginationToken,
		);

		expect(first.results).toHaveLength(100);
		expect(first.results[0]).toEqual({ name: 'List 1', value: '11601' });
		expect(first.paginationToken).toBe('2');
		expect(second.results).toHaveLength(50);
		expect(second.paginationToken).toBeUndefined();
		expect(t.sent().map((r) => r.query)).toEqual([
			{ page: '1', pageSize: '100' },
			{ page: '2', pageSize: '100' },
		]);
	});

	it("searches contacts with the API's own e-mail filter", async () => {
		t.sandbox.store.addContacts(3);
		t.sandbox.store.addContacts(2, { domain: 'firma.cz' });

		const found = await listSearch(t.credentials, 'searchContacts', 'firma.cz');

		expect(found.results).toEqual([
			{ name: 'kontakt.7457804@firma.cz - Kontakt 7457804', value: '7457804' },
			{ name: 'kontakt.7457805@firma.cz - Kontakt 7457805', value: '7457805' },
		]);
		expect(t.sent()[0].query).toEqual({ page: '1', pageSize: '100', email: 'firma.cz' });
	});

	it('filters a page by name where the API has no search parameter', async () => {
		t.sandbox.store.addMailingList({ name: 'Zákazníci' });
		t.sandbox.store.addMailingList({ name: 'Partneři' });

		const found = await listSearch(t.credentials, 'searchMailingLists', 'partn');

		expect(found.results).toEqual([{ name: 'Partneři', value: '11602' }]);
	});

	it('offers one page of contacts for the Contact IDs multi-select', async () => {
		t.sandbox.store.addContacts(1500);

		const options = await loadOptions(t.credentials, 'getContacts');

		expect(options).toHaveLength(1000);
		expect(options[0]).toEqual({
			name: 'kontakt.7457801@example.com - Kontakt 7457801',
			value: '7457801',
		});
		expect(t.sent().map((r) => r.query)).toEqual([{ page: '1', pageSize: '1000' }]);
	});

	it('offers mailing lists for multi-selects, sorted by name', async () => {
		t.sandbox.store.addMailingList({ name: 'Zákazníci' });
		t.sandbox.store.addMailingList({ name: 'Akce' });

		expect(await loadOptions(t.credentials, 'getMailingLists')).toEqual([
			{ name: 'Akce', value: '11602' },
			{ name: 'Zákazníci', value: '11601' },
		]);
	});
});

describe('every ID picker lists its records from the demo account, one request per page', () => {
	const sources = Object.entries(pickerSources) as Array<
		[keyof typeof pickerSources, (typeof pickerSources)[keyof typeof pickerSources]]
	>;

	beforeEach(() => t.sandbox.reset('demo'));

	it.each(sources)('search%s', async (key, source) => {
		const found = await listSearch(t.credentials, `search${key}`);

		const [request] = t.sent();
		expect(`GET ${request.path}`).toBe(source.list.endpoint);
		expect(t.sent()).toEqual([]);
		expect(request.query).toEqual('paged' in source ? {} : { page: '1', pageSize: '100' });
		expect(found.results.length).toBeGreaterThan(0);
		for (const option of found.results) {
			// Records are picked by their numeric ID; business units by their baseCrypt.
			expect(option.value).toMatch(source.idKey === 'baseCrypt' ? /^\w+$/ : /^\d+$/);
			expect(option.name).not.toBe('');
		}
	});

	it.each(sources.filter(([, source]) => 'searchParam' in source))(
		'search%s passes the filter to the API',
		async (key, source) => {
			await listSearch(t.credentials, `search${key}`, 'abc');

			expect(t.sent()[0].query).toMatchObject({
				[(source as { searchParam: string }).searchParam]: 'abc',
			});
		},
	);

	it('every single-ID parameter of the node offers a list where a list endpoint exists', () => {
		const searchMethods = new Set(sources.map(([key]) => `search${key}`));
		const locators = new MailKomplet().description.properties.filter(
			(p) => p.type === 'resourceLocator',
		);
		expect(locators.length).toBeGreaterThan(0);
		for (const locator of locators) {
			const list = locator.modes?.find((mode) => mode.name === 'list');
			expect({ name: locator.name, list: Boolean(list) }).toEqual({
				name: locator.name,
				list: true,
			});
			expect(searchMethods).toContain(list?.typeOptions?.searchListMethod);
		}
	});
});
