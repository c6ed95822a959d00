import { deleteOperation } from '../crud';

export const deleteCoupon = deleteOperation({
	noun: 'coupon',
	// The reference writes /saleCoupons/{id:int}: route syntax for the coupon's ID.
	path: 'saleCoupons',
	description: 'Delete one sale coupon code by its ID',
	id: {
		name: 'couponId',
		label: 'Coupon ID',
		description: 'The coupon to delete',
		searchListMethod: 'searchCoupons',
	},
	idIn: 'path',
});
