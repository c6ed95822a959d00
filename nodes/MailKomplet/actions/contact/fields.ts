import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { FieldSpec } from '../../helpers/fields';
import { collection, readFields, readRequired } from '../../helpers/fields';
import { readCustomColumns } from './customColumns';
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

/** A collection of contact fields; `specs` adds e.g. Email on updates. */
export function contactCollection(
	name: string,
	displayName: string,
	specs: FieldSpec[] = [],
	fields: FieldSpec[] = contactFields,
) {
	return collection(name, displayName, [...specs, ...fields]);
}

/** Reads a contact collection and the custom columns into the API's contact object. */
export async function readContact(
	ctx: IExecuteFunctions,
	parameter: string,
	itemIndex: number,
	specs: FieldSpec[] = [],
	fields: FieldSpec[] = contactFields,
): Promise<IDataObject> {
	const values = ctx.getNodeParameter(parameter, itemIndex, {}) as IDataObject;
	const contact = readFields(ctx, [...specs, ...fields], values, itemIndex);
	const customColumns = await readCustomColumns(ctx, itemIndex);
	if (customColumns) contact.customColumns = customColumns;
	return contact;
}

/** Email plus the Additional Fields and custom columns of a new contact. */
export async function readNewContact(
	ctx: IExecuteFunctions,
	itemIndex: number,
): Promise<IDataObject> {
	return {
		...readRequired(ctx, [emailSpec], itemIndex),
		...(await readContact(ctx, 'additionalFields', itemIndex)),
	};
}
