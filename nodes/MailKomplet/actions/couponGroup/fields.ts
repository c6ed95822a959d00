import type { FieldSpec } from '../../helpers/fields';
import type { IdOptions } from '../shared';

export const couponGroupIdOptions: IdOptions = {
	name: 'couponGroupId',
	label: 'Coupon Group ID',
	description: 'The sale coupon group to work on',
	searchListMethod: 'searchCouponGroups',
};

export const couponGroupFields: FieldSpec[] = [
	{
		name: 'name',
		label: 'Name',
		type: 'string',
		description: 'Name of the coupon group as shown in Mail Komplet',
	},
	{
		name: 'color',
		label: 'Color',
		type: 'color',
		description: 'Colour of the group flag in Mail Komplet, as hex e.g. #3E50B4',
	},
];
