import type { FieldSpec } from '../../helpers/fields';
import type { IdOptions } from '../shared';
import { dataTypeOptions } from '../enums';

export const customColumnIdOptions: IdOptions = {
	name: 'customColumnId',
	label: 'Custom Column ID',
	description: 'The custom column to work on',
	searchListMethod: 'searchCustomColumns',
};

export const dataTypeSpec: FieldSpec = {
	name: 'dataTypeId',
	label: 'Data Type',
	type: 'options',
	options: dataTypeOptions,
	description: 'Kind of value the column holds',
};

export const nameSpec: FieldSpec = {
	name: 'name',
	label: 'Name',
	type: 'string',
	placeholder: 'last_order',
	description:
		'Name of the column: a letter, then letters, digits or underscores. Contacts refer to it by this name.',
};

export const optionalColumnFields: FieldSpec[] = [
	{
		name: 'caption',
		label: 'Caption',
		type: 'string',
		description: 'Label shown for the column in Mail Komplet',
	},
	{
		name: 'description',
		label: 'Description',
		type: 'string',
		description: 'Free text describing what the column holds',
	},
	{
		name: 'defaultValue',
		label: 'Default Value',
		type: 'string',
		description: 'Value new contacts get when none is given',
	},
	{
		name: 'minValue',
		label: 'Minimum Value',
		type: 'string',
		description: 'Smallest value allowed, e.g. a number or a date as 2024-05-31',
	},
	{
		name: 'maxValue',
		label: 'Maximum Value',
		type: 'string',
		description: 'Largest value allowed, e.g. a number or a date as 2024-12-31',
	},
	{
		name: 'required',
		label: 'Required',
		type: 'boolean',
		description: 'Whether every contact must have a value in this column',
	},
	{
		name: 'unique',
		label: 'Unique',
		type: 'boolean',
		description: 'Whether no two contacts may have the same value in this column',
	},
	{
		name: 'disabled',
		label: 'Disabled',
		type: 'boolean',
		description: 'Whether the column is switched off for now',
	},
	{
		name: 'precision',
		label: 'Precision',
		type: 'number',
		description: 'Number of decimal places, for Number columns',
	},
	{
		name: 'order',
		label: 'Order',
		type: 'number',
		description: 'Position of the column in Mail Komplet screens',
	},
];
