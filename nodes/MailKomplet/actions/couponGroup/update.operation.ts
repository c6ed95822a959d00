import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { asId, readFields, readRequired } from '../../helpers/values';
import { apiRequest } from '../../transport';
import { couponGroupRLC } from '../common.descriptions';
import { successResult, requireChanges } from '../common';
import type { ItemOperation } from '../types';
import type { Endpoints } from '../../transport';
import { color, groupName } from './couponGroup.descriptions';

const couponGroupId: INodeProperties = {
	...couponGroupRLC,
	required: true,
	description: 'The coupon group to update',
};

const updateFields: INodeProperties = {
	displayName: 'Update Fields',
	name: 'updateFields',
	type: 'collection',
	placeholder: 'Add Field',
	default: {},
	options: [color, groupName],
};

const endpoints = {
	main: {
		endpoint: 'POST /saleCouponGroups',
		repeat: {
			safe: true,
			why: 'with couponGroupId the POST sets the same name and colour again, it makes no group',
		},
	},
} satisfies Endpoints;

export const update: ItemOperation = {
	value: 'update',
	name: 'Update',
	action: 'Update a coupon group',
	description:
		'Rename a sale coupon group or change its colour. Fields left out stay as they are. Returns success with the couponGroupId and the values sent.',
	// Documented as a POST carrying the ID in the body; there is no PUT for coupon groups.
	endpoints,
	properties: [couponGroupId, updateFields],
	runs: 'perItem',
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const id = readRequired<number>(this, couponGroupId, itemIndex, asId);
		const changes = readFields(this, updateFields, itemIndex);
		requireChanges(this, changes, itemIndex);
		const response = await apiRequest.call(this, {
			endpoint: endpoints.main,
			body: { couponGroupId: id, ...changes },
			itemIndex,
		});
		return successResult(response, { couponGroupId: id, ...changes });
	},
};
