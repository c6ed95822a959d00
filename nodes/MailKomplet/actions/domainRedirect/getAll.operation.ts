import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { asId, readFields } from '../../helpers/values';
import {
	domainRedirectRLC,
	limit,
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
			...domainRedirectRLC,
			description: 'Return only this domain redirect',
		},
	],
};

const endpoints = { main: { endpoint: 'GET /dispatchers' } } satisfies Endpoints;

export const getAll: ItemOperation = {
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many domain redirects',
	description:
		'List the domain redirects (dispatchers) of the account: the domains that carry tracked links and subscribe and unsubscribe pages. Returns one item per redirect with dispatcherId, name, URL, useHttps and status (0 Not Verified, 1 DNS Verified, 2 Active); with Simplify off also its subscribe, unsubscribe and welcome e-mail settings.',
	endpoints,
	properties: [returnAll, limit, filters, simplifyProperty, pagingOptions],
	runs: 'perItem',
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const qs = readFields(this, filters, itemIndex, { dispatcherId: asId });
		const redirects = await readList(this, { endpoint: endpoints.main, qs }, itemIndex);
		return simplify(this, itemIndex, redirects, [
			'dispatcherId',
			'name',
			'url',
			'useHttps',
			'status',
		]);
	},
};
