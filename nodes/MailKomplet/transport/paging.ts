import { createHash } from 'crypto';
import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { MailKompletContext } from './context';
import type { ReadSpec } from './endpoint';
import { pathOf } from './endpoint';
import { Pace } from './pace';
import type { ApiRequest } from './request';
import { apiRequest, describeRequest } from './request';
import { readRequestOptions } from './settings';

/** A read of a list endpoint. */
export type ListRequest = ApiRequest<ReadSpec>;

export interface ListResponse {
	data?: IDataObject[];
	totalRecordCount?: number;
	pageCount?: number;
}

export interface PagingOptions {
	returnAll: boolean;
	limit: number;
	pageSize: number;
}

/** More pages than any run should read: past it the server is taken to serve no end. */
export const MAX_PAGES = 100_000;

/** Whether a list endpoint has pages after `page`, by the server's own counts. */
export function hasMorePages(
	response: ListResponse | undefined,
	page: number,
	pageSize: number,
	received: number,
): boolean {
	if (received === 0) return false;
	if (typeof response?.pageCount === 'number') return page < response.pageCount;
	if (typeof response?.totalRecordCount === 'number') {
		return (page - 1) * pageSize + received < response.totalRecordCount;
	}
	return received >= pageSize;
}

/** The last page to read at `pageSize` by the first page's counts; undefined without counts. */
function lastPage(first: ListResponse, pageSize: number, wanted: number): number | undefined {
	const needed = (records: number) => Math.ceil(Math.min(records, wanted) / pageSize);
	if (typeof first.totalRecordCount === 'number') return needed(first.totalRecordCount);
	if (typeof first.pageCount === 'number') return Math.min(first.pageCount, needed(Infinity));
	return undefined;
}

const records = (response: ListResponse | undefined) =>
	Array.isArray(response?.data) ? response.data : [];

/**
 * What makes a record itself: its ID (`contactId` for /contacts, `openId` for .../opens), or
 * for endpoints whose records have none, a digest of the whole record.
 */
function recordKey(path: string[]): (record: IDataObject) => unknown {
	const idKey = `${String(path.at(-1)).replace(/s$/, '')}Id`;
	return (record) => {
		const id = record[idKey];
		if (typeof id === 'number') return id;
		// A digest never contains a space, so it cannot equal a string ID.
		if (typeof id === 'string') return `id ${id}`;
		return createHash('sha1').update(JSON.stringify(record)).digest('base64');
	};
}

/** Integer IDs below this are kept as bits (8 MB at most); larger ones go in the Set. */
const BIT_IDS = 2 ** 26;

const isBitId = (key: unknown): key is number =>
	typeof key === 'number' && Number.isInteger(key) && key >= 0 && key < BIT_IDS;

/**
 * The identities a read has met: integer IDs as bits (a Set of a million would take far more
 * memory than the bits up to the largest ID), the rest in a Set.
 */
class Seen {
	private bits = new Uint32Array(1024);
	private readonly others = new Set<unknown>();

	has(key: unknown): boolean {
		if (!isBitId(key)) return this.others.has(key);
		return ((this.bits[key >>> 5] ?? 0) & (1 << (key & 31))) !== 0;
	}

	add(key: unknown): void {
		if (!isBitId(key)) {
			this.others.add(key);
			return;
		}
		const word = key >>> 5;
		if (word >= this.bits.length) {
			const grown = new Uint32Array(Math.max(word + 1, this.bits.length * 2));
			grown.set(this.bits);
			this.bits = grown;
		}
		this.bits[word] |= 1 << (key & 31);
	}
}

/** One read of a list endpoint: its pages, what they gave, and the checks that keep it honest. */
class ListRead {
	readonly records: IDataObject[] = [];
	private readonly pace: Pace;
	private readonly seen = new Seen();
	private readonly identity: (record: IDataObject) => unknown;
	private received = 0;

	constructor(
		private readonly ctx: MailKompletContext,
		private readonly request: ListRequest,
		private readonly wanted: number,
	) {
		this.pace = new Pace(readRequestOptions(ctx, request.itemIndex ?? 0).pageConcurrency);
		this.identity = recordKey(pathOf(ctx, request.endpoint, request.params, request.itemIndex));
	}

	get hasEnough(): boolean {
		return this.records.length >= this.wanted;
	}

