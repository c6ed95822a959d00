import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { asNodeError } from '../helpers/errors';
import { checkRange } from '../helpers/parameters';
import { sendOnce } from '../transport';
import { unwrap } from './common';
import type { OperationDefinition } from './types';

/** Sending transactional messages one request per item, or all items in few requests. */

export const SEND_BATCH = { default: 500, min: 1, max: 1000 };

export function sendModeProperties(message: string): INodeProperties[] {
	return [
		{
			displayName: 'Send Mode',
			name: 'sendMode',
			type: 'options',
			noDataExpression: true,
			options: [
				{
					name: 'One Request per Item',
					value: 'perItem',
					description: `Each input item sends its own ${message}, with its own content`,
				},
				{
					name: 'One Request for All Items',
					value: 'batch',
					description: `All input items are recipients of one ${message}: the content comes from the first item, the recipients from every item. Fewer requests for large sends.`,
				},
			],
			default: 'perItem',
			description: 'Whether each input item sends its own message or all items share one',
		},
		{
			displayName: 'Recipients per Request',
			name: 'batchSize',
			type: 'number',
			typeOptions: { minValue: SEND_BATCH.min, maxValue: SEND_BATCH.max },
			default: 500,
			displayOptions: { show: { sendMode: ['batch'] } },
			description: 'How many recipients to send in one request; more recipients are split up',
		},
	];
}

/** Items of a list given as text (split at the separators) or as an array. */
export function splitList(value: unknown, separators: RegExp): string[] {
	const parts = Array.isArray(value) ? value.map(String) : String(value ?? '').split(separators);
	return parts.map((part) => part.trim()).filter(Boolean);
}

/** The recipients a parameter lists for one item; at least one is required. */
export function readRecipientList(
	ctx: IExecuteFunctions,
	parameter: { name: string; label: string; example: string },
	separators: RegExp,
	itemIndex: number,
): string[] {
	const list = splitList(ctx.getNodeParameter(parameter.name, itemIndex), separators);
	if (list.length === 0) {
		throw new NodeOperationError(
			ctx.getNode(),
			`${parameter.label} is required (item ${itemIndex})`,
			{
				itemIndex,
				description: `Set "${parameter.label}" to the recipient, e.g. ${parameter.example}.`,
			},
		);
	}
	return list;
}

interface SendOptions {
	path: string;
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
function howToCheck(check: SendOptions['check'], to: IDataObject[]): string {
	const shown = to.slice(0, 3).map((r) => String(r[check.key]));
	const more = to.length > shown.length ? ` and ${to.length - shown.length} more` : '';
	return `Look for it under ${check.operation}, ${check.filter} ${shown.join(', ')}${more}.`;
}

interface Recipient {
	to: IDataObject;
	item: number;
}

const distinctItems = (recipients: Recipient[]) => [...new Set(recipients.map((r) => r.item))];

/** execute, executeBatch and batchWhen of a send operation; answers are one item per recipient. */
export function sendExecutors(
	options: SendOptions,
): Pick<OperationDefinition, 'execute' | 'executeBatch' | 'batchWhen'> {
	const post = async (ctx: IExecuteFunctions, message: IDataObject, itemIndex?: number) =>
		unwrap(
			await sendOnce.call(
				ctx,
				{
					method: 'POST',
					path: [options.path],
					body: { [options.envelope]: message },
					itemIndex,
					repeat: { safe: false, kind: 'send', why: 'a second POST sends the message again' },
				},
				howToCheck(options.check, message.to as IDataObject[]),
			),
		);

	return {
		batchWhen(this: IExecuteFunctions) {
			return this.getNodeParameter('sendMode', 0) === 'batch';
		},

		async execute(this: IExecuteFunctions, itemIndex: number) {
			const to = options.recipients(this, itemIndex);
			return await post(this, { ...(await options.message(this, itemIndex)), to }, itemIndex);
		},

		async executeBatch(this: IExecuteFunctions, items: INodeExecutionData[]) {
			const output: INodeExecutionData[] = [];
			const fail = (itemIndexes: number[], error: unknown) => {
				if (!this.continueOnFail()) throw asNodeError(this, error, itemIndexes[0]);
				for (const item of itemIndexes) {
					output.push({ json: { error: (error as Error).message }, pairedItem: { item } });
				}
			};

			const recipients: Recipient[] = [];
			for (let item = 0; item < items.length; item++) {
				try {
					for (const to of options.recipients(this, item)) recipients.push({ to, item });
				} catch (error) {
					fail([item], error);
				}
			}
			if (recipients.length === 0) return output;

			// Content and request size are per request, so they come from the first item.
			let message: IDataObject;
			let size: number;
			try {
				message = await options.message(this, 0);
				const batchSize = this.getNodeParameter('batchSize', 0, SEND_BATCH.default);
				size = checkRange(this, batchSize, 'Recipients per Request', SEND_BATCH, 0);
			} catch (error) {
				fail(distinctItems(recipients), error);
				return output;
			}

			for (let start = 0; start < recipients.length; start += size) {
				const chunk = recipients.slice(start, start + size);
				try {
					const answers = await post(
						this,
						{ ...message, to: chunk.map((r) => r.to) },
						chunk[0].item,
					);
					// The answer lists the recipients in the order sent; pair each with its item.
					const byPosition = answers.length === chunk.length;
					const all = distinctItems(chunk).map((item) => ({ item }));
					answers.forEach((json, index) =>
						output.push({
							json,
							pairedItem: byPosition ? { item: chunk[index].item } : all,
						}),
					);
				} catch (error) {
					fail(distinctItems(chunk), error);
				}
			}
			return output;
		},
	};
}
