import { listOperation } from '../common';
import { describeValues, emailStateOptions, QUEUE_PRIORITY } from '../enums';

export const getAll = listOperation({
	noun: 'transactional e-mails',
	path: 'transactionalEmails',
	description: `List sent transactional e-mails, filtered by date, recipient, state, opens, clicks, GUID or tags. Returns one item per e-mail with emailId, guid, sender, recipient, subject, state, queuePriority (${describeValues(QUEUE_PRIORITY)}), dates of sending, delivery, open and click, and bounces.`,
	filters: [
		{
			name: 'emailId',
			label: 'Transactional Email ID',
			type: 'id',
			description: 'Return only the e-mail with this ID',
		},
		{
			name: 'createdFrom',
			label: 'Created From',
			type: 'dateTime',
			description: 'Return only e-mails created at or after this date and time',
		},
		{
			name: 'createdTo',
			label: 'Created To',
			type: 'dateTime',
			description: 'Return only e-mails created at or before this date and time',
		},
		{
			name: 'toAddress',
			label: 'Recipient Contains',
			type: 'string',
			placeholder: '@example.cz',
			description: "Return only e-mails whose recipient's address contains this text",
		},
		{
			name: 'state',
			label: 'State',
			type: 'options',
			options: emailStateOptions,
			description: 'Return only e-mails in this state',
		},
		{
			name: 'isOpened',
			label: 'Opened',
			type: 'boolean',
			default: true,
			description: 'Whether to return only opened e-mails (on) or only unopened ones (off)',
		},
		{
			name: 'isClicked',
			label: 'Clicked',
			type: 'boolean',
			default: true,
			description:
				'Whether to return only e-mails with a clicked link (on) or only those without (off)',
		},
		{
			name: 'guid',
			label: 'GUID',
			type: 'string',
			placeholder: '2a84821c-2344-ea11-aeff-00155d012d0b',
			description: 'Return only the e-mail with this GUID, as Send returned it',
		},
		{
			name: 'tags',
			label: 'Tags',
			type: 'string',
			description: 'Return only e-mails with these tags, separated by commas',
		},
	],
});
