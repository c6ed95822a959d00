import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { asId, readRequired } from '../../helpers/values';
import { apiRequest } from '../../transport';
import { couponRLC } from '../common.descriptions';
import { successResult } from '../common';
import type { ItemOperation } from '../types';
import type { Endpoints } from '../../transport';

const couponId: INodeProperties = {
	...couponRLC,
	required: true,
	description: 'The coupon to delete',
};

const endpoints = {
	main: {
		endpoint: 'DELETE /saleCoupons/{couponId}',
		repeat: {
			safe: true,
			why: 'deleting a coupon that is already gone changes nothing: a 404 after a lost answer means it is done',
			goneMeansDone: true,
		},
	},
} satisfies Endpoints;

export const deleteCoupon: ItemOperation = {
	value: 'delete',
	name: 'Delete',
	action: 'Delete a coupon',
	description: 'Delete one sale coupon code by its ID. Returns success and the couponId.',
	// The reference writes /saleCoupons/{id:int}: route syntax for the coupon's ID.
	endpoints,
	properties: [couponId],
	runs: 'perItem',
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const id = readRequired<number>(this, couponId, itemIndex, asId);
		const response = await apiRequest.call(this, {
			endpoint: endpoints.main,
			params: { couponId: id },
			itemIndex,
		});
		return successResult(response, { couponId: id });
	},
};
