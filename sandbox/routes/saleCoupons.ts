import { badRequest, notFound } from '../errors';
import { COUPON_FIELDS, COUPON_GROUP_FIELDS, pick } from '../model';
import type { SaleCoupon } from '../model';
import { allOf, partialMatch } from '../paging';
import type { RouteDef } from '../router';
import { BodyReader } from '../validate';

/** Sale coupon groups and sale coupons. */

const COLOR_RE = /^#(?:[0-9A-Fa-f]{3}|[0-9A-Fa-f]{6})$/;

function readColor(reader: BodyReader, required: boolean): string | undefined {
	if (!required && !reader.has('color')) return undefined;
	const color = reader.requiredString('color', 20).trim();
	if (!COLOR_RE.test(color))
		throw badRequest('The color field must be a hex colour such as #3E50B4.');
	return color;
}

export const saleCouponRoutes: RouteDef[] = [
	{
		method: 'GET',
		path: '/saleCouponGroups',
		handler: ({ store }) => ({
			body: {
				data: store.saleCouponGroups.rows.map((g) => pick(g, COUPON_GROUP_FIELDS)),
				totalRecordCount: store.saleCouponGroups.size,
			},
		}),
	},
	{
		// Creates a group, or updates one when the body carries couponGroupId (as documented).
		method: 'POST',
		path: '/saleCouponGroups',
		handler: ({ store, body }) => {
			const reader = BodyReader.root(body);
			const couponGroupId = reader.int('couponGroupId', { min: 1 });
			if (couponGroupId !== undefined && couponGroupId !== null) {
				const group = store.saleCouponGroups.get(couponGroupId);
				if (!group) throw notFound('Sale coupon group', couponGroupId);
				const name = reader.has('name') ? reader.requiredString('name', 255) : undefined;
				const color = readColor(reader, false);
				if (name !== undefined) group.name = name;
				if (color !== undefined) group.color = color;
				return { body: { couponGroupId } };
			}
			const group = store.addSaleCouponGroup({
				name: reader.requiredString('name', 255),
				color: readColor(reader, true) as string,
			});
			return { body: { couponGroupId: group.couponGroupId } };
		},
	},
	{
		method: 'DELETE',
		path: '/saleCouponGroups',
		handler: ({ store, query }) => {
			const id = query.requiredInt('id');
			if (!store.saleCouponGroups.delete(id)) throw notFound('Sale coupon group', id);
			store.saleCoupons.deleteWhere((c) => c.couponGroupId === id);
		},
	},
	{
		method: 'GET',
		path: '/saleCoupons',
		handler: (ctx) => {
			const { query } = ctx;
			const couponGroupId = query.int('couponGroupId');
			const coupon = query.string('coupon');
			const couponMatches = coupon === undefined ? undefined : partialMatch(coupon);
			const sent = query.bool('sent');
			const filter = allOf<SaleCoupon>(
				couponGroupId !== undefined && ((c) => c.couponGroupId === couponGroupId),
				couponMatches && ((c) => couponMatches(c.coupon)),
				sent !== undefined && ((c) => (c.sent !== null) === sent),
			);
			return {
				body: ctx.page(ctx.store.saleCoupons.rows, filter, (c) => pick(c, COUPON_FIELDS), {
					pageCount: false,
				}),
			};
		},
	},
	{
		method: 'POST',
		path: '/saleCoupons',
		handler: ({ store, body }) => {
			const reader = BodyReader.root(body);
			const couponGroupId = reader.requiredInt('couponGroupId', { min: 1 });
			if (!store.saleCouponGroups.has(couponGroupId)) {
				throw badRequest(
					`The couponGroupId field refers to sale coupon group ${couponGroupId}, which does not exist.`,
				);
			}
			const taken = new Set(
				store.saleCoupons.rows
					.filter((c) => c.couponGroupId === couponGroupId)
					.map((c) => c.coupon.toLowerCase()),
			);
			const coupons = reader.requiredArray('coupons').map((item, i) => {
				const entry = BodyReader.nested(item, `coupons[${i}]`);
				const code = entry.requiredString('code', 100).trim();
				if (taken.has(code.toLowerCase())) {
					throw badRequest(
						`The ${entry.field('code')} field: coupon "${code}" already exists in group ${couponGroupId}.`,
					);
				}
				taken.add(code.toLowerCase());
				return { coupon: code, validity: entry.dateTime('validity') ?? null };
			});
			for (const c of coupons) store.addSaleCoupon({ couponGroupId, ...c });
		},
	},
	{
		method: 'DELETE',
		path: '/saleCoupons/{id:int}',
		handler: ({ store, params }) => {
			if (!store.saleCoupons.delete(params.id)) throw notFound('Sale coupon', params.id);
		},
	},
];