	/**
	 * Pages 1, 2, ... in the server's order. Page 1 gives the counts; with them the rest is read
	 * `pace.inFlight` pages at once, without them one at a time until a short page.
	 */
	async read(pageSize: number): Promise<void> {
		const first = await this.fetch(1, pageSize);
		const received = this.accept(1, first);
		if (this.hasEnough || !hasMorePages(first, 1, pageSize, received)) return;
		// The server serves fewer than asked: pages 2 on at its size, so offsets line up.
		pageSize = Math.min(pageSize, received);
		const last = lastPage(first ?? {}, pageSize, this.wanted);
		if (last !== undefined && last > MAX_PAGES) throw this.endless(pageSize);
		const width = last === undefined ? () => 1 : () => this.pace.inFlight;
		for await (const [page, response] of this.pages(2, last ?? MAX_PAGES, pageSize, width)) {
			const count = this.accept(page, response);
			if (count === 0 || this.hasEnough) return;
			if (last !== undefined) continue;
			if (count < pageSize) return;
			if (page === MAX_PAGES) throw this.endless(pageSize);
		}
	}

	/** Pages `from` to `to` in order, `width()` of them requested at once. */
	private async *pages(
		from: number,
		to: number,
		pageSize: number,
		width: () => number,
	): AsyncGenerator<[number, ListResponse | undefined]> {
		const requested = new Map<number, Promise<ListResponse | undefined>>();
		let next = from;
		try {
			for (let page = from; page <= to; page++) {
				while (next <= to && requested.size < width()) {
					requested.set(next, this.fetch(next, pageSize));
					next++;
				}
				const response = await requested.get(page);
				requested.delete(page);
				yield [page, response];
			}
		} finally {
			// Ended early (an error, the Limit): pages read ahead stop retrying, and none is still
			// under way once the node's run is over.
			this.pace.stop();
			await Promise.allSettled(requested.values());
		}
	}

	private fetch(page: number, pageSize: number): Promise<ListResponse | undefined> {
		const { request } = this;
		const response = apiRequest.call(this.ctx, {
			...request,
			qs: { ...request.qs, page, pageSize },
			pace: this.pace,
		}) as Promise<ListResponse | undefined>;
		// A page read ahead may fail while an earlier one is awaited: its error waits its turn.
		response.catch(() => {});
		return response;
	}

	/** Takes a page's records up to the Limit; refuses records seen before and records past the total. */
	private accept(page: number, response: ListResponse | undefined): number {
		const data = records(response);
		const keys = data.map(this.identity);
		if (keys.some((key) => this.seen.has(key))) throw this.repeated(page);
		for (const key of keys) this.seen.add(key);
		this.received += data.length;
		const total = response?.totalRecordCount;
		if (typeof total === 'number' && this.received > total) throw this.pastTotal(page, total);
		for (const record of data) {
			if (this.hasEnough) break;
			this.records.push(record);
		}
		return data.length;
	}

	private fail(message: string, description: string): NodeOperationError {
		return new NodeOperationError(this.ctx.getNode(), message, {
			itemIndex: this.request.itemIndex,
			description,
		});
	}

	private get endpoint(): string {
		return describeRequest(this.ctx, this.request);
	}

	private repeated(page: number): NodeOperationError {
		return this.fail(
			`Mail Komplet's ${this.endpoint} sent records again on page ${page} that earlier pages already sent`,
			'The server does not seem to page this list (or records were added while it was read), so reading stopped rather than return records twice. Try again; if it persists, use a Limit within one page or filters.',
		);
	}

	private pastTotal(page: number, total: number): NodeOperationError {
		return this.fail(
			`Mail Komplet's ${this.endpoint} sent ${this.received} records by page ${page}, more than the ${total} it counted`,
			'The server does not page this list as it says, so reading stopped rather than return records twice. Try again; if it persists, use a Limit within one page or filters.',
		);
	}

	private endless(pageSize: number): NodeOperationError {
		return this.fail(
			`Mail Komplet's ${this.endpoint} has more than ${MAX_PAGES.toLocaleString('en')} pages of ${pageSize}`,
			'Reading stopped there. Use a larger Page Size, a Limit or filters.',
		);
	}
}

/**
 * Reads a paged list endpoint into the server's order, each record once. Trusts the server's
 * counts only as far as its pages bear them out: a page repeating records, records past the
 * stated total, or pages past MAX_PAGES end the read with an error naming the endpoint. After
 * a short first page the page size follows what the server returned, so servers that cap the
 * size yield every record too.
 */
export async function readAllPages(
	this: MailKompletContext,
	request: ListRequest,
	paging: PagingOptions,
): Promise<IDataObject[]> {
	const wanted = paging.returnAll ? Infinity : paging.limit;
	const list = new ListRead(this, request, wanted);
	await list.read(Math.min(paging.pageSize, wanted));
	return list.records;
}
