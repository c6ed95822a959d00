import { createOperation } from '../crud';
import { mailingListFields } from './fields';

const [name, description, isTest] = mailingListFields;

export const create = createOperation({
	noun: 'mailing list',
	path: 'mailingLists',
	description: 'Create a new mailing list. Returns the new mailingListId.',
	required: [name, isTest],
	additional: [description],
});
