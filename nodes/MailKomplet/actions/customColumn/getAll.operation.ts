import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { asId, readFields } from '../../helpers/values';
import {
	customColumnRLC,
	limit,
	pagingOptions,
	returnAll,
	simplifyProperty,
} from '../common.descriptions';
import { readList, simplify } from '../common';
import { DATA_TYPE, describeValues } from '../enums';
import type { ItemOperation } from '../types';
import type { Endpoints } from '../../transport';

const filters: INodeProperties = {
	displayName: 'Filters',
	name: 'filters',
	type: 'collection',
	placeholder: 'Add Filter',
	default: {},
	options: [
		{
			...customColumnRLC,
			description: 'Return only this column',
		},
		{
			displayName: 'System Columns Only',
			name: 'isSystem',
			type: 'boolean',
			default: true,
			description:
				"Whether to return only Mail Komplet's predefined columns (on) or only the account's own columns (off)",
		},
	],
};

const endpoints = { main: { endpoint: 'GET /customColumns' } } satisfies Endpoints;

export const getAll: ItemOperation = {
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many custom columns',
	description: `List the custom columns that contacts can have. Returns one item per column with customColumnId, name, originalName (the name prefixed with cc_, the key in contact data), caption, dataTypeId (${describeValues(DATA_TYPE)}) and its rules.`,
	endpoints,
	properties: [returnAll, limit, filters, simplifyProperty, pagingOptions],
	runs: 'perItem',
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const qs = readFields(this, filters, itemIndex, { customColumnId: asId });
		const columns = await readList(this, { endpoint: endpoints.main, qs }, itemIndex);
		return simplify(this, itemIndex, columns, [
			'customColumnId',
			'name',
			'originalName',
			'caption',
			'dataTypeId',
			'required',
			'unique',
			'system',
		]);
	},
};
