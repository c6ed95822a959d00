import { listOperation } from '../common';
import { describeValues, QUEUE_PRIORITY, SMS_STATE } from '../enums';

export const getAll = listOperation({
	noun: 'transactional SMS',
	path: 'transactionalSms',
	description: `List sent transactional SMS, filtered by date, number or GUID. Returns one item per SMS with smsId, guid, to, text, state (${describeValues(SMS_STATE)}), queuePriority (${describeValues(QUEUE_PRIORITY)}), dates of sending and receipt, and price.`,
	filters: [
		{
			name: 'smsId',
			label: 'SMS ID',
			type: 'id',
			description: 'Return only the SMS with this ID',
		},
		{
			name: 'createdFrom',
			label: 'Created From',
			type: 'dateTime',
			description: 'Return only SMS created at or after this date and time',
		},
		{
			name: 'createdTo',
			label: 'Created To',
			type: 'dateTime',
			description: 'Return only SMS created at or before this date and time',
		},
		{
			name: 'to',
			label: 'Number Contains',
			type: 'string',
			placeholder: '775123',
			description: 'Return only SMS whose phone number contains these digits',
		},
		{
			name: 'guid',
			label: 'GUID',
			type: 'string',
			placeholder: '34851b54-d56b-4199-aac2-4f71c5bcc6a7',
			description: 'Return only the SMS with this GUID, as Send returned it',
		},
	],
});
