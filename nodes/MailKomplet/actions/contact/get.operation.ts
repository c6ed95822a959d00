import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { getId } from '../../helpers/parameters';
import { apiRequest } from '../../transport';
import { unwrap } from '../common';
import { contactId } from '../shared';
import type { OperationDefinition } from '../types';

export const get: OperationDefinition = {
	value: 'get',
	name: 'Get',
	action: 'Get a contact',
	description:
		'Read one contact by its ID: e-mail, names, phone, company, custom columns and last open and click dates',
	endpoints: ['GET /contacts'],
	properties: [contactId('The contact to read')],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const id = getId(this, 'contactId', itemIndex, 'Contact ID');
		const [found] = unwrap(
			await apiRequest.call(this, {
				method: 'GET',
				path: ['contacts'],
				qs: { contactId: id, page: 1, pageSize: 1 },
				itemIndex,
			}),
		);
		if (!found) {
			throw new NodeOperationError(this.getNode(), `No contact with ID ${id} (item ${itemIndex})`, {
				itemIndex,
				description: 'The contact may have been deleted. Check the Contact ID.',
			});
		}
		return found;
	},
};
