import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { asNodeError, errorItem } from '../helpers/errors';
import { readRequestOptions } from '../transport';
import { runMemory } from './runMemory';

/** Parallel Requests; when the options are invalid, 1, and each item's request reports them as before. */
function parallelRequests(ctx: IExecuteFunctions): number {
	try {
		return readRequestOptions(ctx, 0).parallelRequests;
	} catch {
		return 1;
	}
}

/**
 * Runs `run` for each item, pairing its results with the item, Parallel Requests items at a
 * time; output keeps the input order. With On Error > Continue a failed item yields an error
 * item and the others run; otherwise the first error stops new items, the ones in flight
 * finish, and the error of the lowest item among them stops the node.
 *
 * A run that `writes` remembers what each item wrote (runMemory), so n8n's Retry On Fail
 * returns those answers instead of writing them again.
 */
export async function runPerItem(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
	run: (itemIndex: number) => Promise<IDataObject | IDataObject[]>,
	{ writes }: { writes: boolean },
): Promise<INodeExecutionData[]> {
	if (items.length === 0) return [];
	const memory = writes ? runMemory(ctx) : undefined;
	const outputs: INodeExecutionData[][] = [];
	const fatal: Array<{ itemIndex: number; error: Error }> = [];
	let failures = 0;
	let next = 0;

	const worker = async () => {
		while (fatal.length === 0 && next < items.length) {
			const itemIndex = next++;
			try {
				const result = memory
					? await memory.once(itemIndex, async () => await run(itemIndex))
					: await run(itemIndex);
				// One pairedItem for all of an item's results: a Return All of 1,000,000 records
				// would otherwise hold 1,000,000 copies (about 24 MB).
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
