import type { INodeProperties } from 'n8n-workflow';

import { asNumber } from '../../helpers/values';
import { dataTypeOptions } from '../enums';

/** Fields of a custom column that Create and Update share. */

export const dataTypeId: INodeProperties = {
	displayName: 'Data Type',
	name: 'dataTypeId',
	type: 'options',
	options: dataTypeOptions,
	default: 1,
	description: 'Kind of value the column holds',
};

export const columnName: INodeProperties = {
	displayName: 'Name',
	name: 'name',
	type: 'string',
	placeholder: 'last_order',
	default: '',
	description:
		'Name of the column: a letter, then letters, digits or underscores. Contacts refer to it by this name.',
};

export const caption: INodeProperties = {
	displayName: 'Caption',
	name: 'caption',
	type: 'string',
	default: '',
	description: 'Label shown for the column in Mail Komplet',
};

export const description: INodeProperties = {
	displayName: 'Description',
	name: 'description',
	type: 'string',
	default: '',
	description: 'Free text describing what the column holds',
};

export const defaultValue: INodeProperties = {
	displayName: 'Default Value',
	name: 'defaultValue',
	type: 'string',
	default: '',
	description: 'Value new contacts get when none is given',
};

export const minValue: INodeProperties = {
	displayName: 'Minimum Value',
	name: 'minValue',
	type: 'string',
	default: '',
	description: 'Smallest value allowed, e.g. a number or a date as 2024-05-31',
};

export const maxValue: INodeProperties = {
	displayName: 'Maximum Value',
	name: 'maxValue',
	type: 'string',
	default: '',
	description: 'Largest value allowed, e.g. a number or a date as 2024-12-31',
};

export const required: INodeProperties = {
	displayName: 'Required',
	name: 'required',
	type: 'boolean',
	default: false,
	description: 'Whether every contact must have a value in this column',
};

export const unique: INodeProperties = {
	displayName: 'Unique',
	name: 'unique',
	type: 'boolean',
	default: false,
	description: 'Whether no two contacts may have the same value in this column',
};

export const disabled: INodeProperties = {
	displayName: 'Disabled',
	name: 'disabled',
	type: 'boolean',
	default: false,
	description: 'Whether the column is switched off for now',
};

export const precision: INodeProperties = {
	displayName: 'Precision',
	name: 'precision',
	type: 'number',
	default: 0,
	description: 'Number of decimal places, for Number columns',
};

export const order: INodeProperties = {
	displayName: 'Order',
	name: 'order',
	type: 'number',
	default: 0,
	description: 'Position of the column in Mail Komplet screens',
};

/** How the fields' values become what the API expects. */
export const columnConverters = {
	dataTypeId: asNumber,
	precision: asNumber,
	order: asNumber,
};
