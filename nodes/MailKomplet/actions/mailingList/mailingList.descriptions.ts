import type { INodeProperties } from 'n8n-workflow';

/** The fields of a mailing list, as Create takes them and Update changes them. */

export const listName: INodeProperties = {
	displayName: 'Name',
	name: 'name',
	type: 'string',
	default: '',
	description: 'Name of the mailing list as shown in Mail Komplet',
};

export const listDescription: INodeProperties = {
	displayName: 'Description',
	name: 'description',
	type: 'string',
	default: '',
	description: 'Free text describing what the list is for',
};

export const isTest: INodeProperties = {
	displayName: 'Is Test List',
	name: 'isTest',
	type: 'boolean',
	default: false,
	description: 'Whether the list is meant for test sends only',
};
