import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { asId, readFields, readRequired } from '../../helpers/values';
import { apiRequest } from '../../transport';
import { campaignRLC } from '../common.descriptions';
import { successResult, requireChanges } from '../common';
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

const campaignId: INodeProperties = {
	...campaignRLC,
	required: true,
	description: 'The campaign to update',
};

const updateFields: INodeProperties = {
	displayName: 'Update Fields',
	name: 'updateFields',
	type: 'collection',
	placeholder: 'Add Field',
	default: {},
	options: [
		description,
		domainRedirect,
		mailFromAddress,
		mailFromDisplayName,
		webTrackParam,
		campaignName,
		replyToAddress,
		replyToDisplayName,
		ignoreExcludeList,
		template,
		autoLinkTracking,
		insertTrackingImage,
		unsubscribeTypeId,
	],
};

const endpoints = {
	main: {
		endpoint: 'PUT /campaigns/{campaignId}',
		repeat: { safe: true, why: 'a PUT sets the same values again' },
	},
} satisfies Endpoints;

export const update: ItemOperation = {
	value: 'update',
	name: 'Update',
	action: 'Update a campaign',
	description:
		'Change settings of a campaign: name, sender, template, domain redirect, tracking, unsubscribe type. Fields left out stay as they are. Returns success with the campaignId and the values sent.',
	endpoints,
	properties: [campaignId, updateFields],
	runs: 'perItem',
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const id = readRequired<number>(this, campaignId, itemIndex, asId);
		const changes = readFields(this, updateFields, itemIndex, campaignConverters);
		requireChanges(this, changes, itemIndex);
		const response = await apiRequest.call(this, {
			endpoint: endpoints.main,
			params: { campaignId: id },
			body: changes,
			itemIndex,
		});
		return successResult(response, { campaignId: id, ...changes });
	},
};
