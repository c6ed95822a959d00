import type { IExecuteFunctions } from 'n8n-workflow';

import { toProperty } from '../../helpers/fields';
import { apiRequest } from '../../transport';
import { createdRecord } from '../common';
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
		const body = await readNewContact(this, itemIndex);
		const response = await apiRequest.call(this, {
			method: 'POST',
			path: ['contacts'],
			body,
			itemIndex,
			repeat: { safe: true, why: 'an upsert by e-mail: sent twice, it still leaves one contact' },
		});
		return createdRecord(response, body);
	},
};
