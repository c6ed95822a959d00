import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { fail } from '../../helpers/parameters';

/**
 * An order's line items as the vendor's WooCommerce plugin 1.1.2 sends them:
 * { name, amount, category, price (unit price), productUrl }.
 */

/** The names each field may have in an array from the input: the plugin's, then WooCommerce's and Shopify's. */
export const LINE_ITEM_KEYS = {
	name: ['name', 'title'],
	amount: ['amount', 'quantity'],
	category: ['category'],
	price: ['price'],
	productUrl: ['productUrl', 'permalink'],
} as const;

type Field = keyof typeof LINE_ITEM_KEYS;

const isBlank = (value: unknown) =>
	value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/** A price or amount as a number: a JSON number or decimal text ("49.50", "49,50"). */
function toNumber(value: unknown): number {
	if (typeof value === 'number') return value;
	const text = String(value).trim().replace(',', '.');
	return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : NaN;
}

/** Decimal text with two places, as the plugin sends totalPrice ("99.00"). */
export function asPrice(
	ctx: IExecuteFunctions,
	value: unknown,
	label: string,
	itemIndex: number,
): string {
	const number = toNumber(value);
	if (!Number.isFinite(number) || number < 0) {
		fail(
			ctx,
			itemIndex,
			`${label} must be an amount of money, got ${JSON.stringify(value)}`,
			'Give it as a number such as 99 or 99.50.',
		);
	}
	return number.toFixed(2);
}

/** One line item from a row of the UI or an element of the input array, whichever names it uses. */
export function readLineItem(
	ctx: IExecuteFunctions,
	given: IDataObject,
	position: string,
	itemIndex: number,
): IDataObject {
	const pick = (field: Field) =>
		LINE_ITEM_KEYS[field].map((key) => given[key]).find((value) => !isBlank(value));
	const wrong = (what: string) =>
		fail(
			ctx,
			itemIndex,
			`Line Items: ${position} ${what}`,
			'Each line item needs a name and an amount (quantity) of more than 0; price is the unit price.',
		);
	const name = pick('name');
	if (name === undefined) wrong('has no name');
	const amount = toNumber(pick('amount'));
	if (!(amount > 0)) wrong(`has no amount of more than 0, got ${JSON.stringify(pick('amount'))}`);
	const item: IDataObject = { name: String(name).trim(), amount };
	const category = pick('category');
	item.category = category === undefined ? null : String(category).trim();
	const price = pick('price');
	if (price !== undefined) {
		item.price = toNumber(price);
		if (!Number.isFinite(item.price))
			wrong(`has a price that is no number: ${JSON.stringify(price)}`);
	}
	const productUrl = pick('productUrl');
	if (productUrl !== undefined) item.productUrl = String(productUrl).trim();
	return item;
}

/** The array an expression gave, or JSON text of one. */
export function lineItemArray(
	ctx: IExecuteFunctions,
	value: unknown,
	label: string,
	itemIndex: number,
): IDataObject[] {
	let parsed = value;
	if (typeof value === 'string') {
		try {
			parsed = JSON.parse(value.trim() || '[]');
		} catch (error) {
			fail(ctx, itemIndex, `${label} is not valid JSON: ${(error as Error).message}`);
		}
	}
	const isObject = (element: unknown) =>
		typeof element === 'object' && element !== null && !Array.isArray(element);
	if (!Array.isArray(parsed) || !parsed.every(isObject)) {
		fail(
			ctx,
			itemIndex,
			`${label} must be an array of line items`,
			"Map the array of the order's lines, e.g. {{ $json.line_items }}: objects with name (or title), amount (or quantity), category, price and productUrl (or permalink).",
		);
	}
	return parsed as IDataObject[];
}
