import { listOperation } from '../common';

export const getAll = listOperation({
	noun: 'templates',
	path: 'templates',
	description:
		'List the e-mail and SMS templates of the account. Returns one item per template with templateId, name, subject, type (1 WYSIWYG editor, 2 Clever editor, 3 SMS), body and thumbnail URL.',
	filters: [
		{
			name: 'templateId',
			label: 'Template ID',
			type: 'id',
			description: 'Return only the template with this ID',
		},
	],
});
