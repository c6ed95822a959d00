import { listOperation } from '../common';
import { activityFilters } from './fields';

export const getOpens = listOperation({
	value: 'getOpens',
	name: 'Get Opens',
	action: 'Get opens of transactional e-mails',
	noun: 'opens',
	path: 'transactionalEmails/opens',
	description:
		'List every time a transactional e-mail was opened, optionally of one e-mail or in a date range. Returns one item per open with openId, emailId, recipient, date, IP address and user agent.',
	filters: [
		{
			name: 'openId',
			label: 'Open ID',
			type: 'id',
			description: 'Return only the open record with this ID',
		},
		...activityFilters('opens'),
	],
});
