import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { asId, readRequired } from '../../helpers/values';
import { apiRequest } from '../../transport';
import { campaignRLC } from '../common.descriptions';
import { successResult } from '../common';
import type { ItemOperation } from '../types';
import type { Endpoints } from '../../transport';

const campaignId: INodeProperties = {
	...campaignRLC,
	required: true,
	description: 'The campaign to delete',
};

const endpoints = {
	main: {
		endpoint: 'DELETE /campaigns',
		repeat: {
			safe: true,
			why: 'deleting a campaign that is already gone changes nothing: a 404 after a lost answer means it is done',
			goneMeansDone: true,
		},
	},
} satisfies Endpoints;

export const deleteCampaign: ItemOperation = {
	value: 'delete',
	name: 'Delete',
	action: 'Delete a campaign',
	description: 'Delete a campaign by its ID. Returns success and the campaignId.',
	endpoints,
	properties: [campaignId],
	runs: 'perItem',
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const id = readRequired<number>(this, campaignId, itemIndex, asId);
		const response = await apiRequest.call(this, {
			endpoint: endpoints.main,
			qs: { id },
			itemIndex,
		});
		return successResult(response, { campaignId: id });
	},
};
