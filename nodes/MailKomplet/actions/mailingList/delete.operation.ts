import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { asIdList, readRequired } from '../../helpers/values';
import { apiRequest } from '../../transport';
import { mailingListIdsOptions } from '../common.descriptions';
import { done } from '../common';
import type { ItemOperation } from '../types';

const mailingListIds: INodeProperties = {
	...mailingListIdsOptions,
	required: true,
	description:
		'Mailing lists to delete. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

const unassign: INodeProperties = {
	displayName: 'Keep Contacts',
	name: 'unassign',
	type: 'boolean',
	default: true,
	description:
		'Whether the contacts of the deleted lists stay in the account (on) or are deleted from the database as well (off, irreversible)',
};

export const deleteOperation: ItemOperation = {
	value: 'delete',
	name: 'Delete',
	action: 'Delete mailing lists',
	description:
		'Delete one or more mailing lists. By default their contacts stay in the account; switch off Keep Contacts to delete the contacts too.',
	endpoints: ['DELETE /mailingLists'],
	properties: [
		mailingListIds,
		unassign,
		{
			displayName:
				'With Keep Contacts off, every contact on these lists is deleted from the account for good',
			name: 'unassignNotice',
			type: 'notice',
			default: '',
			displayOptions: { show: { unassign: [false] } },
		},
	],
	repeat: { safe: true, why: 'deleting lists that are already gone changes nothing' },
	runs: 'perItem',
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const ids = readRequired<number[]>(this, mailingListIds, itemIndex, asIdList);
		const keepContacts = this.getNodeParameter('unassign', itemIndex) as boolean;
		const response = await apiRequest.call(this, {
			method: 'DELETE',
			path: ['mailingLists'],
			qs: { mailingListIds: ids.join(','), unassign: keepContacts },
			itemIndex,
			repeat: {
				safe: true,
				why: 'deleting the same lists again changes nothing more',
				goneMeansDone: ids.length === 1,
			},
		});
		return done(response, { mailingListIds: ids, unassign: keepContacts });
	},
};
