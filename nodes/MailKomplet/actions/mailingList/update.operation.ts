import { updateOperation } from '../crud';
import { mailingListIdOptions } from '../shared';
import { mailingListFields } from './fields';

export const update = updateOperation({
	noun: 'mailing list',
	description:
		'Change the name, description or test flag of a mailing list. Fields left out stay as they are.',
	id: { ...mailingListIdOptions, description: 'The mailing list to update' },
	fields: mailingListFields,
	endpoint: 'PUT /mailingLists/{mailingListId}',
	request: (id, changes) => ({ method: 'PUT', path: ['mailingLists', id], body: changes }),
});
