import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readRequired } from '../../helpers/values';
import type { CreateSafety } from '../../transport';
import { createRecord } from '../common';
import type { ItemOperation } from '../types';
import { color, groupName } from './couponGroup.descriptions';

const name: INodeProperties = { ...groupName, required: true };
const flagColor: INodeProperties = { ...color, required: true };

const repeat: CreateSafety = {
	safe: false,
	kind: 'create',
	why: 'every POST without couponGroupId makes another group, even with the same name',
};

export const create: ItemOperation = {
	value: 'create',
	name: 'Create',
	action: 'Create a coupon group',
	description:
		'Create a sale coupon group that coupon codes are added to. Returns the new couponGroupId.',
	endpoints: ['POST /saleCouponGroups'],
	properties: [name, flagColor],
	repeat,
	runs: 'perItem',
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const body = {
			name: readRequired<string>(this, name, itemIndex),
			color: readRequired<string>(this, flagColor, itemIndex),
		};
		return await createRecord(
			this,
			{ path: 'saleCouponGroups', body, repeat, identifiedBy: ['name', 'color'] },
			itemIndex,
		);
	},
};
