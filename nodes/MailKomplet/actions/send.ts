import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { checkRange, fail } from '../helpers/parameters';
import type { SendSafety, WriteSpec } from '../transport';
import { sendOnce } from '../transport';
import { unwrap } from './common';
import type { ChoosingOperation, InBatches, PerItem } from './types';

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

/** What sending a transactional e-mail and an SMS differ in. */
export interface MessageKind {
	endpoint: WriteSpec<SendSafety>;
	/** Key the message is wrapped in: `{ email: {...} }`, `{ sms: {...} }`. */
	envelope: string;
	/** The `to` entries one input item gives. */
	recipients: (ctx: IExecuteFunctions, itemIndex: number) => IDataObject[];
	/** The message without its recipients, as one input item gives it. */
	message: (ctx: IExecuteFunctions, itemIndex: number) => Promise<IDataObject>;
	/** Where a person looks whether the recipients got it when the answer was lost. */
	check: { operation: string; filter: string; key: string };
}

/** "Look for it under <operation>, <filter> a, b, c and 497 more." */
function howToCheck(check: MessageKind['check'], to: IDataObject[]): string {
	const shown = to.slice(0, 3).map((r) => String(r[check.key]));
	const more = to.length > shown.length ? ` and ${to.length - shown.length} more` : '';
	return `Look for it under ${check.operation}, ${check.filter} ${shown.join(', ')}${more}.`;
}

async function post(
	ctx: IExecuteFunctions,
	kind: MessageKind,
	message: IDataObject,
	itemIndex?: number,
): Promise<IDataObject[]> {
	const response = await sendOnce.call(
		ctx,
		{ endpoint: kind.endpoint, body: { [kind.envelope]: message }, itemIndex },
		howToCheck(kind.check, message.to as IDataObject[]),
	);
	return unwrap(response);
}

/**
 * Each item its own message. Every item's recipients are read before the first message goes
 * out, so that a wrong address in item 10 stops the node before items 0-9 are sent.
 */
function eachItem(kind: MessageKind): PerItem<IDataObject[]> {
	return {
		runs: 'perItem',
		prepare(itemIndex) {
			return kind.recipients(this, itemIndex);
		},
		async execute(itemIndex, to) {
			return await post(this, kind, { ...(await kind.message(this, itemIndex)), to }, itemIndex);
		},
	};
}

/** All items as recipients of one message, Recipients per Request at a time. */
function allItemsAsRecipients(kind: MessageKind): InBatches {
	return {
		runs: 'batch',
		async execute(run) {
			const recipients = await run.readItems((itemIndex) => kind.recipients(this, itemIndex));
			if (recipients.length === 0) return;
			// Content and request size are per request, so they come from the first item.
			let message: IDataObject;
			let size: number;
			try {
				message = await kind.message(this, 0);
				const batchSize = this.getNodeParameter('batchSize', 0, SEND_BATCH.default);
				size = checkRange(this, batchSize, 'Recipients per Request', SEND_BATCH, 0);
			} catch (error) {
				run.failed([...new Set(recipients.map((r) => r.item))], error);
				return;
			}
			await run.inBatches(
				recipients,
				size,
				async (batch) =>
					await post(this, kind, { ...message, to: batch.map((r) => r.value) }, batch[0].item),
			);
		},
	};
}

/** Sends as Send Mode says: each item its own message, or one message to every item's recipients. */
export function sendByMode(kind: MessageKind): Pick<ChoosingOperation, 'runs' | 'choose'> {
	return {
		runs: 'byParameter',
		choose() {
			return this.getNodeParameter('sendMode', 0) === 'batch'
				? allItemsAsRecipients(kind)
				: eachItem(kind);
		},
	};
}
