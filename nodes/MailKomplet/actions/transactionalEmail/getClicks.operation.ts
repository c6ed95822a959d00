import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { asDateTime, asId, readFields } from '../../helpers/values';
import {
	limit,
	pagingOptions,
	returnAll,
	simplifyProperty,
	transactionalEmailClickRLC,
} from '../common.descriptions';
import { readList, simplify } from '../common';
import type { ItemOperation } from '../types';
import type { Endpoints } from '../../transport';
import { emailFilter, fromFilter, toFilter } from './transactionalEmail.descriptions';

const filters: INodeProperties = {
	displayName: 'Filters',
	name: 'filters',
	type: 'collection',
	placeholder: 'Add Filter',
	default: {},
	options: [
		{ ...transactionalEmailClickRLC, description: 'Return only this click record' },
		fromFilter,
		toFilter,
		emailFilter,
	],
};

const endpoints = { main: { endpoint: 'GET /transactionalEmails/clicks' } } satisfies Endpoints;

export const getClicks: ItemOperation = {
	value: 'getClicks',
	name: 'Get Clicks',
	action: 'Get clicks in transactional e-mails',
	description:
		'List every click on a link in transactional e-mails, optionally of one e-mail or in a date range. Returns one item per click with clickId, emailId, toAddress, created (when it was clicked) and linkUrl; with Simplify off also link position, IP address and user agent.',
	endpoints,
	properties: [returnAll, limit, filters, simplifyProperty, pagingOptions],
	runs: 'perItem',
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const qs = readFields(this, filters, itemIndex, {
			clickId: asId,
			emailId: asId,
			from: asDateTime,
			to: asDateTime,
		});
		const clicks = await readList(this, { endpoint: endpoints.main, qs }, itemIndex);
		return simplify(this, itemIndex, clicks, [
			'clickId',
			'emailId',
			'toAddress',
			'created',
			'linkUrl',
		]);
	},
};
