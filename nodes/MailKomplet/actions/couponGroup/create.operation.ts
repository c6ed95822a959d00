import { createOperation } from '../crud';
import { couponGroupFields } from './fields';

export const create = createOperation({
	noun: 'coupon group',
	path: 'saleCouponGroups',
	repeat: { safe: false, kind: 'create', why: 'a second POST makes a second group' },
	identifiedBy: ['name', 'color'],
	description:
		'Create a sale coupon group that coupon codes are added to. Returns the new couponGroupId.',
	required: couponGroupFields,
});
