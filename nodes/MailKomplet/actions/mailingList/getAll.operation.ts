import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { asId, readFields } from '../../helpers/values';
import {
	campaignRLC,
	contactRLC,
	limit,
	mailingListRLC,
	pagingOptions,
	returnAll,
	simplifyProperty,
} from '../common.descriptions';
import { readList, simplify } from '../common';
import type { ItemOperation } from '../types';
import type { Endpoints } from '../../transport';

const filters: INodeProperties = {
	displayName: 'Filters',
	name: 'filters',
	type: 'collection',
	placeholder: 'Add Filter',
	default: {},
	options: [
		{
			...campaignRLC,
			description:
				'Campaign to check against: each list then says in availableForCampaign whether it can be added to that campaign',
		},
		{
			...contactRLC,
			description:
				'Contact to check against: each list then says in availableForContact and contactAssigned whether and since when the contact is on it',
		},
		{
			...mailingListRLC,
			description: 'Return only the mailing list with this ID',
		},
		{
			displayName: 'Testing Lists Only',
			name: 'isTesting',
			type: 'boolean',
			default: true,
			description:
				'Whether to return only lists marked as testing (true) or only regular lists (false)',
		},
	],
};

const endpoints = { main: { endpoint: 'GET /mailingLists' } } satisfies Endpoints;

export const getAll: ItemOperation = {
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many mailing lists',
	description:
		'List the mailing lists of the account, optionally only those linked to a campaign or holding a contact. Returns one item per list with mailingListId, name, description, created, updated and isTest.',
	endpoints,
	properties: [returnAll, limit, filters, simplifyProperty, pagingOptions],
	runs: 'perItem',
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const qs = readFields(this, filters, itemIndex, {
			campaignId: asId,
			contactId: asId,
			mailingListId: asId,
		});
		const lists = await readList(this, { endpoint: endpoints.main, qs }, itemIndex);
		return simplify(this, itemIndex, lists, [
			'mailingListId',
			'name',
			'description',
			'isTest',
			'contactAssigned',
		]);
	},
};
