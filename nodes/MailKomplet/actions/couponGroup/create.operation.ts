import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readRequired } from '../../helpers/values';
import { postRecord } from '../common';
import type { ItemOperation } from '../types';
import { color, groupName } from './couponGroup.descriptions';

const name: INodeProperties = { ...groupName, required: true };
const flagColor: INodeProperties = { ...color, required: true };

export const create: ItemOperation = {
	value: 'create',
	name: 'Create',
	action: 'Create a coupon group',
	description:
		'Create a sale coupon group that coupon codes are added to. Returns the new couponGroupId.',
	endpoints: ['POST /saleCouponGroups'],
	properties: [name, flagColor],
	repeat: {
		safe: false,
		kind: 'create',
		why: 'every POST without couponGroupId makes another group, even with the same name',
	},
	runs: 'perItem',
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const body = {
			name: readRequired<string>(this, name, itemIndex),
			color: readRequired<string>(this, flagColor, itemIndex),
		};
		return await postRecord(this, 'saleCouponGroups', body, itemIndex);
	},
};
