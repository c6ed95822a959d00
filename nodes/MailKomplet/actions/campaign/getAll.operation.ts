import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { asId, readFields } from '../../helpers/values';
import { limit, pagingOptions, returnAll, simplifyProperty } from '../common.descriptions';
import { readList, simplify } from '../common';
import { CAMPAIGN_STATUS, describeValues } from '../enums';
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
			// The API lists no campaign groups, so there is nothing to pick from.
			displayName: 'Campaign Group ID',
			name: 'campaignGroupId',
			type: 'string',
			placeholder: 'e.g. 301',
			default: '',
			description:
				'Return only campaigns of this campaign group: its numeric ID, as Campaign > Get or Distribution > Get Many show it in campaignGroupId',
		},
		{
			displayName: 'Name Contains',
			name: 'name',
			type: 'string',
			default: '',
			description: 'Return only campaigns whose name contains this text',
		},
	],
};

const endpoints = { main: { endpoint: 'GET /campaigns' } } satisfies Endpoints;

export const getAll: ItemOperation = {
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many campaigns, by name or group',
	description: `List the campaigns of the account, optionally of one campaign group or by part of the name. Returns one item per campaign with campaignId, templateId, name, sender, tracking settings and status (${describeValues(CAMPAIGN_STATUS)}).`,
	endpoints,
	properties: [returnAll, limit, filters, simplifyProperty, pagingOptions],
	runs: 'perItem',
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const qs = readFields(this, filters, itemIndex, { campaignGroupId: asId });
		const campaigns = await readList(this, { endpoint: endpoints.main, qs }, itemIndex);
		return simplify(this, itemIndex, campaigns, [
			'campaignId',
			'name',
			'description',
			'status',
			'nextRunTime',
			'templateId',
			'mailFromDisplayName',
			'mailFromAddress',
		]);
	},
};
