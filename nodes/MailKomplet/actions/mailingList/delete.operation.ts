import type { IExecuteFunctions } from 'n8n-workflow';

import { readRequired } from '../../helpers/fields';
import { apiRequest } from '../../transport';
import { done } from '../common';
import { mailingListIds } from '../shared';
import type { OperationDefinition } from '../types';

const ids = mailingListIds({ description: 'Mailing lists to delete' });

export const deleteOperation: OperationDefinition = {
	value: 'delete',
	name: 'Delete',
	action: 'Delete mailing lists',
	description:
		'Delete one or more mailing lists. By default their contacts stay in the account; switch off Keep Contacts to delete the contacts too.',
	endpoints: ['DELETE /mailingLists'],
	properties: [
		ids.property,
		{
			displayName: 'Keep Contacts',
			name: 'unassign',
			type: 'boolean',
			default: true,
			description:
				'Whether the contacts of the deleted lists stay in the account (on) or are deleted from the database as well (off, irreversible)',
		},
		{
			displayName:
				'With Keep Contacts off, every contact on these lists is deleted from the account for good',
			name: 'unassignNotice',
			type: 'notice',
			default: '',
			displayOptions: { show: { unassign: [false] } },
		},
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const { mailingListIds: list } = readRequired(this, [ids.spec], itemIndex);
		const unassign = this.getNodeParameter('unassign', itemIndex) as boolean;
		const response = await apiRequest.call(this, {
			method: 'DELETE',
			path: ['mailingLists'],
			qs: { mailingListIds: (list as number[]).join(','), unassign },
			itemIndex,
			repeat: {
				safe: true,
				why: 'deleting the same lists again changes nothing more',
				goneMeansDone: (list as number[]).length === 1,
			},
		});
		return done(response, { mailingListIds: list, unassign });
	},
};
