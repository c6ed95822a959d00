import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { getId } from '../../helpers/parameters';
import { apiRequest } from '../../transport';
import { unwrap } from '../common';
import { CAMPAIGN_TYPE, describeValues } from '../enums';
import { campaignIdOptions, idLocator } from '../shared';
import type { OperationDefinition } from '../types';

export const get: OperationDefinition = {
	value: 'get',
	name: 'Get',
	action: 'Get a campaign',
	description: `Read one campaign by its ID with all its settings: sender, reply-to, template, domain redirect, tracking, link tagging, unsubscribe type and campaignType (${describeValues(CAMPAIGN_TYPE)})`,
	endpoints: ['GET /campaigns'],
	properties: [idLocator({ ...campaignIdOptions, description: 'The campaign to read' })],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const campaignId = getId(this, 'campaignId', itemIndex, 'Campaign ID');
		// With campaignId the list endpoint answers one campaign's detail as `{ data: {...} }`.
		const [detail] = unwrap(
			await apiRequest.call(this, {
				method: 'GET',
				path: ['campaigns'],
				qs: { campaignId },
				itemIndex,
			}),
		);
		if (!detail) {
			throw new NodeOperationError(
				this.getNode(),
				`No campaign with ID ${campaignId} (item ${itemIndex})`,
				{ itemIndex, description: 'The campaign may have been deleted. Check the Campaign ID.' },
			);
		}
		return detail;
	},
};
