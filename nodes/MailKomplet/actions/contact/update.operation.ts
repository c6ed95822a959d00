import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { getId } from '../../helpers/parameters';
import { apiRequest } from '../../transport';
import { done } from '../common';
import { contactId } from '../shared';
import type { OperationDefinition } from '../types';
import { customColumnProperties } from './customColumns';
import { contactCollection, emailSpec, readContact } from './fields';

export const update: OperationDefinition = {
	value: 'update',
	name: 'Update',
	action: 'Update a contact',
	description:
		'Change fields of an existing contact by its ID. Fields left out stay as they are; listed mailing lists are added.',
	endpoints: ['PUT /contacts/{contactId}'],
	properties: [
		contactId('The contact to update'),
		contactCollection('updateFields', 'Update Fields', [emailSpec]),
		...customColumnProperties,
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const id = getId(this, 'contactId', itemIndex, 'Contact ID');
		const body = await readContact(this, 'updateFields', itemIndex, [emailSpec]);
		if (Object.keys(body).length === 0) {
			throw new NodeOperationError(
				this.getNode(),
				`Set at least one Update Field (item ${itemIndex})`,
				{
					itemIndex,
				},
			);
		}
		const response = await apiRequest.call(this, {
			method: 'PUT',
			path: ['contacts', id],
			body,
			itemIndex,
		});
		return done(response, { contactId: id, ...body });
	},
};
