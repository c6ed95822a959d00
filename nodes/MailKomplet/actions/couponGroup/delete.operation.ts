import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { asId, readRequired } from '../../helpers/values';
import { apiRequest } from '../../transport';
import { couponGroupRLC } from '../common.descriptions';
import { successResult } from '../common';
import type { ItemOperation } from '../types';
import type { Endpoints } from '../../transport';

const couponGroupId: INodeProperties = {
	...couponGroupRLC,
	required: true,
	description: 'The coupon group to delete',
};

const endpoints = {
	main: {
		endpoint: 'DELETE /saleCouponGroups',
		repeat: {
			safe: true,
			why: 'deleting a group that is already gone changes nothing: a 404 after a lost answer means it is done',
			goneMeansDone: true,
		},
	},
} satisfies Endpoints;

export const deleteCouponGroup: ItemOperation = {
	value: 'delete',
	name: 'Delete',
	action: 'Delete a coupon group',
	description: 'Delete a sale coupon group by its ID. Returns success and the couponGroupId.',
	endpoints,
	properties: [couponGroupId],
	runs: 'perItem',
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const id = readRequired<number>(this, couponGroupId, itemIndex, asId);
		const response = await apiRequest.call(this, {
			endpoint: endpoints.main,
			qs: { id },
			itemIndex,
		});
		return successResult(response, { couponGroupId: id });
	},
};
