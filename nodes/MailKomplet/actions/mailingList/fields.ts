import type { FieldSpec } from '../../helpers/fields';

export const mailingListFields: FieldSpec[] = [
	{
		name: 'name',
		label: 'Name',
		type: 'string',
		description: 'Name of the mailing list as shown in Mail Komplet',
	},
	{
		name: 'description',
		label: 'Description',
		type: 'string',
		description: 'Free text describing what the list is for',
	},
	{
		name: 'isTest',
		label: 'Is Test List',
		type: 'boolean',
		description: 'Whether the list is meant for test sends only',
	},
];
