import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { asId, readFields } from '../../helpers/values';
import {
	limit,
	mailingListRLC,
	pagingOptions,
	returnAll,
	simplifyProperty,
	unsubscribeRLC,
} from '../common.descriptions';
import { readList, simplify } from '../common';
import { describeValues, UNSUBSCRIBE_ORIGIN, UNSUBSCRIBE_REASON } from '../enums';
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
			...mailingListRLC,
			description: 'Return only unsubscribes from this mailing list',
		},
		{
			...unsubscribeRLC,
			description: 'Return only this unsubscribe record',
		},
	],
};

const endpoints = { main: { endpoint: 'GET /excludeLists' } } satisfies Endpoints;

export const getAll: ItemOperation = {
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many unsubscribe records',
	description: `List unsubscribed recipients (the exclude list), optionally of one mailing list. Returns one item per record with excludeListId, email, mailingListId and campaignId (both null when global), date, reason, origin (${describeValues(UNSUBSCRIBE_ORIGIN)}) and reasonId (${describeValues(UNSUBSCRIBE_REASON)}).`,
	endpoints,
	properties: [returnAll, limit, filters, simplifyProperty, pagingOptions],
	runs: 'perItem',
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const qs = readFields(this, filters, itemIndex, { excludeListId: asId, mailingListId: asId });
		const records = await readList(this, { endpoint: endpoints.main, qs }, itemIndex);
		return simplify(this, itemIndex, records, [
			'excludeListId',
			'email',
			'mailingListId',
			'mailingListName',
			'campaignId',
			'campaignName',
			'createdDate',
			'reason',
			'origin',
			'reasonId',
		]);
	},
};
