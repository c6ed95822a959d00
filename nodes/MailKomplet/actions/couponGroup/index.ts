import type { ResourceDefinition } from '../types';
import { create } from './create.operation';
import { deleteCouponGroup } from './delete.operation';
import { getAll } from './getAll.operation';
import { update } from './update.operation';

export const couponGroup: ResourceDefinition = {
	value: 'couponGroup',
	name: 'Coupon Group',
	description: 'Groups of sale coupon codes that e-mails hand out',
	operations: [create, deleteCouponGroup, getAll, update],
};
