import { createOperation } from '../crud';
import { dataTypeSpec, nameSpec, optionalColumnFields } from './fields';

export const create = createOperation({
	noun: 'custom column',
	path: 'customColumns',
	description:
		'Add a custom column that every contact can have a value in. Returns the new customColumnId.',
	required: [dataTypeSpec, nameSpec],
	additional: optionalColumnFields,
});
