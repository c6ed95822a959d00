import { jsonOf, listSearch } from '../harness';
import { fixClockAndGuids, NOW, returnAllPages } from '../helpers/operations';
import { API_HEADERS, byId, useSandbox } from '../helpers/sandbox';

const t = useSandbox();

fixClockAndGuids(t);

function group(name = 'Spring') {
	return t.sandbox.store.addSaleCouponGroup({ name, color: '#3E50B4' }).couponGroupId;
}

describe('Coupon > Get Many', () => {
	it('pages through every coupon with Return All; records carry couponId', async () => {
		const spring = group();
		for (const code of ['A1', 'A2', 'A3', 'A4', 'A5']) {
			t.sandbox.store.addSaleCoupon({ couponGroupId: spring, coupon: code });
		}

		const result = await returnAllPages(
			t,
			{ resource: 'coupon', operation: 'getAll' },
			{ path: '/saleCoupons', pages: 3 },
		);
		expect(jsonOf(result).map((c) => c.coupon)).toEqual(['A1', 'A2', 'A3', 'A4', 'A5']);
		expect(jsonOf(result)[0]).toEqual({
			couponId: 1,
			couponGroupId: spring,
			mailId: null,
			generatorExecutionId: null,
			transactionalEmailId: null,
			transactionalEmailGuid: null,
			coupon: 'A1',
			email: null,
			created: NOW,
			validity: null,
			sent: null,
		});
	});

	it('returns the main fields only with Simplify, on by default from node version 1.1', async () => {
		t.sandbox.store.addSaleCoupon({ couponGroupId: group(), coupon: 'A1', sent: NOW });
		const parameters = { resource: 'coupon', operation: 'getAll', returnAll: true };

		const simplified = await t.run(parameters, { typeVersion: 1.1 });
		const full = await t.run({ ...parameters, simplify: false }, { typeVersion: 1.1 });

		expect(jsonOf(simplified)).toEqual([
			{ couponId: 1, couponGroupId: 1, coupon: 'A1', validity: null, email: null, sent: NOW },
		]);
		expect(Object.keys(jsonOf(full)[0])).toHaveLength(11);
	});

	it('filters by group, code and sent', async () => {
		const spring = group();
		const summer = group('Summer');
		t.sandbox.store.addSaleCoupon({ couponGroupId: spring, coupon: 'SPRING-1', sent: NOW });
		t.sandbox.store.addSaleCoupon({ couponGroupId: spring, coupon: 'SPRING-2' });
		t.sandbox.store.addSaleCoupon({ couponGroupId: summer, coupon: 'SPRING-3', sent: NOW });

		const result = await t.run({
			resource: 'coupon',
			operation: 'getAll',
			returnAll: true,
			filters: { couponGroupId: byId(spring), coupon: 'SPRING', sent: true },
		});

		expect(t.sent()[0].query).toEqual({
			couponGroupId: '1',
			coupon: 'SPRING',
			sent: 'true',
			page: '1',
			pageSize: '1000',
		});
		expect(jsonOf(result).map((c) => c.coupon)).toEqual(['SPRING-1']);
	});
});

