import type { INodeProperties } from 'n8n-workflow';

import { distributionRLC } from '../common.descriptions';

/** Every marketing e-mail endpoint lists the records of one distribution. */
export const generatorExecutionId: INodeProperties = {
	...distributionRLC,
	required: true,
	description:
		'The distribution (one sending of a campaign) whose e-mails, opens or clicks to list',
};
