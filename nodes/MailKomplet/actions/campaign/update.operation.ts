import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { asId, readFields, readRequired } from '../../helpers/values';
import { apiRequest } from '../../transport';
import { campaignRLC } from '../common.descriptions';
import { done, requireChanges } from '../common';
import type { ItemOperation } from '../types';
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

export const update: ItemOperation = {
	value: 'update',
	name: 'Update',
	action: 'Update a campaign',
	description:
		'Change settings of a campaign: name, sender, template, domain redirect, tracking, unsubscribe type. Fields left out stay as they are. Returns success with the campaignId and the values sent.',
	endpoints: ['PUT /campaigns/{campaignId}'],
	properties: [campaignId, updateFields],
	repeat: { safe: true, why: 'a PUT sets the same values again' },
	runs: 'perItem',
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const id = readRequired<number>(this, campaignId, itemIndex, asId);
		const changes = readFields(this, updateFields, itemIndex, campaignConverters);
		requireChanges(this, changes, itemIndex);
		const response = await apiRequest.call(this, {
			method: 'PUT',
			path: ['campaigns', id],
			body: changes,
			itemIndex,
			repeat: update.repeat,
		});
		return done(response, { campaignId: id, ...changes });
	},
};
