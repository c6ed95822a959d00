import { deleteOperation } from '../crud';
import { customColumnIdOptions } from './fields';

export const deleteCustomColumn = deleteOperation({
	noun: 'custom column',
	// The reference names /contacts here by mistake; the section and its `id` parameter are these.
	path: 'customColumns',
	description: 'Delete a custom column by its ID. Mail Komplet limits changes to system columns.',
	id: { ...customColumnIdOptions, description: 'The custom column to delete' },
	idIn: 'query',
});
