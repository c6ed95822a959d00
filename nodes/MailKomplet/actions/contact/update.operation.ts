import { updateOperation } from '../crud';
import { contactIdOptions } from '../shared';
import { customColumnProperties } from './customColumns';
import { contactFields, emailSpec, readContact } from './fields';

export const update = updateOperation({
	noun: 'contact',
	description:
		'Change fields of an existing contact by its ID. Fields left out stay as they are; listed mailing lists are added.',
	id: { ...contactIdOptions, description: 'The contact to update' },
	fields: [emailSpec, ...contactFields],
	endpoint: 'PUT /contacts/{contactId}',
	request: (id, changes) => ({ method: 'PUT', path: ['contacts', id], body: changes }),
	extraProperties: customColumnProperties,
	readChanges: (ctx, itemIndex) => readContact(ctx, 'updateFields', itemIndex, [emailSpec]),
});
