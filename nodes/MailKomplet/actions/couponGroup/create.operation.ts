import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readRequired } from '../../helpers/values';
import { createRecord } from '../common';
import type { ItemOperation } from '../types';
import type { Endpoints } from '../../transport';
import { color, groupName } from './couponGroup.descriptions';

const name: INodeProperties = { ...groupName, required: true };
const flagColor: INodeProperties = { ...color, required: true };

const endpoints = {
	create: {
		endpoint: 'POST /saleCouponGroups',
		repeat: {
			safe: false,
			kind: 'create',
			why: 'every POST without couponGroupId makes another group, even with the same name',
		},
	},
	lookUp: { endpoint: 'GET /saleCouponGroups' },
} satisfies Endpoints;

export const create: ItemOperation = {
	value: 'create',
	name: 'Create',
	action: 'Create a coupon group',
	description:
		'Create a sale coupon group that coupon codes are added to. Returns the new couponGroupId.',
	endpoints,
	properties: [name, flagColor],
	runs: 'perItem',
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const body = {
			name: readRequired<string>(this, name, itemIndex),
			color: readRequired<string>(this, flagColor, itemIndex),
		};
		return await createRecord(
			this,
			{ create: endpoints.create, lookUp: endpoints.lookUp, body, identifiedBy: ['name', 'color'] },
			itemIndex,
		);
	},
};
