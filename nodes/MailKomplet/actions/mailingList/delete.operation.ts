import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { asIdList, readRequired } from '../../helpers/values';
import { apiRequest } from '../../transport';
import { mailingListIdsOptions } from '../common.descriptions';
import { successResult } from '../common';
import type { ItemOperation } from '../types';
import type { Endpoints } from '../../transport';

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

const endpoints = {
	/** One list: a 404 to a repeat after a lost answer means the lost try deleted it. */
	one: {
		endpoint: 'DELETE /mailingLists',
		repeat: {
			safe: true,
			why: 'deleting a list that is already gone changes nothing',
			goneMeansDone: true,
		},
	},
	/** Several lists: one already gone fails them all, so a 404 proves nothing. */
	many: {
		endpoint: 'DELETE /mailingLists',
		repeat: { safe: true, why: 'deleting the same lists again changes nothing more' },
	},
} satisfies Endpoints;

export const deleteOperation: ItemOperation = {
	value: 'delete',
	name: 'Delete',
	action: 'Delete mailing lists',
	description:
		'Delete one or more mailing lists. By default their contacts stay in the account; switch off Keep Contacts to delete the contacts too.',
	endpoints,
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
	runs: 'perItem',
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const ids = readRequired<number[]>(this, mailingListIds, itemIndex, asIdList);
		const keepContacts = this.getNodeParameter('unassign', itemIndex) as boolean;
		const response = await apiRequest.call(this, {
			endpoint: ids.length === 1 ? endpoints.one : endpoints.many,
			qs: { mailingListIds: ids.join(','), unassign: keepContacts },
			itemIndex,
		});
		return successResult(response, { mailingListIds: ids, unassign: keepContacts });
	},
};
