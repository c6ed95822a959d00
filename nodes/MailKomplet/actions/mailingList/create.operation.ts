import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readFields, readRequired } from '../../helpers/values';
import type { CreateSafety } from '../../transport';
import { createRecord } from '../common';
import type { ItemOperation } from '../types';

const name: INodeProperties = {
	displayName: 'Name',
	name: 'name',
	type: 'string',
	required: true,
	default: '',
	description: 'Name of the mailing list as shown in Mail Komplet',
};

const isTest: INodeProperties = {
	displayName: 'Is Test List',
	name: 'isTest',
	type: 'boolean',
	default: false,
	description: 'Whether the list is meant for test sends only',
};

const additionalFields: INodeProperties = {
	displayName: 'Additional Fields',
	name: 'additionalFields',
	type: 'collection',
	placeholder: 'Add Field',
	default: {},
	options: [
		{
			displayName: 'Description',
			name: 'description',
			type: 'string',
			default: '',
			description: 'Free text describing what the list is for',
		},
	],
};

const repeat: CreateSafety = {
	safe: false,
	kind: 'create',
	why: 'every POST makes another list, even with the same name',
};

export const create: ItemOperation = {
	value: 'create',
	name: 'Create',
	action: 'Create a mailing list',
	description: 'Create a new mailing list. Returns the new mailingListId.',
	endpoints: ['POST /mailingLists'],
	properties: [name, isTest, additionalFields],
	repeat,
	runs: 'perItem',
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const body = {
			name: readRequired<string>(this, name, itemIndex),
			isTest: this.getNodeParameter('isTest', itemIndex) as boolean,
			...readFields(this, additionalFields, itemIndex),
		};
		return await createRecord(
			this,
			{ path: 'mailingLists', body, repeat, identifiedBy: ['name', 'description', 'isTest'] },
			itemIndex,
		);
	},
};
