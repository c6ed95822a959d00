import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { Endpoints } from '../transport';

interface OperationBase {
	value: string;
	name: string;
	action: string;
	/** What it does, what it needs and what it returns: people and AI agents read it. */
	description: string;
	/**
	 * Every kind of request it makes, by name: the documented method and path (as listed in
	 * test/fixtures/endpoints.json) and, for a write, whether it may be repeated. Its requests
	 * pass these to the transport, which builds the path and retries by them.
	 */
	endpoints: Endpoints;
	/** Its parameters; the registry shows them for this resource and operation only. */
	properties: INodeProperties[];
}

/** Runs once per input item; each returned object becomes an output item paired with it. */
export interface PerItem<Prepared = unknown> {
	runs: 'perItem';
	/**
	 * Reads every item before the first request goes out, so that a wrong item 10 stops the
	 * node before items 0-9 are sent; its result is execute's second argument.
	 */
	prepare?(this: IExecuteFunctions, itemIndex: number): Prepared;
	execute(
		this: IExecuteFunctions,
		itemIndex: number,
		prepared: Prepared,
	): Promise<IDataObject | IDataObject[]>;
}

/** A value read from an input item, with the item it came from. */
export interface Entry<T> {
	value: T;
	item: number;
}

/**
 * What a batch operation gets from the runner: reading items into entries, sending them in
 * batches, and the output with its error items. To build one (Bulk Import, Send with One
 * Request for All Items):
 *
 *   const entries = await run.readItems((itemIndex) => [readOrder(this, itemIndex)]);
 *   await run.inBatches(entries, batchSize, async (batch) =>
 *     unwrap(await apiRequest.call(this, { endpoint: endpoints.main, body: batch.map((e) => e.value) })));
 *
 * An item that cannot be read becomes an error item (On Error > Continue) or stops the node
 * before anything is sent; a batch that fails gives each of its items an error item or stops
 * the node; a batch sent before a failure is answered from Retry On Fail's run memory instead
 * of being sent again.
 */
export interface BatchRun {
	/** The entries of every input item, in item order; `read` may give several per item. */
	readItems<T>(read: (itemIndex: number) => T[] | Promise<T[]>): Promise<Array<Entry<T>>>;
	/**
	 * Sends `entries` `size` at a time, one `send` per batch, which returns the API's records.
	 * When there is one per entry they are paired by position, else each with all the batch's items.
	 */
	inBatches<T>(
		entries: Array<Entry<T>>,
		size: number,
		send: (batch: Array<Entry<T>>) => Promise<IDataObject[]>,
	): Promise<void>;
	/** One output item paired with `items`. */
	push(json: IDataObject, items: number[]): void;
	/**
	 * `items` failed: with On Error > Continue each gets an error item (or, `together`, one
	 * error item for all, with `details`); otherwise the error stops the node.
	 */
	failed(
		items: number[],
		error: unknown,
		options?: { together?: boolean; details?: IDataObject },
	): void;
	/** Stops the node with the error `makeError` builds, unless On Error > Continue is set. */
	stopUnlessContinuing(makeError: () => unknown): void;
}

/** Runs once for all input items, for endpoints that take many records per request. */
export interface InBatches {
	runs: 'batch';
	execute(this: IExecuteFunctions, run: BatchRun): Promise<void>;
}

export type ItemOperation = OperationBase & PerItem;
export type BatchOperation = OperationBase & InBatches;

/** Runs per item or in batches as one of its parameters says (Send Mode). */
export interface ChoosingOperation extends OperationBase {
	runs: 'byParameter';
	choose(this: IExecuteFunctions): PerItem | InBatches;
}

export type OperationDefinition = ItemOperation | BatchOperation | ChoosingOperation;

export interface ResourceDefinition {
	value: string;
	name: string;
	description: string;
	operations: OperationDefinition[];
}
