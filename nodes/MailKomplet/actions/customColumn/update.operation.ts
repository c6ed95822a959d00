import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { asId, readFields, readRequired } from '../../helpers/values';
import { apiRequest } from '../../transport';
import { customColumnRLC } from '../common.descriptions';
import { successResult, requireChanges } from '../common';
import type { ItemOperation } from '../types';
import type { Endpoints } from '../../transport';
import {
	caption,
	columnConverters,
	columnName,
	dataTypeId,
	defaultValue,
	description,
	disabled,
	maxValue,
	minValue,
	order,
	precision,
	required,
	unique,
} from './customColumn.descriptions';

const customColumnId: INodeProperties = {
	...customColumnRLC,
	required: true,
	description: 'The custom column to update',
};

const updateFields: INodeProperties = {
	displayName: 'Update Fields',
	name: 'updateFields',
	type: 'collection',
	placeholder: 'Add Field',
	default: {},
	options: [
		caption,
		dataTypeId,
		defaultValue,
		description,
		disabled,
		maxValue,
		minValue,
		columnName,
		order,
		precision,
		required,
		unique,
	],
};

const endpoints = {
	main: {
		endpoint: 'PUT /customColumns/{customColumnId}',
		repeat: { safe: true, why: 'a PUT sets the same values again' },
	},
} satisfies Endpoints;

export const update: ItemOperation = {
	value: 'update',
	name: 'Update',
	action: 'Update a custom column',
	description:
		"Change a custom column's name, data type, caption or rules. Fields left out stay as they are. Mail Komplet limits changes to system columns. Returns success with the customColumnId and the values sent.",
	// The reference shows no ID in the path; like every other update, it goes there.
	endpoints,
	properties: [customColumnId, updateFields],
	runs: 'perItem',
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const id = readRequired<number>(this, customColumnId, itemIndex, asId);
		const changes = readFields(this, updateFields, itemIndex, columnConverters);
		requireChanges(this, changes, itemIndex);
		const response = await apiRequest.call(this, {
			endpoint: endpoints.main,
			params: { customColumnId: id },
			body: changes,
			itemIndex,
		});
		return successResult(response, { customColumnId: id, ...changes });
	},
};
