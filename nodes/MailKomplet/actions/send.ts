import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	NodeApiError,
	NodeOperationError,
} from 'n8n-workflow';

import { asNodeError, errorItem } from '../helpers/errors';
import { checkRange, fail } from '../helpers/parameters';
import type { SendSafety } from '../transport';
import { sendOnce } from '../transport';
import { unwrap } from './common';
import { runPerItem } from './perItem';
import { runMemory } from './runMemory';

/** Sending transactional messages: one request per item, or all items as recipients of few requests. */

export const SEND_BATCH = { default: 500, min: 1, max: 1000 };

/** Items of a list given as text (split at the separators) or as an array. */
export function splitList(value: unknown, separators: RegExp): string[] {
	const parts = Array.isArray(value) ? value.map(String) : String(value ?? '').split(separators);
	return parts.map((part) => part.trim()).filter(Boolean);
}

/** The recipients a parameter lists for one item; at least one is required. */
export function readRecipientList(
	ctx: IExecuteFunctions,
	property: INodeProperties,
	separators: RegExp,
	itemIndex: number,
): string[] {
	const list = splitList(ctx.getNodeParameter(property.name, itemIndex), separators);
	if (list.length === 0) {
		fail(ctx, itemIndex, `${property.displayName} is required`, property.description);
	}
	return list;
}

export interface SendRequest {
	path: string;
	/** Key the message is wrapped in: `{ email: {...} }`, `{ sms: {...} }`. */
	envelope: string;
	/** The `to` entries one input item gives. */
	recipients: (ctx: IExecuteFunctions, itemIndex: number) => IDataObject[];
	/** The message without its recipients, as one input item gives it. */
	message: (ctx: IExecuteFunctions, itemIndex: number) => Promise<IDataObject>;
	repeat: SendSafety;
	/** Where a person looks whether the recipients got it when the answer was lost. */
	check: { operation: string; filter: string; key: string };
}

/** "Look for it under <operation>, <filter> a, b, c and 497 more." */
function howToCheck(check: SendRequest['check'], to: IDataObject[]): string {
	const shown = to.slice(0, 3).map((r) => String(r[check.key]));
	const more = to.length > shown.length ? ` and ${to.length - shown.length} more` : '';
	return `Look for it under ${check.operation}, ${check.filter} ${shown.join(', ')}${more}.`;
}

interface Recipient {
	to: IDataObject;
	item: number;
}

const distinctItems = (recipients: Recipient[]) => [...new Set(recipients.map((r) => r.item))];

async function post(
	ctx: IExecuteFunctions,
	request: SendRequest,
	message: IDataObject,
	itemIndex?: number,
): Promise<IDataObject[]> {
	const response = await sendOnce.call(
		ctx,
		{
			method: 'POST',
			path: [request.path],
			body: { [request.envelope]: message },
			itemIndex,
			repeat: request.repeat,
		},
		howToCheck(request.check, message.to as IDataObject[]),
	);
	return unwrap(response);
}

/**
 * Every item's recipients, read before the first message goes out, so that a wrong address
 * in item 10 stops the node before items 0-9 are sent. With On Error > Continue an item
 * whose recipients are wrong gets its error instead.
 */
function readAllRecipients(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
	request: SendRequest,
): Array<IDataObject[] | NodeApiError | NodeOperationError> {
	return items.map((_, itemIndex) => {
		try {
			return request.recipients(ctx, itemIndex);
		} catch (error) {
			const nodeError = asNodeError(ctx, error, itemIndex);
			if (!ctx.continueOnFail()) throw nodeError;
			return nodeError;
		}
	});
}

/** All items as recipients of one message, `batchSize` recipients per request. */
async function sendAsBatch(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
	request: SendRequest,
): Promise<INodeExecutionData[]> {
	const output: INodeExecutionData[] = [];
	let failures = 0;
	const failed = (itemIndexes: number[], error: unknown) => {
		const nodeError = asNodeError(ctx, error, itemIndexes[0]);
		if (!ctx.continueOnFail()) throw nodeError;
		failures++;
		for (const item of itemIndexes) output.push(errorItem(nodeError, item));
	};

	const recipients: Recipient[] = [];
	readAllRecipients(ctx, items, request).forEach((read, item) => {
		if (Array.isArray(read)) for (const to of read) recipients.push({ to, item });
		else failed([item], read);
	});
	if (recipients.length === 0) return output;

	// Content and request size are per request, so they come from the first item.
	let message: IDataObject;
	let size: number;
	try {
		message = await request.message(ctx, 0);
		const batchSize = ctx.getNodeParameter('batchSize', 0, SEND_BATCH.default);
		size = checkRange(ctx, batchSize, 'Recipients per Request', SEND_BATCH, 0);
	} catch (error) {
		failed(distinctItems(recipients), error);
		return output;
	}

	// Requests sent before a failure are answered from memory when n8n retries the node.
	const memory = runMemory(ctx);
	for (let start = 0; start < recipients.length; start += size) {
		const chunk = recipients.slice(start, start + size);
		const write = async () =>
			await post(ctx, request, { ...message, to: chunk.map((r) => r.to) }, chunk[0].item);
		try {
			const answers = memory ? await memory.once(start, write) : await write();
			// The answer lists the recipients in the order sent; pair each with its item.
			const byPosition = answers.length === chunk.length;
			const all = distinctItems(chunk).map((item) => ({ item }));
			answers.forEach((json, index) =>
				output.push({ json, pairedItem: byPosition ? { item: chunk[index].item } : all }),
			);
		} catch (error) {
			failed(distinctItems(chunk), error);
		}
	}
	if (failures === 0) memory?.forget();
	return output;
}

/**
 * Sends as the Send Mode parameter says: each item its own message, or one message to the
 * recipients of every item. Answers are one item per recipient.
 */
export async function sendMessages(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
	request: SendRequest,
): Promise<INodeExecutionData[]> {
	if (ctx.getNodeParameter('sendMode', 0) === 'batch') {
		return await sendAsBatch(ctx, items, request);
	}
	const recipients = readAllRecipients(ctx, items, request);
	return await runPerItem(
		ctx,
		items,
		async (itemIndex) => {
			const to = recipients[itemIndex];
			if (!Array.isArray(to)) throw to;
			return await post(
				ctx,
				request,
				{ ...(await request.message(ctx, itemIndex)), to },
				itemIndex,
			);
		},
		{ writes: true },
	);
}
