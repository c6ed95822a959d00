import { listOperation } from '../common';
import { emailSpec } from './fields';

export const getActivity = listOperation({
	value: 'getActivity',
	name: 'Get Activity',
	action: 'Get the activity of a contact',
	noun: 'contact activities',
	path: 'contacts/getContactActivity',
	paged: false,
	description:
		'Read what happened with a contact: mass and transactional e-mails sent, opened and clicked, flows started, unsubscribes and bounces. Returns one item per action with actionTypeId and the related IDs.',
	required: [
		{
			...emailSpec,
			description: 'E-mail address of the contact whose history to read',
		},
	],
});
