import type { IExecuteFunctions } from 'n8n-workflow';

import { limit, returnAll, simplifyProperty } from '../common.descriptions';
import { readList, simplify } from '../common';
import type { ItemOperation } from '../types';
import type { Endpoints } from '../../transport';

const endpoints = { main: { endpoint: 'GET /saleCouponGroups' } } satisfies Endpoints;

export const getAll: ItemOperation = {
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many coupon groups',
	description:
		'List the sale coupon groups of the account. Returns one item per group with couponGroupId, name and color.',
	endpoints,
	// The endpoint takes no page parameters: one request answers every group.
	properties: [returnAll, limit, simplifyProperty],
	runs: 'perItem',
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const groups = await readList(this, { endpoint: endpoints.main }, itemIndex, {
			paged: false,
		});
		return simplify(this, itemIndex, groups, ['couponGroupId', 'name']);
	},
};
