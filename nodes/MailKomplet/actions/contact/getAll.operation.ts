import { listOperation } from '../common';

export const getAll = listOperation({
	noun: 'contacts',
	path: 'contacts',
	description:
		'List contacts, optionally only those on a mailing list or whose e-mail contains some text. Returns one item per contact.',
	filters: [
		{
			name: 'mailingListId',
			label: 'Mailing List ID',
			type: 'id',
			description: 'Return only contacts on this mailing list',
		},
		{
			name: 'email',
			label: 'Email Contains',
			type: 'string',
			placeholder: '@example.cz',
			description:
				'Return only contacts whose e-mail contains this text (a part of the address is enough)',
		},
		{
			name: 'contactId',
			label: 'Contact ID',
			type: 'id',
			description: 'Return only the contact with this ID',
		},
	],
});
