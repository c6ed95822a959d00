import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { asEmail, asNumber, readFields, readRequired } from '../../helpers/values';
import { createRecord } from '../common';
import type { ItemOperation } from '../types';
import type { Endpoints } from '../../transport';
import {
	autoLinkTracking,
	campaignConverters,
	campaignName,
	description,
	domainRedirect,
	ignoreExcludeList,
	insertTrackingImage,
	mailFromAddress,
	mailFromDisplayName,
	replyToAddress,
	replyToDisplayName,
	template,
	unsubscribeTypeId,
	webTrackParam,
} from './campaign.descriptions';

const name: INodeProperties = { ...campaignName, required: true };
const fromEmail: INodeProperties = { ...mailFromAddress, required: true };
const unsubscribeType: INodeProperties = { ...unsubscribeTypeId, required: true };

const additionalFields: INodeProperties = {
	displayName: 'Additional Fields',
	name: 'additionalFields',
	type: 'collection',
	placeholder: 'Add Field',
	default: {},
	options: [
		description,
		domainRedirect,
		mailFromDisplayName,
		webTrackParam,
		replyToAddress,
		replyToDisplayName,
		ignoreExcludeList,
		template,
		autoLinkTracking,
		insertTrackingImage,
	],
};

const endpoints = {
	create: {
		endpoint: 'POST /campaigns',
		repeat: {
			safe: false,
			kind: 'create',
			why: 'every POST makes another campaign, even with the same name',
		},
	},
	lookUp: { endpoint: 'GET /campaigns' },
} satisfies Endpoints;

export const create: ItemOperation = {
	value: 'create',
	name: 'Create',
	action: 'Create a campaign',
	description:
		'Create a campaign with its name, sender e-mail and unsubscribe type, optionally a template, domain redirect and tracking. Returns the new campaignId with the values sent.',
	endpoints,
	properties: [name, fromEmail, unsubscribeType, additionalFields],
	runs: 'perItem',
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const body = {
			name: readRequired<string>(this, name, itemIndex),
			mailFromAddress: readRequired<string>(this, fromEmail, itemIndex, asEmail),
			unsubscribeTypeId: readRequired<number>(this, unsubscribeType, itemIndex, asNumber),
			...readFields(this, additionalFields, itemIndex, campaignConverters),
		};
		return await createRecord(
			this,
			{
				create: endpoints.create,
				lookUp: endpoints.lookUp,
				body,
				identifiedBy: ['name', 'mailFromAddress'],
			},
			itemIndex,
		);
	},
};
