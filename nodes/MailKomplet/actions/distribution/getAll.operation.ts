import { listOperation } from '../common';
import {
	CAMPAIGN_TYPE,
	describeValues,
	distributionPhaseOptions,
	distributionStatusOptions,
} from '../enums';

export const getAll = listOperation({
	noun: 'distributions',
	path: 'generatorExecutions',
	description: `List distributions (sendings of campaigns) with their statistics as Mail Komplet computes them. Returns one item per distribution with generatorExecutionId, campaign, campaignType (${describeValues(CAMPAIGN_TYPE)}), status, phase, dates, counts and ratios of deliveries, opens, clicks, bounces and unsubscribes.`,
	filters: [
		{
			name: 'campaignId',
			label: 'Campaign ID',
			type: 'id',
			description: 'Return only distributions of this campaign',
		},
		{
			name: 'isTesting',
			label: 'Test Distributions Only',
			type: 'boolean',
			default: true,
			description:
				'Whether to return only test distributions (on) or only regular distributions (off)',
		},
		{
			name: 'status',
			label: 'Status',
			type: 'options',
			options: distributionStatusOptions,
			description: 'Return only distributions whose generation is in this state',
		},
		{
			name: 'phase',
			label: 'Phase',
			type: 'options',
			options: distributionPhaseOptions,
			description: 'Return only distributions in this phase of sending',
		},
	],
});
