import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { asNumber, readFields, readRequired } from '../../helpers/values';
import { createRecord } from '../common';
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

const dataType: INodeProperties = { ...dataTypeId, required: true };
const name: INodeProperties = { ...columnName, required: true };

const additionalFields: INodeProperties = {
	displayName: 'Additional Fields',
	name: 'additionalFields',
	type: 'collection',
	placeholder: 'Add Field',
	default: {},
	options: [
		caption,
		defaultValue,
		description,
		disabled,
		maxValue,
		minValue,
		order,
		precision,
		required,
		unique,
	],
};

const endpoints = {
	create: {
		endpoint: 'POST /customColumns',
		repeat: {
			safe: false,
			kind: 'create',
			why: 'every POST adds a column; the reference does not say that a second one with the same name is refused',
		},
	},
	lookUp: { endpoint: 'GET /customColumns' },
} satisfies Endpoints;

export const create: ItemOperation = {
	value: 'create',
	name: 'Create',
	action: 'Create a custom column',
	description:
		'Add a custom column that every contact can have a value in. Needs a data type and a name. Returns the new customColumnId with the values sent.',
	endpoints,
	properties: [dataType, name, additionalFields],
	runs: 'perItem',
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const body = {
			dataTypeId: readRequired<number>(this, dataType, itemIndex, asNumber),
			name: readRequired<string>(this, name, itemIndex),
			...readFields(this, additionalFields, itemIndex, columnConverters),
		};
		return await createRecord(
			this,
			{ create: endpoints.create, lookUp: endpoints.lookUp, body, identifiedBy: ['name'] },
			itemIndex,
		);
	},
};
