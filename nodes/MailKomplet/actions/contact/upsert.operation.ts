import type { IExecuteFunctions } from 'n8n-workflow';

import { readRequired, toProperty } from '../../helpers/fields';
import { apiRequest } from '../../transport';
import { unwrap } from '../common';
import type { OperationDefinition } from '../types';
import { customColumnProperties } from './customColumns';
import { contactCollection, emailSpec, readContact } from './fields';

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
		const body = {
			...readRequired(this, [emailSpec], itemIndex),
			...(await readContact(this, 'additionalFields', itemIndex)),
		};
		const [created] = unwrap(
			await apiRequest.call(this, {
				method: 'POST',
				path: ['contacts'],
				body,
				itemIndex,
			}),
		);
		return { ...created, ...body };
	},
};
