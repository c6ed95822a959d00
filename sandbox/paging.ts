import type { PagingFaultKind } from './faults';
import type { QueryReader } from './validate';

export interface Paging {
	page: number;
	pageSize: number;
}

export interface ListEnvelope<R> {
	/** Absent only under the 'countsMissing' fault. */
	totalRecordCount?: number;
	pageCount?: number;
	data: R[];
}

export const DEFAULT_PAGE_SIZE = 25;

export function readPaging(query: QueryReader): Paging {
	return {
		page: query.int('page', { min: 1 }) ?? 1,
		pageSize: query.int('pageSize', { min: 1 }) ?? DEFAULT_PAGE_SIZE,
	};
}

export interface PageOptions {
	/** Server-side cap on records per page (the effective page size). */
	maxPageSize?: number;
	/** Whether this endpoint's envelope carries pageCount (most do; a few only show totalRecordCount). */
	pageCount?: boolean;
	/** Paging faults the request met (see faults.ts). */
	faults?: ReadonlySet<PagingFaultKind>;
}

/**
 * One page of `source` after `filter`, in source order, in a single pass without copying the
 * source: with no filter the page is a plain slice.
 */
export function pageOf<T, R>(
	source: readonly T[],
	filter: ((row: T) => boolean) | undefined,
	paging: Paging,
	map: (row: T) => R,
	options: PageOptions = {},
): ListEnvelope<R> {
	const size =
		options.maxPageSize !== undefined
			? Math.min(paging.pageSize, options.maxPageSize)
			: paging.pageSize;
	const page = options.faults?.has('pageIgnored') ? 1 : paging.page;
	const offset = (page - 1) * size;
	let total: number;
	let items: T[];
	if (!filter) {
		total = source.length;
		items = offset < total ? source.slice(offset, offset + size) : [];
	} else {
		total = 0;
		items = [];
		const end = offset + size;
		for (const row of source) {
			if (!filter(row)) continue;
			if (total >= offset && total < end) items.push(row);
			total++;
		}
	}
	const envelope: ListEnvelope<R> = { totalRecordCount: total, data: items.map(map) };
	if (options.faults?.has('countsMissing')) return { data: envelope.data };
	if (options.pageCount !== false) {
		return { totalRecordCount: total, pageCount: Math.ceil(total / size), data: envelope.data };
	}
	return envelope;
}

/** Combines optional predicates into one (undefined when there is none). */
export function allOf<T>(
	...predicates: Array<((row: T) => boolean) | false | undefined>
): ((row: T) => boolean) | undefined {
	const active = predicates.filter((p): p is (row: T) => boolean => typeof p === 'function');
	if (active.length === 0) return undefined;
	if (active.length === 1) return active[0];
	return (row) => active.every((p) => p(row));
}

/** Case-insensitive "contains" test used by partial-match filters (e-mail, name, toAddress...). */
export function partialMatch(needle: string): (haystack: string | null | undefined) => boolean {
	const lower = needle.toLowerCase();
	return (haystack) => !!haystack && haystack.toLowerCase().includes(lower);
}

/** The rows to list: all of them, or only the one with the requested ID (empty when unknown). */
export function sourceById<T>(
	table: { get(id: number): T | undefined; rows: readonly T[] },
	id: number | undefined,
): readonly T[] {
	if (id === undefined) return table.rows;
	const row = table.get(id);
	return row === undefined ? [] : [row];
}
