import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { asDateTime, asId, readFields } from '../../helpers/values';
import {
	limit,
	pagingOptions,
	returnAll,
	simplifyProperty,
	transactionalSmsRLC,
} from '../common.descriptions';
import { readList, simplify } from '../common';
import { describeValues, QUEUE_PRIORITY, SMS_STATE } from '../enums';
import type { ItemOperation } from '../types';
import type { Endpoints } from '../../transport';

const filters: INodeProperties = {
	displayName: 'Filters',
	name: 'filters',
	type: 'collection',
	placeholder: 'Add Filter',
	default: {},
	options: [
		{
			displayName: 'Created From',
			name: 'createdFrom',
			type: 'dateTime',
			default: '',
			description: 'Return only SMS created at or after this date and time',
		},
		{
			displayName: 'Created To',
			name: 'createdTo',
			type: 'dateTime',
			default: '',
			description: 'Return only SMS created at or before this date and time',
		},
		{
			displayName: 'GUID',
			name: 'guid',
			type: 'string',
			default: '',
			placeholder: '34851b54-d56b-4199-aac2-4f71c5bcc6a7',
			description: 'Return only the SMS with this GUID, as Send returned it',
		},
		{
			displayName: 'Number Contains',
			name: 'to',
			type: 'string',
			default: '',
			placeholder: '775123',
			description: 'Return only SMS whose phone number contains these digits',
		},
		{ ...transactionalSmsRLC, description: 'Return only this SMS' },
	],
};

const endpoints = { main: { endpoint: 'GET /transactionalSms' } } satisfies Endpoints;

export const getAll: ItemOperation = {
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many transactional SMS',
	description: `List sent transactional SMS, filtered by date, number, ID or GUID. Returns one item per SMS with smsId, guid, to, text, state (${describeValues(SMS_STATE)}), created, sent, received and price; with Simplify off also queuePriority (${describeValues(QUEUE_PRIORITY)}), due date and SMS group.`,
	endpoints,
	properties: [returnAll, limit, filters, simplifyProperty, pagingOptions],
	runs: 'perItem',
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const qs = readFields(this, filters, itemIndex, {
			smsId: asId,
			createdFrom: asDateTime,
			createdTo: asDateTime,
		});
		const messages = await readList(this, { endpoint: endpoints.main, qs }, itemIndex);
		return simplify(this, itemIndex, messages, [
			'smsId',
			'guid',
			'to',
			'text',
			'state',
			'created',
			'sent',
			'received',
			'price',
		]);
	},
};
