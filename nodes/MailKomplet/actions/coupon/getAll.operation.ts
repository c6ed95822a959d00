import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { asId, readFields } from '../../helpers/values';
import {
	couponGroupRLC,
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
			displayName: 'Code',
			name: 'coupon',
			type: 'string',
			default: '',
			description: 'Return only coupons whose code matches this text',
		},
		{
			...couponGroupRLC,
			description: 'Return only coupons of this group',
		},
		{
			displayName: 'Sent Only',
			name: 'sent',
			type: 'boolean',
			default: true,
			description:
				'Whether to return only coupons already sent to someone (on) or only unused ones (off)',
		},
	],
};

const endpoints = { main: { endpoint: 'GET /saleCoupons' } } satisfies Endpoints;

export const getAll: ItemOperation = {
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many coupons',
	description:
		'List sale coupon codes, optionally of one group, by code, or only sent or unsent ones. Returns one item per coupon with couponId, couponGroupId, coupon (the code), validity, and for sent coupons the recipient email, sent date and the e-mail it went out in.',
	endpoints,
	properties: [returnAll, limit, filters, simplifyProperty, pagingOptions],
	runs: 'perItem',
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const qs = readFields(this, filters, itemIndex, { couponGroupId: asId });
		const coupons = await readList(this, { endpoint: endpoints.main, qs }, itemIndex);
		return simplify(this, itemIndex, coupons, [
			'couponId',
			'couponGroupId',
			'coupon',
			'validity',
			'email',
			'sent',
		]);
	},
};
