import { deleteOperation } from '../crud';
import { couponGroupIdOptions } from './fields';

export const deleteCouponGroup = deleteOperation({
	noun: 'coupon group',
	path: 'saleCouponGroups',
	description: 'Delete a sale coupon group by its ID',
	id: { ...couponGroupIdOptions, description: 'The coupon group to delete' },
	idIn: 'query',
});
