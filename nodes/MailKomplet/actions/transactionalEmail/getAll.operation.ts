import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { asDateTime, asId, readFields } from '../../helpers/values';
import {
	limit,
	pagingOptions,
	returnAll,
	simplifyProperty,
	transactionalEmailRLC,
} from '../common.descriptions';
import { readList, simplify } from '../common';
import { describeValues, emailStateOptions, QUEUE_PRIORITY } from '../enums';
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
			displayName: 'Clicked',
			name: 'isClicked',
			type: 'boolean',
			default: true,
			description:
				'Whether to return only e-mails with a clicked link (on) or only those without (off)',
		},
		{
			displayName: 'Created From',
			name: 'createdFrom',
			type: 'dateTime',
			default: '',
			description: 'Return only e-mails created at or after this date and time',
		},
		{
			displayName: 'Created To',
			name: 'createdTo',
			type: 'dateTime',
			default: '',
			description: 'Return only e-mails created at or before this date and time',
		},
		{
			displayName: 'GUID',
			name: 'guid',
			type: 'string',
			default: '',
			placeholder: '2a84821c-2344-ea11-aeff-00155d012d0b',
			description: 'Return only the e-mail with this GUID, as Send returned it',
		},
		{
			displayName: 'Opened',
			name: 'isOpened',
			type: 'boolean',
			default: true,
			description: 'Whether to return only opened e-mails (on) or only unopened ones (off)',
		},
		{
			displayName: 'Recipient Contains',
			name: 'toAddress',
			type: 'string',
			default: '',
			placeholder: '@example.cz',
			description: "Return only e-mails whose recipient's address contains this text",
		},
		{
			displayName: 'State',
			name: 'state',
			type: 'options',
			options: emailStateOptions,
			default: 1,
			description: 'Return only e-mails in this state',
		},
		{
			displayName: 'Tags',
			name: 'tags',
			type: 'string',
			default: '',
			placeholder: 'order,eshop',
			description: 'Return only e-mails with these tags, separated by commas',
		},
		{
			...transactionalEmailRLC,
			description: 'Return only this e-mail',
		},
	],
};

const endpoints = { main: { endpoint: 'GET /transactionalEmails' } } satisfies Endpoints;

export const getAll: ItemOperation = {
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many transactional e-mails',
	description: `List sent transactional e-mails, filtered by date, recipient, state, opens, clicks, GUID or tags. Returns one item per e-mail with emailId, guid, toAddress, subject, state, tags and the dates of sending, delivery, open, click and bounce; with Simplify off also sender, queuePriority (${describeValues(QUEUE_PRIORITY)}), phase and size.`,
	endpoints,
	properties: [returnAll, limit, filters, simplifyProperty, pagingOptions],
	runs: 'perItem',
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const qs = readFields(this, filters, itemIndex, {
			emailId: asId,
			createdFrom: asDateTime,
			createdTo: asDateTime,
		});
		const emails = await readList(this, { endpoint: endpoints.main, qs }, itemIndex);
		return simplify(this, itemIndex, emails, [
			'emailId',
			'guid',
			'toAddress',
			'subject',
			'state',
			'tags',
			'sent',
			'delivered',
			'opened',
			'clicked',
			'softBounced',
			'hardBounced',
		]);
	},
};
