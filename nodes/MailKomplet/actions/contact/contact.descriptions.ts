import type { INodeProperties } from 'n8n-workflow';

import { mailingListIdsOptions } from '../common.descriptions';

/**
 * What contact operations share, imported by name: the contact parameters of the writes
 * (Create or Update, Update, Bulk Import, Subscribe Request) and the fields Simplify keeps.
 * Parameter names are the API's: saved workflows rely on them.
 */

/** Simplify (Get, Get Many) keeps who the contact is, its custom columns and when it engaged. */
export const CONTACT_MAIN_FIELDS = [
	'contactId',
	'email',
	'name',
	'surname',
	'mobilePhone',
	'company',
	'customColumns',
	'created',
	'lastUpdate',
	'lastOpen',
	'lastClick',
];

export const email: INodeProperties = {
	displayName: 'Email',
	name: 'email',
	type: 'string',
	placeholder: 'name@email.com',
	default: '',
	description: 'E-mail address of the contact; Mail Komplet identifies contacts by it',
};

export const company: INodeProperties = {
	displayName: 'Company',
	name: 'company',
	type: 'string',
	default: '',
	description: 'Company name',
};

export const firstName: INodeProperties = {
	displayName: 'First Name',
	name: 'name',
	type: 'string',
	default: '',
	description: 'First name of the contact, e.g. Jan',
};

export const lastName: INodeProperties = {
	displayName: 'Last Name',
	name: 'surname',
	type: 'string',
	default: '',
	description: 'Last name of the contact, e.g. Novák',
};

export const mobilePhone: INodeProperties = {
	displayName: 'Mobile Phone',
	name: 'mobilePhone',
	type: 'string',
	placeholder: '+420775123456',
	default: '',
	description: 'Mobile phone number, ideally with the country code',
};

export const sex: INodeProperties = {
	displayName: 'Sex',
	name: 'sex',
	type: 'options',
	options: [
		{ name: 'Not Set', value: 'null' },
		{ name: 'Male', value: 'true' },
		{ name: 'Female', value: 'false' },
	],
	default: 'null',
	description: 'Sex of the contact, used for Czech declension in templates',
};

export const title: INodeProperties = {
	displayName: 'Title',
	name: 'title',
	type: 'string',
	default: '',
	description: 'Title or salutation, e.g. "Dear Mr."',
};

export const contactMailingLists: INodeProperties = {
	...mailingListIdsOptions,
	description:
		'Mailing lists to add the contact to; lists it is on already stay. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

/** Optional fields of a new contact: Create or Update and Subscribe Request. */
export const newContactFields: INodeProperties = {
	displayName: 'Additional Fields',
	name: 'additionalFields',
	type: 'collection',
	placeholder: 'Add Field',
	default: {},
	options: [company, firstName, lastName, contactMailingLists, mobilePhone, sex, title],
};

export const customColumnsMode: INodeProperties = {
	displayName: 'Custom Columns',
	name: 'customColumnsMode',
	type: 'options',
	default: 'none',
	options: [
		{ name: 'None', value: 'none', description: 'Set no custom column' },
		{
			name: 'Map Each Column',
			value: 'map',
			description: "Pick the account's custom columns and map a value to each",
		},
		{
			name: 'JSON',
			value: 'json',
			description: 'Give the custom columns as a JSON object of column name to value',
		},
	],
	description: "Values of the account's custom columns (Settings > Custom columns in Mail Komplet)",
};

export const customColumnValues: INodeProperties = {
	displayName: 'Custom Column Values',
	name: 'customColumns',
	type: 'resourceMapper',
	default: { mappingMode: 'defineBelow', value: null },
	noDataExpression: true,
	required: true,
	description:
		"Custom columns of the account with the value to store in each; values are converted to the column's data type",
	typeOptions: {
		loadOptionsDependsOn: ['customColumnsMode'],
		resourceMapper: {
			resourceMapperMethod: 'getCustomColumnFields',
			mode: 'add',
			fieldWords: { singular: 'custom column', plural: 'custom columns' },
			addAllFields: false,
			multiKeyMatch: false,
			supportAutoMap: true,
		},
	},
	displayOptions: { show: { customColumnsMode: ['map'] } },
};

export const customColumnsJson: INodeProperties = {
	displayName: 'Custom Columns (JSON)',
	name: 'customColumnsJson',
	type: 'json',
	default: '{}',
	placeholder: '{ "last_order": "2024-05-31T14:00:00", "vip": true }',
	description:
		'Column name to value, e.g. {"city": "Brno"}; the cc_ prefix is optional and unknown column names are refused',
	displayOptions: { show: { customColumnsMode: ['json'] } },
};
