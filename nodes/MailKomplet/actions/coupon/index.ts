import type { ResourceDefinition } from '../types';
import { create } from './create.operation';
import { deleteCoupon } from './delete.operation';
import { getAll } from './getAll.operation';

export const coupon: ResourceDefinition = {
	value: 'coupon',
	name: 'Coupon',
	description: 'Sale coupon codes that e-mails hand out to recipients',
	operations: [create, deleteCoupon, getAll],
};
