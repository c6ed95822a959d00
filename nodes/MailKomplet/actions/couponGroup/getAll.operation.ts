import { listOperation } from '../common';

export const getAll = listOperation({
	noun: 'coupon groups',
	path: 'saleCouponGroups',
	paged: false,
	description:
		'List the sale coupon groups of the account. Returns one item per group with couponGroupId, name and color.',
});
