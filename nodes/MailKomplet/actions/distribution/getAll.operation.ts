import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { asId, readFields } from '../../helpers/values';
import {
	campaignRLC,
	limit,
	pagingOptions,
	returnAll,
	simplifyProperty,
} from '../common.descriptions';
import { readList, simplify } from '../common';
import {
	CAMPAIGN_TYPE,
	describeValues,
	distributionPhaseOptions,
	distributionStatusOptions,
} from '../enums';
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
			description: 'Return only distributions of this campaign',
		},
		{
			displayName: 'Phase',
			name: 'phase',
			type: 'options',
			options: distributionPhaseOptions,
			default: 1,
			description: 'Return only distributions in this phase of sending',
		},
		{
			displayName: 'Status',
			name: 'status',
			type: 'options',
			options: distributionStatusOptions,
			default: 1,
			description: 'Return only distributions whose generation is in this state',
		},
		{
			displayName: 'Test Distributions Only',
			name: 'isTesting',
			type: 'boolean',
			default: true,
			description:
				'Whether to return only test distributions (on) or only regular distributions (off)',
		},
	],
};

const endpoints = { main: { endpoint: 'GET /generatorExecutions' } } satisfies Endpoints;

export const getAll: ItemOperation = {
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many distributions (campaign sendings) with statistics',
	description: `List distributions (sendings of campaigns) with their statistics as Mail Komplet computes them, optionally of one campaign or in one status or phase. Returns one item per distribution with generatorExecutionId, campaignId, campaignName, status, phase, executed and the counts of messages, deliveries, opens, clicks, bounces and unsubscribes; with Simplify off also campaignType (${describeValues(CAMPAIGN_TYPE)}), ratios, credits and campaign group.`,
	endpoints,
	properties: [returnAll, limit, filters, simplifyProperty, pagingOptions],
	runs: 'perItem',
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const qs = readFields(this, filters, itemIndex, { campaignId: asId });
		const distributions = await readList(this, { endpoint: endpoints.main, qs }, itemIndex);
		return simplify(this, itemIndex, distributions, [
			'generatorExecutionId',
			'campaignId',
			'campaignName',
			'isTesting',
			'status',
			'phase',
			'executed',
			'totalCount',
			'deliveryCount',
			'openCount',
			'clickCount',
			'bounceCount',
			'unsubscribeCount',
			'deliveryRatio',
			'openRatio',
			'clickRatio',
			'bounceRatio',
			'unsubscribeRatio',
		]);
	},
};
