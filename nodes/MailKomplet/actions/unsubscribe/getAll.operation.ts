import { listOperation } from '../common';
import { describeValues, UNSUBSCRIBE_ORIGIN, UNSUBSCRIBE_REASON } from '../enums';

export const getAll = listOperation({
	noun: 'unsubscribe records',
	path: 'excludeLists',
	description: `List unsubscribed recipients (the exclude list), optionally of one mailing list. Returns one item per record with excludeListId, email, mailingListId and campaignId (both null when global), date, reason, origin (${describeValues(UNSUBSCRIBE_ORIGIN)}) and reasonId (${describeValues(UNSUBSCRIBE_REASON)}).`,
	filters: [
		{
			name: 'excludeListId',
			label: 'Unsubscribe ID',
			type: 'id',
			description: 'Return only the unsubscribe record with this ID',
		},
		{
			name: 'mailingListId',
			label: 'Mailing List ID',
			type: 'id',
			description: 'Return only unsubscribes from this mailing list',
		},
	],
});
