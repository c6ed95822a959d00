import { listOperation } from '../common';
import { CAMPAIGN_STATUS, describeValues } from '../enums';

export const getAll = listOperation({
	noun: 'campaigns',
	path: 'campaigns',
	description: `List the campaigns of the account, optionally of one campaign group or by part of the name. Returns one item per campaign with campaignId, templateId, name, sender, tracking settings and status (${describeValues(CAMPAIGN_STATUS)}).`,
	filters: [
		{
			name: 'campaignGroupId',
			label: 'Campaign Group ID',
			type: 'id',
			description: 'Return only campaigns of this campaign group',
		},
		{
			name: 'name',
			label: 'Name Contains',
			type: 'string',
			description: 'Return only campaigns whose name contains this text',
		},
	],
});
