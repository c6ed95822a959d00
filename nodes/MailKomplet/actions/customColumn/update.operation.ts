import { updateOperation } from '../crud';
import { customColumnIdOptions, dataTypeSpec, nameSpec, optionalColumnFields } from './fields';

export const update = updateOperation({
	noun: 'custom column',
	description:
		"Change a custom column's name, data type, caption or rules. Fields left out stay as they are. Mail Komplet limits changes to system columns.",
	id: { ...customColumnIdOptions, description: 'The custom column to update' },
	fields: [dataTypeSpec, nameSpec, ...optionalColumnFields],
	// The reference shows no ID in the path; like every other update, it goes there.
	endpoint: 'PUT /customColumns/{customColumnId}',
	request: (id, changes) => ({ method: 'PUT', path: ['customColumns', id], body: changes }),
});
