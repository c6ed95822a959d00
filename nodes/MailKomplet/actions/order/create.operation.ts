import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { asNodeError } from '../../helpers/errors';
import { checkRange, fail } from '../../helpers/parameters';
import type { Convert } from '../../helpers/values';
import { asEmail, asShopDateTime, readFields, readRequired } from '../../helpers/values';
import type { SendSafety, WriteSpec } from '../../transport';
import { AmbiguousWriteError, apiRequest, timing } from '../../transport';
import type { BatchOperation, BatchRun, Entry } from '../types';
import { asPrice, lineItemArray, readLineItem } from './lineItems';

/**
 * Orders from an e-shop, sent as the vendor's WooCommerce plugin 1.1.2 sends every checkout:
 * POST /orders/json with a JSON array of orders. Not in the API reference
 * (docs/beyond-the-reference.md), so its answer is undocumented: any 2xx counts as done.
 */

const ORDER_BATCH = { default: 100, min: 1, max: 1000 };

const INT32_MAX = 2_147_483_647;

const email: INodeProperties = {
	displayName: 'Email',
	name: 'email',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'name@email.com',
	description:
		"The customer's e-mail address: map billing.email of the WooCommerce Trigger's output or email of the Shopify Trigger's",
};

const orderId: INodeProperties = {
	displayName: 'Order ID',
	name: 'orderId',
	type: 'string',
	required: true,
	default: '',
	placeholder: '1234',
	description:
		"The shop's number of the order, a whole number: map the order's ID from the WooCommerce Trigger, or order_number from the Shopify Trigger",
};

const created: INodeProperties = {
	displayName: 'Created',
	name: 'created',
	type: 'dateTime',
	required: true,
	default: '',
	description:
		'When the order was placed: map date_created (WooCommerce) or created_at (Shopify). Sent as "2024-05-01 10:15:00" in the workflow\'s time zone; a time with an offset is converted to it.',
};

const totalPrice: INodeProperties = {
	displayName: 'Total Price',
	name: 'totalPrice',
	type: 'string',
	default: '',
	placeholder: '99.00',
	description:
		'What the customer paid for the order: map total (WooCommerce) or total_price (Shopify); sent as "99.00"',
};

const lineItemsSource: INodeProperties = {
	displayName: 'Line Items Input',
	name: 'lineItemsSource',
	type: 'options',
	options: [
		{
			name: 'Define Below',
			value: 'fields',
			description: 'Add each line item of the order here',
		},
		{
			name: 'From an Expression (JSON Array)',
			value: 'json',
			description: "Map the array of the order's lines from the input, e.g. line_items",
		},
	],
	default: 'json',
	description: 'Where the line items of each order come from',
};

const lineItems: INodeProperties = {
	displayName: 'Line Items',
	name: 'lineItems',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Line Item',
	default: {},
	displayOptions: { show: { lineItemsSource: ['fields'] } },
	description: 'The products of the order; at least one',
	options: [
		{
			displayName: 'Line Item',
			name: 'item',
			values: [
				{
					displayName: 'Amount',
					name: 'amount',
					type: 'number',
					default: 1,
					description: 'How many pieces were ordered',
				},
				{
					displayName: 'Category',
					name: 'category',
					type: 'string',
					default: '',
					description: "The product's category in the shop",
				},
				{
					displayName: 'Name',
					name: 'name',
					type: 'string',
					default: '',
					description: 'Name of the product',
				},
				{
					displayName: 'Product URL',
					name: 'productUrl',
					type: 'string',
					default: '',
					placeholder: 'https://shop.example.com/product/rye-bread',
					description: "Address of the product's page",
				},
				{
					displayName: 'Unit Price',
					name: 'price',
					type: 'string',
					default: '',
					placeholder: '49.50',
					description: 'Price of one piece',
				},
			],
		},
	],
};

const lineItemsJson: INodeProperties = {
	displayName: 'Line Items (JSON)',
	name: 'lineItemsJson',
	type: 'json',
	default: '[]',
	displayOptions: { show: { lineItemsSource: ['json'] } },
	description:
		"An array of line items, usually an expression mapping line_items of the input. Each has name (or title), amount (or quantity), category, price (unit price) and productUrl (or permalink): WooCommerce's and Shopify's line items as they are.",
};

const additionalFields: INodeProperties = {
	displayName: 'Additional Fields',
	name: 'additionalFields',
	type: 'collection',
	placeholder: 'Add Field',
	default: {},
	options: [
		{
			displayName: 'Finished',
			name: 'finished',
			type: 'dateTime',
			default: '',
			description:
				'When the order was completed: map date_completed (WooCommerce); sent like Created',
		},
	],
};

const options: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'Batch Size',
			name: 'batchSize',
			type: 'number',
			typeOptions: { minValue: ORDER_BATCH.min, maxValue: ORDER_BATCH.max },
			default: 100,
			description: 'How many orders to send per request',
		},
	],
};

const asOrderId: Convert = (ctx, value, label, itemIndex) => {
	const text = typeof value === 'number' ? String(value) : String(value ?? '').trim();
	if (!/^\d{1,10}$/.test(text) || Number(text) < 1 || Number(text) > INT32_MAX) {
		fail(
			ctx,
			itemIndex,
			`${label} must be a whole number from 1 to ${INT32_MAX}, got ${JSON.stringify(value)}`,
			"Mail Komplet keeps an order's ID as a whole number. From Shopify, map order_number rather than the long id.",
		);
	}
	return Number(text);
};

