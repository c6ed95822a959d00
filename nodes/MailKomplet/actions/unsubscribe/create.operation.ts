import { emailSpec } from '../contact/fields';
import { createOperation } from '../crud';

export const create = createOperation({
	noun: 'unsubscribe record',
	path: 'excludeLists',
	repeat: { safe: false, kind: 'create', why: 'a second POST may record a second unsubscribe' },
	identifiedBy: ['email', 'mailingListId', 'campaignId'],
	description:
		'Unsubscribe an e-mail address from one mailing list or campaign, or, with neither given, from everything in the account',
	required: [{ ...emailSpec, description: 'E-mail address to unsubscribe' }],
	notice:
		'Without a Mailing List ID or Campaign ID the address is unsubscribed globally: it gets no more campaigns from the account',
	additional: [
		{
			// The reference's sample says mailingListsId; its filter, response and text say mailingListId.
			name: 'mailingListId',
			label: 'Mailing List ID',
			type: 'id',
			description: 'Unsubscribe the address from this mailing list only',
		},
		{
			name: 'campaignId',
			label: 'Campaign ID',
			type: 'id',
			description: 'Unsubscribe the address from this campaign only',
		},
		{
			name: 'generatorExecutionId',
			label: 'Distribution ID',
			type: 'id',
			description: 'Distribution the unsubscribe came from, recorded for statistics',
		},
		{
			name: 'reason',
			label: 'Reason',
			type: 'string',
			description: 'Why the recipient unsubscribed, in free text',
		},
	],
});
