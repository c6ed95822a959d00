import type { INodeProperties } from 'n8n-workflow';

import { SEND_BATCH } from './send';

/** Parameters of the two Send operations (transactional e-mail and SMS). */

export const sendMode: INodeProperties = {
	displayName: 'Send Mode',
	name: 'sendMode',
	type: 'options',
	noDataExpression: true,
	options: [
		{
			name: 'One Request per Item',
			value: 'perItem',
			description: 'Each input item sends its own message, with its own content',
		},
		{
			name: 'One Request for All Items',
			value: 'batch',
			description:
				'All input items are recipients of one message: the content comes from the first item, the recipients from every item. Fewer requests for large sends.',
		},
	],
	default: 'perItem',
	description: 'Whether each input item sends its own message or all items share one',
};

export const batchSize: INodeProperties = {
	displayName: 'Recipients per Request',
	name: 'batchSize',
	type: 'number',
	typeOptions: { minValue: SEND_BATCH.min, maxValue: SEND_BATCH.max },
	default: 500,
	displayOptions: { show: { sendMode: ['batch'] } },
	description: 'How many recipients to send in one request; more recipients are split up',
};
