import { jsonOf, listSearch } from '../harness';
import { returnAllPages } from '../helpers/operations';
import { API_HEADERS, byId, useSandbox } from '../helpers/sandbox';

const t = useSandbox();

describe('Custom Column > Get Many', () => {
	it('pages through every custom column with Return All', async () => {
		for (const name of ['last_order', 'vip', 'birthday']) {
			t.sandbox.store.addCustomColumn({ name, dataTypeId: 1 });
		}

		const result = await returnAllPages(
			t,
			{ resource: 'customColumn', operation: 'getAll' },
			{ path: '/customColumns', pages: 2 },
		);
		expect(jsonOf(result).map((c) => c.originalName)).toEqual([
			'cc_last_order',
			'cc_vip',
			'cc_birthday',
		]);
		expect(jsonOf(result)[1]).toEqual({
			customColumnId: 4302,
			customColumnTypeId: 1,
			customColumnGroupId: null,
			dataTypeId: 1,
			name: 'vip',
			caption: null,
			description: null,
			defaultValue: null,
			minValue: null,
			maxValue: null,
			required: false,
			unique: false,
			disabled: false,
			precision: null,
			system: false,
			order: 2,
			deleted: null,
			size: null,
			originalName: 'cc_vip',
		});
	});

	it('returns the main fields only with Simplify, on by default from node version 1.1', async () => {
		t.sandbox.store.addCustomColumn({ name: 'vip', dataTypeId: 3, caption: 'VIP customer' });
		const parameters = { resource: 'customColumn', operation: 'getAll', returnAll: true };

		const simplified = await t.run(parameters, { typeVersion: 1.1 });
		const full = await t.run({ ...parameters, simplify: false }, { typeVersion: 1.1 });

		expect(jsonOf(simplified)).toEqual([
			{
				customColumnId: 4301,
				name: 'vip',
				originalName: 'cc_vip',
				caption: 'VIP customer',
				dataTypeId: 3,
				required: false,
				unique: false,
				system: false,
			},
		]);
		expect(Object.keys(jsonOf(full)[0])).toHaveLength(19);
	});

	it('filters by customColumnId and isSystem', async () => {
		t.sandbox.store.addCustomColumn({ name: 'wholename', dataTypeId: 1, system: true });
		t.sandbox.store.addCustomColumn({ name: 'vip', dataTypeId: 3 });

		const result = await t.run({
			resource: 'customColumn',
			operation: 'getAll',
			returnAll: true,
			filters: { customColumnId: byId(4301), isSystem: true },
		});

		expect(t.sent()[0].query).toEqual({
			customColumnId: '4301',
			isSystem: 'true',
			page: '1',
			pageSize: '1000',
		});
		expect(jsonOf(result).map((c) => c.name)).toEqual(['wholename']);
	});
});

describe('Custom Column > Create', () => {
	it('POSTs the column with its named data type and returns the new customColumnId', async () => {
		const fields = {
			caption: 'Loyalty points',
			description: 'Points collected',
			defaultValue: '0',
			minValue: '0',
			maxValue: '10000',
			required: false,
			unique: false,
			disabled: false,
			precision: 0,
			order: 5,
		};
		const result = await t.run({
			resource: 'customColumn',
			operation: 'create',
			dataTypeId: 2,
			name: 'loyalty_points',
			additionalFields: fields,
		});

		// Every field reaches the API under its own name, unchanged.
		const body = { dataTypeId: 2, name: 'loyalty_points', ...fields };
		expect(t.sandbox.requests[0].headers).toMatchObject({
			...API_HEADERS,
			'content-type': 'application/json',
		});
		expect(t.sent()).toEqual([{ method: 'POST', path: '/customColumns', query: {}, body }]);
		expect(result.items).toEqual([
			{ json: { customColumnId: 4301, ...body }, pairedItem: { item: 0 } },
		]);
		expect(t.sandbox.store.findCustomColumn('cc_loyalty_points')?.dataTypeId).toBe(2);
	});

	it('refuses a precision that is not a number, naming the field, without a request', async () => {
		const result = await t.run(
			{
				resource: 'customColumn',
				operation: 'create',
				dataTypeId: 2,
				name: 'points',
				additionalFields: { precision: '={{ $json.precision }}' },
			},
			{ items: [{ json: { precision: 'two' } }] },
		);

		expect(result.error?.message).toBe('Precision must be a number, got "two"');
		expect(t.sent()).toEqual([]);
	});
});

describe('Custom Column > Update', () => {
	it('PUTs the changes to /customColumns/{customColumnId}, the ID in the path', async () => {
		const column = t.sandbox.store.addCustomColumn({ name: 'vip', dataTypeId: 1 });

		const result = await t.run({
			resource: 'customColumn',
			operation: 'update',
			customColumnId: byId(column.customColumnId),
			updateFields: { caption: 'VIP customer', dataTypeId: 3 },
		});

		const body = { caption: 'VIP customer', dataTypeId: 3 };
		expect(t.sent()).toEqual([{ method: 'PUT', path: '/customColumns/4301', query: {}, body }]);
		expect(jsonOf(result)).toEqual([{ success: true, customColumnId: 4301, ...body }]);
		expect(t.sandbox.store.customColumns.get(4301)).toMatchObject(body);
	});

	it('shows Mail Komplet’s message when a system column is changed', async () => {
		const column = t.sandbox.store.addCustomColumn({
			name: 'wholename',
			dataTypeId: 1,
			system: true,
		});

		const result = await t.run({
			resource: 'customColumn',
			operation: 'update',
			customColumnId: byId(column.customColumnId),
			updateFields: { caption: 'x' },
		});

		expect(result.error?.message).toBe(
			'Mail Komplet rejected the request: Custom column 4301 is a system column and cannot be changed.',
		);
	});
});

describe('Custom Column > Delete', () => {
	it('DELETEs /customColumns?id= (the reference says /contacts by mistake)', async () => {
		const column = t.sandbox.store.addCustomColumn({ name: 'vip', dataTypeId: 3 });

		const result = await t.run({
			resource: 'customColumn',
			operation: 'delete',
			customColumnId: byId(column.customColumnId),
		});

		expect(t.sent()).toEqual([{ method: 'DELETE', path: '/customColumns', query: { id: '4301' } }]);
		expect(jsonOf(result)).toEqual([{ success: true, customColumnId: 4301 }]);
		expect(t.sandbox.store.customColumns.size).toBe(0);
	});
});

describe('Custom Column picker', () => {
	it('labels columns by caption and name', async () => {
		t.sandbox.store.addCustomColumn({ name: 'vip', dataTypeId: 3, caption: 'VIP customer' });
		t.sandbox.store.addCustomColumn({ name: 'points', dataTypeId: 2 });

		const found = await listSearch(t.credentials, 'searchCustomColumns');

		expect(found.results).toEqual([
			{ name: 'VIP customer - vip', value: '4301' },
			{ name: 'points', value: '4302' },
		]);
	});
});
