import { listOperation } from '../common';
import { distributionIdOptions } from '../shared';

export const getClicks = listOperation({
	value: 'getClicks',
	name: 'Get Clicks',
	action: 'Get clicks in marketing e-mails',
	noun: 'clicks',
	path: 'marketingEmails/clicks',
	description:
		'List every click on a link in the e-mails of one distribution. Returns one item per click with clickId, emailId, recipient, date, link URL and position, IP address and user agent.',
	id: { ...distributionIdOptions, description: 'The distribution whose clicks to list' },
});
