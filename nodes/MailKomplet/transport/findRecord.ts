import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { ListRequest } from './paging';
import { readAllPages } from './paging';
import { timing } from './settings';

/** E-mail addresses are one whatever their case, as Mail Komplet matches contacts; any other value only as it is. */
function sameValue(key: string, found: unknown, sent: unknown): boolean {
	const address =
		/e-?mail|address/i.test(key) && typeof found === 'string' && typeof sent === 'string';
	if (address) return found.trim().toLowerCase() === sent.trim().toLowerCase();
	return JSON.stringify(found ?? null) === JSON.stringify(sent ?? null);
}

/** A naive API timestamp is UTC (as the sandbox reads it). */
const timestamp = (value: string) =>
	Date.parse(/(Z|[+-]\d\d:?\d\d)$/.test(value) ? value : `${value}Z`);

/** A deleted record, or one whose validity ended (an expired unsubscribe), is not the one just created. */
function inEffect(record: IDataObject): boolean {
	if (record.deleted !== undefined && record.deleted !== null) return false;
	return typeof record.validTo !== 'string' || !(timestamp(record.validTo) <= timing.now());
}

/**
 * For createOnce: the newest record in effect of a list endpoint whose `identity` fields equal
 * the ones sent (a missing field counts as null), read in full pages with the request's item.
 */
export async function findRecord(
	this: IExecuteFunctions,
	request: ListRequest,
	identity: IDataObject,
): Promise<IDataObject | undefined> {
	const records = await readAllPages.call(this, request, {
		returnAll: true,
		limit: Infinity,
		pageSize: 1000,
	});
	const matches = (record: IDataObject) =>
		inEffect(record) &&
		Object.entries(identity).every(([key, value]) => sameValue(key, record[key], value));
	return records.filter(matches).at(-1);
}
