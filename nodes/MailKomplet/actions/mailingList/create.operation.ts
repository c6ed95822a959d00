import { createOperation } from '../crud';
import { mailingListFields } from './fields';

const [name, description, isTest] = mailingListFields;

export const create = createOperation({
	noun: 'mailing list',
	path: 'mailingLists',
	repeat: { safe: false, kind: 'create', why: 'a second POST makes a second list' },
	identifiedBy: ['name', 'description', 'isTest'],
	description: 'Create a new mailing list. Returns the new mailingListId.',
	required: [name, isTest],
	additional: [description],
});