describe('Coupon > Create', () => {
	it('POSTs many codes, each with its own validity in the workflow timezone', async () => {
		const spring = group();

		const result = await t.run({
			resource: 'coupon',
			operation: 'create',
			couponGroupId: byId(spring),
			codesInput: 'list',
			coupons: {
				coupon: [
					{ code: 'coupon1', validity: '2026-06-30T22:00:00.000Z' },
					{ code: ' coupon2 ', validity: '' },
				],
			},
		});

		const body = {
			coupons: [
				{ code: 'coupon1', validity: '2026-07-01T00:00:00' },
				{ code: 'coupon2', validity: null },
			],
			couponGroupId: spring,
		};
		expect(t.sandbox.requests[0].headers).toMatchObject({
			...API_HEADERS,
			'content-type': 'application/json',
		});
		expect(t.sent()).toEqual([{ method: 'POST', path: '/saleCoupons', query: {}, body }]);
		expect(result.items).toEqual([{ json: { success: true, ...body }, pairedItem: { item: 0 } }]);
		expect(t.sandbox.store.saleCoupons.rows.map((c) => [c.coupon, c.validity])).toEqual([
			['coupon1', '2026-07-01T00:00:00'],
			['coupon2', null],
		]);
	});

	it('takes codes from a comma or newline separated text, all with one validity', async () => {
		const spring = group();

		await t.run(
			{
				resource: 'coupon',
				operation: 'create',
				couponGroupId: byId(spring),
				codesInput: 'text',
				codes: '={{ $json.codes }}',
				validity: '2026-12-31T23:59:59',
			},
			{ items: [{ json: { codes: 'X1, X2\nX3\n\n' } }] },
		);

		expect(t.sent()[0].body).toEqual({
			coupons: ['X1', 'X2', 'X3'].map((code) => ({ code, validity: '2026-12-31T23:59:59' })),
			couponGroupId: spring,
		});
		expect(t.sandbox.store.saleCoupons.size).toBe(3);
	});

	it('refuses an empty code, naming the coupon, without a request', async () => {
		const result = await t.run({
			resource: 'coupon',
			operation: 'create',
			couponGroupId: byId(1),
			codesInput: 'list',
			coupons: { coupon: [{ code: 'A' }, { code: '  ' }] },
		});

		expect(result.error?.message).toBe('Code of coupon 2 is empty');
		expect(t.sent()).toEqual([]);
	});

	it('refuses a validity that is not a date, without a request', async () => {
		const result = await t.run(
			{
				resource: 'coupon',
				operation: 'create',
				couponGroupId: byId(1),
				codesInput: 'text',
				codes: 'A',
				validity: '={{ $json.until }}',
			},
			{ items: [{ json: { until: 'next summer' } }] },
		);

		expect(result.error?.message).toBe(
			'Valid Until is not a valid date and time: "next summer"',
		);
		expect(t.sent()).toEqual([]);
	});

	it('refuses a text without codes', async () => {
		const result = await t.run({
			resource: 'coupon',
			operation: 'create',
			couponGroupId: byId(1),
			codesInput: 'text',
			codes: ' , \n',
		});

		expect(result.error?.message).toBe('Add at least one coupon code');
		expect(t.sent()).toEqual([]);
	});
});

describe('Coupon > Delete', () => {
	it('DELETEs /saleCoupons/{couponId}', async () => {
		const spring = group();
		t.sandbox.store.addSaleCoupon({ couponGroupId: spring, coupon: 'A1' });
		t.sandbox.store.addSaleCoupon({ couponGroupId: spring, coupon: 'A2' });

		const result = await t.run({ resource: 'coupon', operation: 'delete', couponId: byId(2) });

		expect(t.sent()).toEqual([{ method: 'DELETE', path: '/saleCoupons/2', query: {} }]);
		expect(jsonOf(result)).toEqual([{ success: true, couponId: 2 }]);
		expect(t.sandbox.store.saleCoupons.rows.map((c) => c.coupon)).toEqual(['A1']);
	});
});

describe('Coupon picker', () => {
	it("searches coupons with the API's coupon filter", async () => {
		const spring = group();
		t.sandbox.store.addSaleCoupon({ couponGroupId: spring, coupon: 'SPRING-1' });
		t.sandbox.store.addSaleCoupon({ couponGroupId: spring, coupon: 'SUMMER-1' });

		const found = await listSearch(t.credentials, 'searchCoupons', 'SUMMER');

		expect(found.results).toEqual([{ name: 'SUMMER-1', value: '2' }]);
		expect(t.sent()[0].query).toEqual({ page: '1', pageSize: '100', coupon: 'SUMMER' });
	});
});
