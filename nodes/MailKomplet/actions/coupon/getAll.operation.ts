import { listOperation } from '../common';

export const getAll = listOperation({
	noun: 'coupons',
	path: 'saleCoupons',
	description:
		'List sale coupon codes, optionally of one group, by code, or only sent or unsent ones. Returns one item per coupon with couponId, couponGroupId, coupon (the code), validity, and for sent coupons the recipient email, sent date and the e-mail it went out in.',
	filters: [
		{
			name: 'couponGroupId',
			label: 'Coupon Group ID',
			type: 'id',
			description: 'Return only coupons of this group',
		},
		{
			name: 'coupon',
			label: 'Code',
			type: 'string',
			description: 'Return only coupons whose code matches this text',
		},
		{
			name: 'sent',
			label: 'Sent Only',
			type: 'boolean',
			default: true,
			description:
				'Whether to return only coupons already sent to someone (on) or only unused ones (off)',
		},
	],
});
