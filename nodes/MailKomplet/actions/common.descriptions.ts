import type { INodeProperties } from 'n8n-workflow';

import { PAGE_SIZE } from '../helpers/parameters';

/**
 * Parameters several operations share, imported by name. An operation that needs another
 * description spreads one and overrides it: `{ ...mailingListRLC, description: '...' }`.
 * Every ID is picked from a list or typed; the API always receives it as a number.
 */

const numericId = [
	{
		type: 'regex' as const,
		properties: { regex: '^\\s*\\d+\\s*$', errorMessage: 'Use the numeric ID, digits only' },
	},
];

export const mailingListRLC: INodeProperties = {
	displayName: 'Mailing List',
	name: 'mailingListId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	description: 'The mailing list to work on',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select a mailing list...',
			typeOptions: { searchListMethod: 'searchMailingLists', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 8947',
			validation: numericId,
		},
	],
};

export const contactRLC: INodeProperties = {
	displayName: 'Contact',
	name: 'contactId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	description: 'The contact to work on',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select a contact...',
			typeOptions: { searchListMethod: 'searchContacts', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 8947',
			validation: numericId,
		},
	],
};

export const campaignRLC: INodeProperties = {
	displayName: 'Campaign',
	name: 'campaignId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	description: 'The campaign to work on',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select a campaign...',
			typeOptions: { searchListMethod: 'searchCampaigns', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 8947',
			validation: numericId,
		},
	],
};

export const templateRLC: INodeProperties = {
	displayName: 'Template',
	name: 'templateId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	description: 'The e-mail or SMS template',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select a template...',
			typeOptions: { searchListMethod: 'searchTemplates', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 8947',
			validation: numericId,
		},
	],
};

export const domainRedirectRLC: INodeProperties = {
	displayName: 'Domain Redirect',
	name: 'dispatcherId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	description:
		'The domain redirect (Mail Komplet calls it a dispatcher): the domain that carries tracked links and subscribe and unsubscribe pages',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select a domain redirect...',
			typeOptions: { searchListMethod: 'searchDomainRedirects', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 8947',
			validation: numericId,
		},
	],
};

export const distributionRLC: INodeProperties = {
	displayName: 'Distribution',
	name: 'generatorExecutionId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	description:
		'The distribution: one sending of a campaign (Mail Komplet calls it a generator execution)',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select a distribution...',
			typeOptions: { searchListMethod: 'searchDistributions', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 8947',
			validation: numericId,
		},
	],
};

export const customColumnRLC: INodeProperties = {
	displayName: 'Custom Column',
	name: 'customColumnId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	description: 'The custom column to work on',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select a custom column...',
			typeOptions: { searchListMethod: 'searchCustomColumns', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 8947',
			validation: numericId,
		},
	],
};

export const couponGroupRLC: INodeProperties = {
	displayName: 'Coupon Group',
	name: 'couponGroupId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	description: 'The sale coupon group',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select a coupon group...',
			typeOptions: { searchListMethod: 'searchCouponGroups', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 8947',
			validation: numericId,
		},
	],
};

export const couponRLC: INodeProperties = {
	displayName: 'Coupon',
	name: 'couponId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	description: 'The sale coupon code',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select a coupon...',
			typeOptions: { searchListMethod: 'searchCoupons', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 8947',
			validation: numericId,
		},
	],
};

export const transactionalEmailRLC: INodeProperties = {
	displayName: 'Transactional Email',
	name: 'emailId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	description: 'The transactional e-mail',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select a transactional e-mail...',
			typeOptions: { searchListMethod: 'searchTransactionalEmails', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 8947',
			validation: numericId,
		},
	],
};

export const unsubscribeRLC: INodeProperties = {
	displayName: 'Unsubscribe Record',
	name: 'excludeListId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	description: 'The unsubscribe record (an entry of the exclude list)',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select an unsubscribe record...',
			typeOptions: { searchListMethod: 'searchUnsubscribes', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 8947',
			validation: numericId,
		},
	],
};

export const transactionalEmailOpenRLC: INodeProperties = {
	displayName: 'Open',
	name: 'openId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	description: 'An open of a transactional e-mail (one recorded view)',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select an open...',
			typeOptions: { searchListMethod: 'searchTransactionalEmailOpens', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 8947',
			validation: numericId,
		},
	],
};

export const transactionalEmailClickRLC: INodeProperties = {
	displayName: 'Click',
	name: 'clickId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	description: 'A click on a link in a transactional e-mail',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select a click...',
			typeOptions: { searchListMethod: 'searchTransactionalEmailClicks', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 8947',
			validation: numericId,
		},
	],
};

export const transactionalSmsRLC: INodeProperties = {
	displayName: 'Transactional SMS',
	name: 'smsId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	description: 'The transactional SMS to work on',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select an SMS...',
			typeOptions: { searchListMethod: 'searchTransactionalSms', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 8947',
			validation: numericId,
		},
	],
};

export const mailingListIdsOptions: INodeProperties = {
	displayName: 'Mailing List Names or IDs',
	name: 'mailingListIds',
	type: 'multiOptions',
	typeOptions: { loadOptionsMethod: 'getMailingLists' },
	default: [],
	description:
		'Mailing lists to add the contact to. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

export const returnAll: INodeProperties = {
	displayName: 'Return All',
	name: 'returnAll',
	type: 'boolean',
	default: false,
	description: 'Whether to return all results or only up to a given limit',
};

export const limit: INodeProperties = {
	displayName: 'Limit',
	name: 'limit',
	type: 'number',
	typeOptions: { minValue: 1 },
	default: 50,
	description: 'Max number of results to return',
	displayOptions: { show: { returnAll: [false] } },
};

/** Options of paged Get Many operations. */
export const pagingOptions: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'Page Size',
			name: 'pageSize',
			type: 'number',
			typeOptions: { minValue: PAGE_SIZE.min, maxValue: PAGE_SIZE.max },
			default: 1000,
			description:
				'How many records to ask Mail Komplet for per request while paging. Larger pages mean fewer requests.',
		},
	],
};

/** Output switch of Get and Get Many: the fields people and agents need, or everything Mail Komplet sent. */
export const simplifyProperty: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description:
		'Whether to return only the main fields of each record instead of every field Mail Komplet sends',
	displayOptions: { show: { '@version': [{ _cnd: { gte: 1.1 } }] } },
};
