import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { asId, readRequired } from '../../helpers/values';
import { apiRequest } from '../../transport';
import { couponGroupRLC } from '../common.descriptions';
import { done } from '../common';
import type { ItemOperation } from '../types';

const couponGroupId: INodeProperties = {
	...couponGroupRLC,
	required: true,
	description: 'The coupon group to delete',
};

export const deleteCouponGroup: ItemOperation = {
	value: 'delete',
	name: 'Delete',
	action: 'Delete a coupon group',
	description: 'Delete a sale coupon group by its ID. Returns success and the couponGroupId.',
	endpoints: ['DELETE /saleCouponGroups'],
	properties: [couponGroupId],
	repeat: {
		safe: true,
		why: 'deleting a group that is already gone changes nothing: a 404 after a lost answer means it is done',
		goneMeansDone: true,
	},
	runs: 'perItem',
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const id = readRequired<number>(this, couponGroupId, itemIndex, asId);
		const response = await apiRequest.call(this, {
			method: 'DELETE',
			path: ['saleCouponGroups'],
			qs: { id },
			itemIndex,
			repeat: deleteCouponGroup.repeat,
		});
		return done(response, { couponGroupId: id });
	},
};
