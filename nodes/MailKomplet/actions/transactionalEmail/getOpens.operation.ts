import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { asDateTime, asId, readFields } from '../../helpers/values';
import {
	limit,
	pagingOptions,
	returnAll,
	simplifyProperty,
	transactionalEmailOpenRLC,
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
		fromFilter,
		{ ...transactionalEmailOpenRLC, description: 'Return only this open record' },
		toFilter,
		emailFilter,
	],
};

const endpoints = { main: { endpoint: 'GET /transactionalEmails/opens' } } satisfies Endpoints;

export const getOpens: ItemOperation = {
	value: 'getOpens',
	name: 'Get Opens',
	action: 'Get opens of transactional e-mails',
	description:
		'List every time a transactional e-mail was opened, optionally of one e-mail or in a date range. Returns one item per open with openId, emailId, toAddress and created (when it was opened); with Simplify off also IP address and user agent.',
	endpoints,
	properties: [returnAll, limit, filters, simplifyProperty, pagingOptions],
	runs: 'perItem',
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const qs = readFields(this, filters, itemIndex, {
			openId: asId,
			emailId: asId,
			from: asDateTime,
			to: asDateTime,
		});
		const opens = await readList(this, { endpoint: endpoints.main, qs }, itemIndex);
		return simplify(this, itemIndex, opens, ['openId', 'emailId', 'toAddress', 'created']);
	},
};
