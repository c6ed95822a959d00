import { deleteOperation } from '../crud';

export const deleteUnsubscribe = deleteOperation({
	noun: 'unsubscribe record',
	path: 'excludeLists',
	description:
		'Delete an unsubscribe record, so the address can receive what it was unsubscribed from again',
	id: {
		name: 'excludeListId',
		label: 'Unsubscribe ID',
		description: 'The unsubscribe record (exclude list item) to delete',
		searchListMethod: 'searchUnsubscribes',
	},
	idIn: 'query',
});