function readLineItems(ctx: IExecuteFunctions, itemIndex: number): IDataObject[] {
	const given =
		ctx.getNodeParameter(lineItemsSource.name, itemIndex) === 'fields'
			? (((ctx.getNodeParameter(lineItems.name, itemIndex, {}) as IDataObject).item ??
					[]) as IDataObject[])
			: lineItemArray(
					ctx,
					ctx.getNodeParameter(lineItemsJson.name, itemIndex, '[]'),
					lineItemsJson.displayName,
					itemIndex,
				);
	if (given.length === 0) {
		fail(
			ctx,
			itemIndex,
			'Line Items: the order has none',
			'An order needs at least one line item.',
		);
	}
	return given.map((line, index) => readLineItem(ctx, line, `line ${index + 1}`, itemIndex));
}

/** One order as the plugin sends it, from one input item; its line items last. */
function readOrder(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const order: IDataObject = {
		email: readRequired<string>(ctx, email, itemIndex, asEmail),
		orderId: readRequired<number>(ctx, orderId, itemIndex, asOrderId),
		created: readRequired<string>(ctx, created, itemIndex, asShopDateTime),
		...readFields(ctx, additionalFields, itemIndex, { finished: asShopDateTime }),
	};
	const total = ctx.getNodeParameter(totalPrice.name, itemIndex, '');
	if (total !== '' && total !== null && total !== undefined) {
		order.totalPrice = asPrice(ctx, total, totalPrice.displayName, itemIndex);
	}
	order.items = readLineItems(ctx, itemIndex);
	return order;
}

const endpoints = {
	main: {
		endpoint: 'POST /orders/json',
		repeat: {
			safe: false,
			kind: 'send',
			why: 'whether Mail Komplet replaces an order by orderId or records it twice is unknown, so a request that may have arrived is not sent again',
		},
	} satisfies WriteSpec<SendSafety>,
};

/** "1001, 1002, 1003 and 97 more" */
function orderIds(orders: IDataObject[]): string {
	const shown = orders.slice(0, 10).map((order) => String(order.orderId));
	const more = orders.length > shown.length ? ` and ${orders.length - shown.length} more` : '';
	return `${shown.join(', ')}${more}`;
}

/** What became of the batches around the failed one, when the node stops at it. */
function batchesAround(index: number, count: number): string {
	const before =
		index === 0 ? '' : index === 1 ? 'Batch 1 was recorded.' : `Batches 1-${index} were recorded.`;
	const after = index === count - 1 ? '' : 'Later batches were not sent.';
	return [before, after].filter(Boolean).join(' ');
}

/**
 * Sends one batch and returns an item per order. An answer lost after the batch went out fails
 * its orders saying they may have been recorded, with their IDs; with several batches the
 * error says which one failed and, when it stops the node, what became of the others.
 */
async function sendBatch(
	ctx: IExecuteFunctions,
	batch: Array<Entry<IDataObject>>,
	where: { batch: number; batchCount: number },
): Promise<IDataObject[]> {
	const orders = batch.map((entry) => entry.value);
	// Errors point at the first order's item, and its Retries and Timeout apply.
	const itemIndex = batch[0].item;
	const sentAt = new Date(timing.now()).toISOString();
	try {
		await apiRequest.call(ctx, { endpoint: endpoints.main, body: orders, itemIndex });
	} catch (caught) {
		const error = asNodeError(ctx, caught, itemIndex);
		if (caught instanceof AmbiguousWriteError) {
			error.message = error.message.replace(
				/^.*?:/,
				'Mail Komplet may or may not have recorded the orders:',
			);
			error.description = `They were sent at ${sentAt} and not again, so no order is recorded twice. Order IDs: ${orderIds(orders)}. Check in Mail Komplet whether they arrived (Contact > Get Activity lists a contact's orders) before sending them again.`;
		}
		if (where.batchCount > 1) {
			error.message = `${error.message} (batch ${where.batch} of ${where.batchCount})`;
			if (!ctx.continueOnFail()) {
				const around = batchesAround(where.batch - 1, where.batchCount);
				error.description = [error.description, around].filter(Boolean).join('\n\n');
			}
		}
		throw error;
	}
	return orders.map((order) => ({
		orderId: order.orderId,
		email: order.email,
		sent: true,
		...where,
	}));
}

export const create: BatchOperation = {
	value: 'create',
	name: 'Create',
	action: 'Send orders',
	description:
		"Send orders: each input item is one order (the customer's e-mail, order ID, dates, total price and line items), sent many per request as Mail Komplet's own e-shop plugins send them, for segmentation by purchases. Not in the API reference. Returns one item per order with orderId, email, sent and its batch.",
	endpoints,
	properties: [
		email,
		orderId,
		created,
		totalPrice,
		lineItemsSource,
		lineItems,
		lineItemsJson,
		additionalFields,
		options,
	],
	runs: 'batch',
	async execute(this: IExecuteFunctions, run: BatchRun) {
		const { batchSize } = this.getNodeParameter(options.name, 0, {}) as IDataObject;
		const size = checkRange(this, batchSize ?? ORDER_BATCH.default, 'Batch Size', ORDER_BATCH, 0);
		// Every order is read before the first request, so a wrong one stops the node before
		// anything is sent; with On Error > Continue it becomes its item's error instead.
		const entries = await run.readItems((itemIndex) => [readOrder(this, itemIndex)]);
		const batchCount = Math.ceil(entries.length / size);
		await run.inBatches(entries, size, async (batch) => {
			const where = { batch: entries.indexOf(batch[0]) / size + 1, batchCount };
			return await sendBatch(this, batch, where);
		});
	},
};
