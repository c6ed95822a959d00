import { listOperation } from '../common';
import { transactionalEmailIdOptions } from './fields';

export const getBounceInfo = listOperation({
	value: 'getBounceInfo',
	name: 'Get Bounce Info',
	action: 'Get bounce info of a transactional e-mail',
	noun: 'bounce records',
	path: 'transactionalEmails/bounceInfo',
	paged: false,
	description:
		"Read why a transactional e-mail bounced. Returns one item per delivery report with deliveryInfoId, guid, emailId, recipient email, date, dsnStatus (e.g. 5.1.1) and dsnInfo (the receiving server's text); none when it did not bounce.",
	id: { ...transactionalEmailIdOptions, description: 'The transactional e-mail to check' },
});
