import type { IExecuteFunctions } from 'n8n-workflow';

import { toProperty } from '../../helpers/fields';
import { postRecord } from '../common';
import type { OperationDefinition } from '../types';
import { customColumnProperties } from './customColumns';
import { contactCollection, emailSpec, readNewContact } from './fields';

export const upsert: OperationDefinition = {
	value: 'upsert',
	name: 'Create or Update',
	action: 'Create or update a contact',
	description: 'Create a new record, or update the current one if it already exists (upsert)',
	endpoints: ['POST /contacts'],
	properties: [
		toProperty(emailSpec, { required: true }),
		contactCollection('additionalFields', 'Additional Fields'),
		...customColumnProperties,
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		return await postRecord(this, 'contacts', await readNewContact(this, itemIndex), itemIndex);
	},
};
