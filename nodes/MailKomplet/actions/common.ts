import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { checkLimit, checkPageSize, fail, PAGE_SIZE } from '../helpers/parameters';
import type { CreateSafety, ListRequest, ReadSpec, WriteSpec } from '../transport';
import { apiRequest, createOnce, findRecord, readAllPages } from '../transport';

/** The records of a response: the `data` array or object when present, else the body itself. */
export function unwrap(response: unknown): IDataObject[] {
	const body = (response ?? {}) as IDataObject;
	const data = typeof body === 'object' && 'data' in body ? body.data : body;
	if (Array.isArray(data)) return data as IDataObject[];
	if (data && typeof data === 'object') return [data as IDataObject];
	return [];
}

/** The output of a write whose endpoint answers with an empty body: what was done. */
export function successResult(response: unknown, summary: IDataObject): IDataObject {
	const [body] = unwrap(response);
	return { success: true, ...summary, ...(body ?? {}) };
}

/**
 * Sends a new record so that a lost answer makes no duplicate: the record is then looked up
 * (`lookUp`) by the body fields in `identifiedBy`, and created again only if it is not there.
 * Returns the API's answer (e.g. the new ID) merged with what was sent.
 */
export async function createRecord(
	ctx: IExecuteFunctions,
	request: {
		create: WriteSpec<CreateSafety>;
		lookUp: ReadSpec;
		body: IDataObject;
		identifiedBy: string[];
	},
	itemIndex: number,
): Promise<IDataObject> {
	const { body } = request;
	const identity = Object.fromEntries(request.identifiedBy.map((key) => [key, body[key]]));
	const response = await createOnce.call(
		ctx,
		{ endpoint: request.create, body, itemIndex },
		async function () {
			return await findRecord.call(this, { endpoint: request.lookUp, itemIndex }, identity);
		},
	);
	return createdRecord(response, body);
}

/** A new record: the API's answer (e.g. the new ID, or the record found) merged with what was sent. */
export function createdRecord(response: unknown, body: IDataObject): IDataObject {
	const [answer] = unwrap(response);
	return answer ? { ...answer, ...body } : successResult(response, body);
}

/**
 * The records of a Get Many: Return All or up to Limit, paged with the Page Size option.
 * Endpoints without page/pageSize (`paged: false`) answer everything at once; Limit applies here.
 */
export async function readList(
	ctx: IExecuteFunctions,
	request: Omit<ListRequest, 'itemIndex'>,
	itemIndex: number,
	{ paged = true }: { paged?: boolean } = {},
): Promise<IDataObject[]> {
	const returnAll = ctx.getNodeParameter('returnAll', itemIndex) as boolean;
	const limit = returnAll
		? Infinity
		: checkLimit(ctx, ctx.getNodeParameter('limit', itemIndex), itemIndex);
	if (!paged) return unwrap(await apiRequest.call(ctx, { ...request, itemIndex })).slice(0, limit);
	const { pageSize } = ctx.getNodeParameter('options', itemIndex, {}) as IDataObject;
	return await readAllPages.call(
		ctx,
		{ ...request, itemIndex },
		{ returnAll, limit, pageSize: checkPageSize(ctx, pageSize ?? PAGE_SIZE.default, itemIndex) },
	);
}

/** Keeps `fields` of each record when Simplify is on (node version 1.1 and later). */
export function simplify(
	ctx: IExecuteFunctions,
	itemIndex: number,
	records: IDataObject[],
	fields: string[],
): IDataObject[] {
	if (!ctx.getNodeParameter('simplify', itemIndex, false)) return records;
	return records.map((record) =>
		Object.fromEntries(fields.filter((field) => field in record).map((f) => [f, record[f]])),
	);
}

/** Update operations send only the fields a person set; with none set there is nothing to do. */
export function requireChanges(ctx: IExecuteFunctions, changes: IDataObject, itemIndex: number) {
	if (Object.keys(changes).length === 0) {
		fail(ctx, itemIndex, 'Set at least one Update Field');
	}
}
