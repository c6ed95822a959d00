import { listOperation } from '../common';

export const getAll = listOperation({
	noun: 'mailing lists',
	path: 'mailingLists',
	description:
		'List the mailing lists of the account, optionally only those linked to a campaign or holding a contact. Returns one item per list with mailingListId, name, description, created, updated and isTest.',
	filters: [
		{
			name: 'mailingListId',
			label: 'Mailing List ID',
			type: 'id',
			description: 'Return only the mailing list with this ID',
		},
		{
			name: 'campaignId',
			label: 'Campaign ID',
			type: 'id',
			description:
				'Campaign to check against: each list then says in availableForCampaign whether it can be added to that campaign',
		},
		{
			name: 'contactId',
			label: 'Contact ID',
			type: 'id',
			description:
				'Contact to check against: each list then says in availableForContact and contactAssigned whether and since when the contact is on it',
		},
		{
			name: 'isTesting',
			label: 'Testing Lists Only',
			type: 'boolean',
			default: true,
			description:
				'Whether to return only lists marked as testing (true) or only regular lists (false)',
		},
	],
});
