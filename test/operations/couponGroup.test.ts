import { jsonOf, listSearch } from '../harness';
import { API_HEADERS, byId, useSandbox } from '../helpers/sandbox';

const t = useSandbox();

function addGroups(...names: string[]) {
	for (const name of names) t.sandbox.store.addSaleCouponGroup({ name, color: '#3E50B4' });
}

describe('Coupon Group > Get Many', () => {
	it('reads every group in one unpaged request (GET /saleCouponGroups)', async () => {
		addGroups('Spring', 'Summer', 'Autumn');

		const result = await t.run({ resource: 'couponGroup', operation: 'getAll', returnAll: true });

		expect(t.sandbox.requests[0].headers).toMatchObject(API_HEADERS);
		expect(t.sent()).toEqual([{ method: 'GET', path: '/saleCouponGroups', query: {} }]);
		expect(result.items).toEqual([
			{ json: { couponGroupId: 1, name: 'Spring', color: '#3E50B4' }, pairedItem: { item: 0 } },
			{ json: { couponGroupId: 2, name: 'Summer', color: '#3E50B4' }, pairedItem: { item: 0 } },
			{ json: { couponGroupId: 3, name: 'Autumn', color: '#3E50B4' }, pairedItem: { item: 0 } },
		]);
	});

	it('returns ID and name only with Simplify, on by default from node version 1.1', async () => {
		addGroups('Spring');
		const parameters = { resource: 'couponGroup', operation: 'getAll', returnAll: true };

		const simplified = await t.run(parameters, { typeVersion: 1.1 });
		const full = await t.run({ ...parameters, simplify: false }, { typeVersion: 1.1 });

		expect(jsonOf(simplified)).toEqual([{ couponGroupId: 1, name: 'Spring' }]);
		expect(jsonOf(full)).toEqual([{ couponGroupId: 1, name: 'Spring', color: '#3E50B4' }]);
	});

	it('applies the Limit to the answer', async () => {
		addGroups('Spring', 'Summer', 'Autumn');

		const result = await t.run({
			resource: 'couponGroup',
			operation: 'getAll',
			returnAll: false,
			limit: 2,
		});

		expect(t.sent()).toEqual([{ method: 'GET', path: '/saleCouponGroups', query: {} }]);
		expect(jsonOf(result).map((g) => g.name)).toEqual(['Spring', 'Summer']);
	});
});

describe('Coupon Group > Create', () => {
	it('POSTs name and color and returns the new couponGroupId', async () => {
		const result = await t.run({
			resource: 'couponGroup',
			operation: 'create',
			name: 'Black Friday',
			color: '#000000',
		});

		const body = { name: 'Black Friday', color: '#000000' };
		expect(t.sandbox.requests[0].headers).toMatchObject({
			...API_HEADERS,
			'content-type': 'application/json',
		});
		expect(t.sent()).toEqual([{ method: 'POST', path: '/saleCouponGroups', query: {}, body }]);
		expect(result.items).toEqual([
			{ json: { couponGroupId: 1, ...body }, pairedItem: { item: 0 } },
		]);
	});

	it("shows Mail Komplet's message for a colour it does not accept", async () => {
		const result = await t.run({
			resource: 'couponGroup',
			operation: 'create',
			name: 'Black Friday',
			color: 'black',
		});

		expect(result.error?.message).toBe(
			'Mail Komplet rejected the request: The color field must be a hex colour such as #3E50B4.',
		);
		expect(result.error?.httpCode).toBe('400');
	});
});

describe('Coupon Group > Update', () => {
	it('POSTs /saleCouponGroups with couponGroupId in the body, as documented', async () => {
		addGroups('Spring');

		const result = await t.run({
			resource: 'couponGroup',
			operation: 'update',
			couponGroupId: byId(1),
			updateFields: { name: 'Spring 2026' },
		});

		expect(t.sent()).toEqual([
			{
				method: 'POST',
				path: '/saleCouponGroups',
				query: {},
				body: { couponGroupId: 1, name: 'Spring 2026' },
			},
		]);
		expect(jsonOf(result)).toEqual([{ success: true, couponGroupId: 1, name: 'Spring 2026' }]);
		expect(t.sandbox.store.saleCouponGroups.get(1)).toEqual({
			couponGroupId: 1,
			name: 'Spring 2026',
			color: '#3E50B4',
		});
		expect(t.sandbox.store.saleCouponGroups.size).toBe(1);
	});

	it('refuses a non-numeric Coupon Group ID without sending a request', async () => {
		const result = await t.run(
			{
				resource: 'couponGroup',
				operation: 'update',
				couponGroupId: byId('={{ $json.group }}'),
				updateFields: { name: 'x' },
			},
			{ items: [{ json: { group: 'spring' } }] },
		);

		expect(result.error?.message).toBe(
			'Coupon Group must be a numeric ID, got "spring"',
		);
		expect(t.sent()).toEqual([]);
	});
});

describe('Coupon Group > Delete', () => {
	it('DELETEs /saleCouponGroups?id=', async () => {
		addGroups('Spring', 'Summer');

		const result = await t.run({
			resource: 'couponGroup',
			operation: 'delete',
			couponGroupId: byId(2),
		});

		expect(t.sent()).toEqual([{ method: 'DELETE', path: '/saleCouponGroups', query: { id: '2' } }]);
		expect(jsonOf(result)).toEqual([{ success: true, couponGroupId: 2 }]);
		expect(t.sandbox.store.saleCouponGroups.rows.map((g) => g.name)).toEqual(['Spring']);
	});
});

describe('Coupon Group picker', () => {
	it('asks the unpaged endpoint once, without page parameters, and filters by name', async () => {
		addGroups('Spring', 'Summer');

		const found = await listSearch(t.credentials, 'searchCouponGroups', 'sum');

		expect(found).toEqual({
			results: [{ name: 'Summer', value: '2' }],
			paginationToken: undefined,
		});
		expect(t.sent()).toEqual([{ method: 'GET', path: '/saleCouponGroups', query: {} }]);
	});
});
