import { listOperation } from '../common';
import { distributionIdOptions } from '../shared';

export const getOpens = listOperation({
	value: 'getOpens',
	name: 'Get Opens',
	action: 'Get opens of marketing e-mails',
	noun: 'opens',
	path: 'marketingEmails/opens',
	description:
		'List every time an e-mail of one distribution was opened. Returns one item per open with openId, emailId, recipient, date, IP address and user agent.',
	id: { ...distributionIdOptions, description: 'The distribution whose opens to list' },
});
