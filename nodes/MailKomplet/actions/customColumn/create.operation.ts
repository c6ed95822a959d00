import { createOperation } from '../crud';
import { dataTypeSpec, nameSpec, optionalColumnFields } from './fields';

export const create = createOperation({
	noun: 'custom column',
	path: 'customColumns',
	repeat: {
		safe: false,
		kind: 'create',
		why: 'a second POST makes a second column, or fails on the taken name',
	},
	identifiedBy: ['name'],
	description:
		'Add a custom column that every contact can have a value in. Returns the new customColumnId.',
	required: [dataTypeSpec, nameSpec],
	additional: optionalColumnFields,
});
