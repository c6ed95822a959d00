import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { asId, readRequired } from '../../helpers/values';
import { apiRequest } from '../../transport';
import { contactRLC } from '../common.descriptions';
import { successResult, requireChanges } from '../common';
import type { ItemOperation } from '../types';
import type { Endpoints } from '../../transport';
import {
	company,
	contactMailingLists,
	customColumnsJson,
	customColumnsMode,
	customColumnValues,
	email,
	firstName,
	lastName,
	mobilePhone,
	sex,
	title,
} from './contact.descriptions';
import { readContact } from './readContact';

const contactId: INodeProperties = {
	...contactRLC,
	required: true,
	description: 'The contact to update',
};

const updateFields: INodeProperties = {
	displayName: 'Update Fields',
	name: 'updateFields',
	type: 'collection',
	placeholder: 'Add Field',
	default: {},
	options: [
		company,
		{ ...email, description: 'New e-mail address of the contact' },
		firstName,
		lastName,
		contactMailingLists,
		mobilePhone,
		sex,
		title,
	],
};

const endpoints = {
	main: {
		endpoint: 'PUT /contacts/{contactId}',
		repeat: { safe: true, why: 'a PUT sets the same values again' },
	},
} satisfies Endpoints;

export const update: ItemOperation = {
	value: 'update',
	name: 'Update',
	action: 'Update a contact',
	description:
		'Change fields and custom columns of an existing contact by its ID. Fields left out stay as they are; listed mailing lists are added. Returns the contactId with the fields sent.',
	endpoints,
	properties: [contactId, updateFields, customColumnsMode, customColumnValues, customColumnsJson],
	runs: 'perItem',
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const id = readRequired<number>(this, contactId, itemIndex, asId);
		const changes = await readContact(this, updateFields, itemIndex);
		requireChanges(this, changes, itemIndex);
		const response = await apiRequest.call(this, {
			endpoint: endpoints.main,
			params: { contactId: id },
			body: changes,
			itemIndex,
		});
		return successResult(response, { contactId: id, ...changes });
	},
};
