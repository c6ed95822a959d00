import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	NodeApiError,
	NodeOperationError,
} from 'n8n-workflow';

import { asNodeError, errorItem } from '../../helpers/errors';
import { checkRange, fail } from '../../helpers/parameters';
import type { Convert } from '../../helpers/values';
import { asEmail, asShopDateTime, readFields, readRequired } from '../../helpers/values';
import type { SendSafety } from '../../transport';
import { AmbiguousWriteError, apiRequest, timing } from '../../transport';
import { runMemory } from '../runMemory';
import type { BatchOperation } from '../types';
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

const repeat: SendSafety = {
	safe: false,
	kind: 'send',
	why: 'whether Mail Komplet replaces an order by orderId or records it twice is unknown, so a request that may have arrived is not sent again',
};

/** "1001, 1002, 1003 and 97 more" */
function orderIds(orders: IDataObject[]): string {
	const shown = orders.slice(0, 10).map((order) => String(order.orderId));
	const more = orders.length > shown.length ? ` and ${orders.length - shown.length} more` : '';
	return `${shown.join(', ')}${more}`;
}

type NodeError = NodeApiError | NodeOperationError;

interface Batch {
	orders: IDataObject[];
	/** The input item of each order. */
	items: number[];
}

/** Sends one batch; an answer lost after it went out says which orders may have been recorded. */
async function sendBatch(ctx: IExecuteFunctions, batch: Batch): Promise<void> {
	const sentAt = new Date(timing.now()).toISOString();
	try {
		await apiRequest.call(ctx, {
			method: 'POST',
			path: ['orders', 'json'],
			body: batch.orders,
			itemIndex: batch.items[0],
			repeat,
		});
	} catch (error) {
		if (error instanceof AmbiguousWriteError) {
			error.message = error.message.replace(
				/^.*?:/,
				'Mail Komplet may or may not have recorded the orders:',
			);
			error.description = `They were sent at ${sentAt} and not again, so no order is recorded twice. Order IDs: ${orderIds(batch.orders)}. Check in Mail Komplet whether they arrived (Contact > Get Activity lists a contact's orders) before sending them again.`;
		}
		throw asNodeError(ctx, error, batch.items[0]);
	}
}

/** The failed batch's error, saying what became of the batches around it. */
function withBatches(error: NodeError, index: number, count: number): NodeError {
	if (count === 1) return error;
	const before =
		index === 0 ? '' : index === 1 ? 'Batch 1 was recorded.' : `Batches 1-${index} were recorded.`;
	const after = index === count - 1 ? '' : 'Later batches were not sent.';
	error.message = `${error.message} (batch ${index + 1} of ${count})`;
	error.description = [error.description, [before, after].filter(Boolean).join(' ')]
		.filter(Boolean)
		.join('\n\n');
	return error;
}

export const create: BatchOperation = {
	value: 'create',
	name: 'Create',
	action: 'Send orders',
	description:
		"Send orders: each input item is one order (the customer's e-mail, order ID, dates, total price and line items), sent many per request as Mail Komplet's own e-shop plugins send them, for segmentation by purchases. Not in the API reference. Returns one item per order with orderId, email, sent and its batch.",
	endpoints: ['POST /orders/json'],
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
	repeat,
	runs: 'batch',
	async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
		const { batchSize } = this.getNodeParameter(options.name, 0, {}) as IDataObject;
		const size = checkRange(this, batchSize ?? ORDER_BATCH.default, 'Batch Size', ORDER_BATCH, 0);
		// Every order is read before the first request, so a wrong one stops the node before
		// anything is sent; with On Error > Continue it becomes its item's error instead.
		const output: INodeExecutionData[][] = items.map(() => []);
		const valid: Batch = { orders: [], items: [] };
		for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
			try {
				valid.orders.push(readOrder(this, itemIndex));
				valid.items.push(itemIndex);
			} catch (error) {
				const nodeError = asNodeError(this, error, itemIndex);
				if (!this.continueOnFail()) throw nodeError;
				output[itemIndex].push(errorItem(nodeError, itemIndex));
			}
		}
		const batches: Batch[] = [];
		for (let start = 0; start < valid.orders.length; start += size) {
			batches.push({
				orders: valid.orders.slice(start, start + size),
				items: valid.items.slice(start, start + size),
			});
		}

		// Batches answered before a failure are not sent again when n8n retries the node.
		const memory = runMemory(this);
		let failures = 0;
		for (const [index, batch] of batches.entries()) {
			const counts = { batch: index + 1, batchCount: batches.length };
			try {
				const write = async () => await sendBatch(this, batch);
				await (memory ? memory.once(index, write) : write());
				batch.orders.forEach((order, position) =>
					output[batch.items[position]].push({
						json: { orderId: order.orderId, email: order.email, sent: true, ...counts },
						pairedItem: { item: batch.items[position] },
					}),
				);
			} catch (error) {
				const nodeError = asNodeError(this, error, batch.items[0]);
				if (!this.continueOnFail()) throw withBatches(nodeError, index, batches.length);
				failures++;
				batch.orders.forEach((order, position) =>
					output[batch.items[position]].push(
						errorItem(nodeError, batch.items[position], {
							orderId: order.orderId,
							email: order.email,
							sent: error instanceof AmbiguousWriteError ? 'unknown' : false,
							...counts,
						}),
					),
				);
			}
		}
		if (failures === 0) memory?.forget();
		return output.flat();
	},
};
