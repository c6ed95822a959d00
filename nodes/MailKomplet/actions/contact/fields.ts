import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { FieldSpec } from '../../helpers/fields';
import { collection, readFields } from '../../helpers/fields';
import { readPairs } from '../../helpers/parameters';
import { mailingListIdsSpec } from '../shared';

export const emailSpec: FieldSpec = {
	name: 'email',
	label: 'Email',
	type: 'email',
	description: 'E-mail address of the contact; Mail Komplet identifies contacts by it',
};

/** The contact properties every contact write accepts (POST, PUT, bulk, subscribe). */
export const personFields: FieldSpec[] = [
	{
		name: 'name',
		label: 'First Name',
		type: 'string',
		description: 'First name',
	},
	{
		name: 'surname',
		label: 'Last Name',
		type: 'string',
		description: 'Last name',
	},
	{
		name: 'title',
		label: 'Title',
		type: 'string',
		description: 'Title or salutation, e.g. "Dear Mr."',
	},
	{
		name: 'sex',
		label: 'Sex',
		type: 'nullableBoolean',
		options: [
			{ name: 'Not Set', value: 'null' },
			{ name: 'Male', value: 'true' },
			{ name: 'Female', value: 'false' },
		],
		description: 'Sex of the contact, used for Czech declension in templates',
	},
	{
		name: 'mobilePhone',
		label: 'Mobile Phone',
		type: 'string',
		placeholder: '+420775123456',
		description: 'Mobile phone number, ideally with the country code',
	},
	{
		name: 'company',
		label: 'Company',
		type: 'string',
		description: 'Company name',
	},
];

export const contactFields: FieldSpec[] = [
	...personFields,
	mailingListIdsSpec('Mailing lists to add the contact to'),
];

const customColumnsOption: INodeProperties = {
	displayName: 'Custom Columns',
	name: 'customColumns',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Custom Column',
	default: {},
	description:
		"Values of the account's custom columns (Settings > Custom columns in Mail Komplet), by column name",
	options: [
		{
			displayName: 'Column',
			name: 'column',
			values: [
				{
					displayName: 'Name',
					name: 'name',
					type: 'string',
					default: '',
					placeholder: 'last_order',
					description: 'Name of the custom column as defined in Mail Komplet',
				},
				{
					displayName: 'Value',
					name: 'value',
					type: 'string',
					default: '',
					description: 'Value to store; dates as 2024-05-31T14:00:00, yes/no as true or false',
				},
			],
		},
	],
};

/** A collection of contact fields plus custom columns; `specs` adds e.g. Email on updates. */
export function contactCollection(
	name: string,
	displayName: string,
	specs: FieldSpec[] = [],
	fields: FieldSpec[] = contactFields,
) {
	const property = collection(name, displayName, [...specs, ...fields]);
	property.options = [...(property.options ?? []), customColumnsOption];
	return property;
}

/** Reads a contact collection into the API's contact object. */
export function readContact(
	ctx: IExecuteFunctions,
	parameter: string,
	itemIndex: number,
	specs: FieldSpec[] = [],
	fields: FieldSpec[] = contactFields,
): IDataObject {
	const values = ctx.getNodeParameter(parameter, itemIndex, {}) as IDataObject;
	const contact = readFields(ctx, [...specs, ...fields], values, itemIndex);
	const customColumns = readPairs(
		ctx,
		values.customColumns,
		{ rowKey: 'column', noun: 'custom column', label: 'Custom Columns' },
		itemIndex,
	);
	if (customColumns) contact.customColumns = customColumns;
	return contact;
}
