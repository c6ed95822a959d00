import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	NodeApiError,
	NodeOperationError,
} from 'n8n-workflow';

import { asNodeError } from '../helpers/errors';
import { isWrite, readRequestOptions } from '../transport';
import type { RunMemory } from './runMemory';
import { runMemory } from './runMemory';
import type { BatchRun, Entry, OperationDefinition, PerItem } from './types';

/**
 * The output item of a failed item (or of the items of a failed batch, with what is known of
 * it in `details`) under On Error > Continue: `error` is the message; `description` carries
 * the hint (how to check an ambiguous send) when there is one.
 */
function errorItem(
	error: NodeApiError | NodeOperationError,
	item: number | number[],
	details: IDataObject = {},
): INodeExecutionData {
	const json: IDataObject = { ...details, error: error.message };
	if (error.description) json.description = error.description;
	const pairedItem = Array.isArray(item) ? item.map((index) => ({ item: index })) : { item };
	return { json, pairedItem };
}

/** Parallel Requests; when the options are invalid, 1, and each item's request reports them. */
function parallelRequests(ctx: IExecuteFunctions): number {
	try {
		return readRequestOptions(ctx, 0).parallelRequests;
	} catch {
		return 1;
	}
}

/** The BatchRun of one batch operation's run. */
class Batches implements BatchRun {
	private readonly output: INodeExecutionData[] = [];
	private failures = 0;
	private memory?: RunMemory;

	constructor(
		private readonly ctx: IExecuteFunctions,
		private readonly writes: boolean,
	) {}

	async readItems<T>(read: (itemIndex: number) => T[] | Promise<T[]>): Promise<Array<Entry<T>>> {
		const entries: Array<Entry<T>> = [];
		const count = this.ctx.getInputData().length;
		for (let item = 0; item < count; item++) {
			try {
				for (const value of await read(item)) entries.push({ value, item });
			} catch (error) {
				this.failed([item], error);
			}
		}
		return entries;
	}

	async inBatches<T>(
		entries: Array<Entry<T>>,
		size: number,
		send: (batch: Array<Entry<T>>) => Promise<IDataObject[]>,
	): Promise<void> {
		for (let start = 0; start < entries.length; start += size) {
			const batch = entries.slice(start, start + size);
			try {
				const answers = await this.once(start, async () => await send(batch));
				const all = itemsOf(batch).map((item) => ({ item }));
				answers.forEach((json, index) =>
					this.output.push({
						json,
						pairedItem: answers.length === batch.length ? { item: batch[index].item } : all,
					}),
				);
			} catch (error) {
				this.failed(itemsOf(batch), error);
			}
		}
	}

	push(json: IDataObject, items: number[]): void {
		this.output.push({ json, pairedItem: items.map((item) => ({ item })) });
	}

	failed(
		items: number[],
		error: unknown,
		{ together = false, details = {} }: { together?: boolean; details?: IDataObject } = {},
	): void {
		const nodeError = asNodeError(this.ctx, error, items[0]);
		this.stopUnlessContinuing(() => nodeError);
		this.failures++;
		if (together) this.output.push(errorItem(nodeError, items, details));
		else for (const item of items) this.output.push(errorItem(nodeError, item, details));
	}

	stopUnlessContinuing(makeError: () => unknown): void {
		if (!this.ctx.continueOnFail()) throw asNodeError(this.ctx, makeError());
	}

	/** Runs the write `key` once per node run (see runMemory). */
	private async once<T>(key: number, write: () => Promise<T>): Promise<T> {
		if (this.writes) this.memory ??= runMemory(this.ctx);
		return this.memory ? await this.memory.once(key, write) : await write();
	}

	finish(): INodeExecutionData[] {
		// n8n reruns a node only when it failed or its first item is an error item.
		if (this.failures === 0) this.memory?.forget();
		return this.output;
	}
}

const itemsOf = (entries: Array<Entry<unknown>>) => [...new Set(entries.map((e) => e.item))];

/**
 * Runs `operation` for each item, Parallel Requests items at a time; output keeps the input
 * order. With On Error > Continue a failed item yields an error item and the others run;
 * otherwise the first error stops new items, the ones in flight finish, and the error of the
 * lowest item among them stops the node.
 */
async function runPerItem(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
	operation: PerItem,
	writes: boolean,
): Promise<INodeExecutionData[]> {
	const prepared = items.map((_, itemIndex) => {
		if (!operation.prepare) return { value: undefined };
		try {
			return { value: operation.prepare.call(ctx, itemIndex) };
		} catch (error) {
			const nodeError = asNodeError(ctx, error, itemIndex);
			if (!ctx.continueOnFail()) throw nodeError;
			return { error: nodeError };
		}
	});
	if (items.length === 0) return [];
	const memory = writes ? runMemory(ctx) : undefined;
	const outputs: INodeExecutionData[][] = [];
	const fatal: Array<{ itemIndex: number; error: Error }> = [];
	let failures = 0;
	let next = 0;

	const run = async (itemIndex: number) => {
		const { value, error } = prepared[itemIndex];
		if (error) throw error;
		return await operation.execute.call(ctx, itemIndex, value);
	};
	const worker = async () => {
		while (fatal.length === 0 && next < items.length) {
			const itemIndex = next++;
			try {
				const result = memory
					? await memory.once(itemIndex, async () => await run(itemIndex))
					: await run(itemIndex);
				// One pairedItem for all of an item's results: a Return All holds one, not one per record.
				const pairedItem = { item: itemIndex };
				outputs[itemIndex] = (Array.isArray(result) ? result : [result]).map((json) => ({
					json,
					pairedItem,
				}));
			} catch (error) {
				const nodeError = asNodeError(ctx, error, itemIndex);
				failures++;
				if (ctx.continueOnFail()) {
					outputs[itemIndex] = [errorItem(nodeError, itemIndex)];
				} else {
					fatal.push({ itemIndex, error: nodeError });
				}
			}
		}
	};
	await Promise.all(Array.from({ length: Math.min(parallelRequests(ctx), items.length) }, worker));

	if (fatal.length) throw fatal.sort((a, b) => a.itemIndex - b.itemIndex)[0].error;
	// n8n reruns a node only when it failed or its first item is an error item.
	if (failures === 0) memory?.forget();
	return outputs.flat();
}

/**
 * Runs an operation as it says: per item or in batches (or as its Send Mode chooses). A run
 * that writes remembers what it wrote (runMemory), so n8n's Retry On Fail gets those answers
 * back instead of writing again; reads simply run again.
 */
export async function runOperation(
	ctx: IExecuteFunctions,
	operation: OperationDefinition,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const writes = Object.values(operation.endpoints).some(isWrite);
	const how = operation.runs === 'byParameter' ? operation.choose.call(ctx) : operation;
	if (how.runs === 'perItem') return await runPerItem(ctx, items, how, writes);
	const run = new Batches(ctx, writes);
	try {
		await how.execute.call(ctx, run);
	} catch (error) {
		throw asNodeError(ctx, error);
	}
	return run.finish();
}
