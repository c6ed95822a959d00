import { updateOperation } from '../crud';
import { couponGroupFields, couponGroupIdOptions } from './fields';

export const update = updateOperation({
	noun: 'coupon group',
	description: 'Rename a sale coupon group or change its colour. Fields left out stay as they are.',
	id: { ...couponGroupIdOptions, description: 'The coupon group to update' },
	fields: couponGroupFields,
	// Documented as a POST carrying the ID in the body; there is no PUT for coupon groups.
	endpoint: 'POST /saleCouponGroups',
	request: (couponGroupId, changes) => ({
		method: 'POST',
		path: ['saleCouponGroups'],
		body: { couponGroupId, ...changes },
	}),
});
