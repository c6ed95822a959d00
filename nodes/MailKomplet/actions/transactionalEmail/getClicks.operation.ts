import { listOperation } from '../common';
import { activityFilters } from './fields';

export const getClicks = listOperation({
	value: 'getClicks',
	name: 'Get Clicks',
	action: 'Get clicks in transactional e-mails',
	noun: 'clicks',
	path: 'transactionalEmails/clicks',
	description:
		'List every click on a link in transactional e-mails, optionally of one e-mail or in a date range. Returns one item per click with clickId, emailId, recipient, date, link URL and position, IP address and user agent.',
	filters: [
		{
			name: 'clickId',
			label: 'Click ID',
			type: 'id',
			description: 'Return only the click record with this ID',
		},
		...activityFilters('clicks'),
	],
});
