import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readFields, readRequired } from '../../helpers/values';
import type { CreateSafety } from '../../transport';
import { createRecord } from '../common';
import type { ItemOperation } from '../types';
import { isTest, listDescription, listName } from './mailingList.descriptions';

const name: INodeProperties = { ...listName, required: true };

const additionalFields: INodeProperties = {
	displayName: 'Additional Fields',
	name: 'additionalFields',
	type: 'collection',
	placeholder: 'Add Field',
	default: {},
	options: [listDescription],
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
