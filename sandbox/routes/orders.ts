import { badRequest } from '../errors';
import type { OrderItem } from '../model';
import type { RouteDef } from '../router';
import { BodyReader } from '../validate';

/**
 * Orders from e-shops: not in the reference. The vendor's WooCommerce plugin 1.1.2 posts every
 * checkout as a JSON array of orders and ignores the answer, so its shape is unknown: the
 * sandbox answers 200 with an empty body.
 */

const DECIMAL_RE = /^\s*-?\d+(?:\.\d+)?\s*$/;

/** A price: a JSON number or a decimal string ("99.00", as the plugin sends totalPrice). */
function decimal(reader: BodyReader, name: string): number | null {
	const raw = reader.raw(name);
	if (raw === undefined || raw === null) return null;
	if (typeof raw === 'number' && Number.isFinite(raw)) return raw;
	if (typeof raw === 'string' && DECIMAL_RE.test(raw)) return Number(raw);
	throw badRequest(`The ${reader.field(name)} field must be a decimal number.`);
}

function readItem(value: unknown, path: string): OrderItem {
	const item = BodyReader.nested(value, path);
	const amount = item.number('amount');
	if (amount === undefined || amount === null)
		throw badRequest(`The ${item.field('amount')} field is required.`);
	if (amount <= 0) throw badRequest(`The ${item.field('amount')} field must be more than 0.`);
	return {
		name: item.requiredString('name', 1000),
		amount,
		category: item.string('category', 1000) ?? null,
		price: decimal(item, 'price'),
		productUrl: item.string('productUrl', 2000) ?? null,
	};
}

export const orderRoutes: RouteDef[] = [
	{
		method: 'POST',
		path: '/orders/json',
		handler: ({ store, body }) => {
			if (!Array.isArray(body) || body.length === 0)
				throw badRequest('The request body must be a JSON array of at least one order.');
			// All are checked before any is kept: a refused request records nothing.
			const orders = body.map((value, i) => {
				const order = BodyReader.nested(value, `[${i}]`);
				return {
					email: order.requiredEmail('email'),
					orderId: order.requiredInt('orderId', { min: 1 }),
					created: order.requiredDateTime('created'),
					finished: order.dateTime('finished') ?? null,
					totalPrice: decimal(order, 'totalPrice'),
					items: order
						.requiredArray('items')
						.map((item, j) => readItem(item, order.field(`items[${j}]`))),
				};
			});
			for (const order of orders) store.addOrder(order);
		},
	},
];
