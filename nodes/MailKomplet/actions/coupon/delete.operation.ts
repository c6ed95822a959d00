import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { asId, readRequired } from '../../helpers/values';
import { apiRequest } from '../../transport';
import { couponRLC } from '../common.descriptions';
import { done } from '../common';
import type { ItemOperation } from '../types';

const couponId: INodeProperties = {
	...couponRLC,
	required: true,
	description: 'The coupon to delete',
};

export const deleteCoupon: ItemOperation = {
	value: 'delete',
	name: 'Delete',
	action: 'Delete a coupon',
	description: 'Delete one sale coupon code by its ID. Returns success and the couponId.',
	// The reference writes /saleCoupons/{id:int}: route syntax for the coupon's ID.
	endpoints: ['DELETE /saleCoupons/{couponId}'],
	properties: [couponId],
	repeat: {
		safe: true,
		why: 'deleting a coupon that is already gone changes nothing: a 404 after a lost answer means it is done',
		goneMeansDone: true,
	},
	runs: 'perItem',
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const id = readRequired<number>(this, couponId, itemIndex, asId);
		const response = await apiRequest.call(this, {
			method: 'DELETE',
			path: ['saleCoupons', id],
			itemIndex,
			repeat: deleteCoupon.repeat,
		});
		return done(response, { couponId: id });
	},
};
