import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { collection, readCollection } from '../../helpers/fields';
import { getId } from '../../helpers/parameters';
import { apiRequest } from '../../transport';
import { done } from '../common';
import { mailingListId } from '../shared';
import type { OperationDefinition } from '../types';
import { mailingListFields } from './fields';

export const update: OperationDefinition = {
	value: 'update',
	name: 'Update',
	action: 'Update a mailing list',
	description:
		'Change the name, description or test flag of a mailing list. Fields left out stay as they are.',
	endpoints: ['PUT /mailingLists/{mailingListId}'],
	properties: [mailingListId(), collection('updateFields', 'Update Fields', mailingListFields)],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const id = getId(this, 'mailingListId', itemIndex, 'Mailing List ID');
		const body = readCollection(this, 'updateFields', mailingListFields, itemIndex);
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
			path: ['mailingLists', id],
			body,
			itemIndex,
		});
		return done(response, { mailingListId: id, ...body });
	},
};
