import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { FieldSpec } from '../helpers/fields';
import { collection, readCollection, readRequired, toProperty } from '../helpers/fields';
import { checkLimit, checkPageSize, getId, PAGE_SIZE } from '../helpers/parameters';
import { apiRequest, apiRequestAllItems } from '../transport';
import type { IdOptions } from './shared';
import { idLocator } from './shared';
import type { Endpoint, OperationDefinition } from './types';

export const returnAllProperties: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { returnAll: [false] } },
	},
];

const pagingOptions: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'Page Size',
			name: 'pageSize',
			type: 'number',
			typeOptions: { minValue: PAGE_SIZE.min, maxValue: PAGE_SIZE.max },
			default: 1000,
			description:
				'How many records to ask Mail Komplet for per request while paging. Larger pages mean fewer requests.',
		},
	],
};

/** The records of a response: the `data` array or object when present, else the body itself. */
export function unwrap(response: unknown): IDataObject[] {
	const body = (response ?? {}) as IDataObject;
	const data = typeof body === 'object' && 'data' in body ? body.data : body;
	if (Array.isArray(data)) return data as IDataObject[];
	if (data && typeof data === 'object') return [data as IDataObject];
	return [];
}

/** Output for endpoints that answer with an empty body: say what was done. */
export function done(response: unknown, summary: IDataObject): IDataObject {
	const [body] = unwrap(response);
	return { success: true, ...summary, ...(body ?? {}) };
}

/** A new record: the API's answer (e.g. the new ID, or the record found) merged with what was sent. */
export function createdRecord(response: unknown, body: IDataObject): IDataObject {
	const [answer] = unwrap(response);
	return answer ? { ...answer, ...body } : done(response, body);
}

export interface ListOperationOptions {
	/** Plural noun for texts, e.g. "mailing lists". */
	noun: string;
	path: string;
	description: string;
	/** A record ID the endpoint requires as a query parameter, picked or typed. */
	id?: IdOptions;
	/** Query parameters the endpoint requires, shown as top-level fields. */
	required?: FieldSpec[];
	filters?: FieldSpec[];
	/** False for endpoints without page/pageSize: one request, Limit applied locally. */
	paged?: boolean;
	value?: string;
	name?: string;
	action?: string;
}

/** A Get Many operation over a list endpoint, with Return All / Limit and paging. */
export function listOperation(options: ListOperationOptions): OperationDefinition {
	const { path, id, required = [], filters = [], paged = true } = options;
	const properties: INodeProperties[] = [
		...(id ? [idLocator(id)] : []),
		...required.map((spec) => toProperty(spec, { required: true })),
		...returnAllProperties,
	];
	if (filters.length) properties.push(collection('filters', 'Filters', filters, 'Add Filter'));
	if (paged) properties.push(pagingOptions);

	return {
		value: options.value ?? 'getAll',
		name: options.name ?? 'Get Many',
		action: options.action ?? `Get many ${options.noun}`,
		description: options.description,
		endpoints: [`GET /${path}` as Endpoint],
		properties,
		async execute(this: IExecuteFunctions, itemIndex: number) {
			const qs = {
				...(id ? { [id.name]: getId(this, id.name, itemIndex, id.label) } : {}),
				...readRequired(this, required, itemIndex),
				...readCollection(this, 'filters', filters, itemIndex),
			};
			const returnAll = this.getNodeParameter('returnAll', itemIndex) as boolean;
			const limit = returnAll
				? Infinity
				: checkLimit(this, this.getNodeParameter('limit', itemIndex), itemIndex);
			const request = {
				method: 'GET' as const,
				path: path.split('/'),
				qs,
				itemIndex,
			};
			if (!paged) return unwrap(await apiRequest.call(this, request)).slice(0, limit);
			const { pageSize } = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
			return await apiRequestAllItems.call(this, request, {
				returnAll,
				limit,
				pageSize: checkPageSize(this, pageSize ?? PAGE_SIZE.default, itemIndex),
			});
		},
	};
}
