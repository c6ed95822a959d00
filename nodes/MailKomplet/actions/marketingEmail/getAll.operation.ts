import { listOperation } from '../common';
import { distributionIdOptions } from '../shared';

export const getAll = listOperation({
	noun: 'marketing e-mails',
	path: 'marketingEmails',
	description:
		'List the e-mails one distribution of a campaign sent. Returns one item per e-mail with emailId, campaignId, recipient, sender, created, sent and delivered dates and GUID.',
	id: { ...distributionIdOptions, description: 'The distribution whose e-mails to list' },
});
