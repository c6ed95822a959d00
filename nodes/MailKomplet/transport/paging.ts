import type { IDataObject } from 'n8n-workflow';

import type { ApiRequest, MailKompletContext } from './index';
import { apiRequest } from './index';

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

/**
 * Reads a paged list endpoint. Trusts the server's own counts: after a short first page the
 * page size follows what the server returned, so servers that cap the size and servers that
 * truncate both yield every record exactly once.
 */
export async function apiRequestAllItems(
	this: MailKompletContext,
	request: ApiRequest,
	paging: PagingOptions,
): Promise<IDataObject[]> {
	const wanted = paging.returnAll ? Infinity : paging.limit;
	let pageSize = Math.min(paging.pageSize, wanted);
	const records: IDataObject[] = [];
	for (let page = 1; records.length < wanted; page++) {
		const response = (await apiRequest.call(this, {
			...request,
			qs: { ...request.qs, page, pageSize },
		})) as ListResponse | undefined;
		const data = Array.isArray(response?.data) ? response.data : [];
		for (const record of data) {
			if (records.length >= wanted) break;
			records.push(record);
		}

		if (!hasMorePages(response, page, pageSize, data.length)) break;
		const total = response?.totalRecordCount;
		if (typeof total === 'number' && records.length >= total) break;
		if (page === 1 && data.length < pageSize) {
			// Page 2 onwards at the size the server actually serves, so offsets line up.
			pageSize = data.length;
			page = Math.floor(records.length / pageSize);
		}
	}
	return records;
}
