import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readFields, readRequired } from '../../helpers/values';
import { createRecord } from '../common';
import type { ItemOperation } from '../types';
import type { Endpoints } from '../../transport';
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

const endpoints = {
	create: {
		endpoint: 'POST /mailingLists',
		repeat: {
			safe: false,
			kind: 'create',
			why: 'every POST makes another list, even with the same name',
		},
	},
	lookUp: { endpoint: 'GET /mailingLists' },
} satisfies Endpoints;

export const create: ItemOperation = {
	value: 'create',
	name: 'Create',
	action: 'Create a mailing list',
	description: 'Create a new mailing list. Returns the new mailingListId.',
	endpoints,
	properties: [name, isTest, additionalFields],
	runs: 'perItem',
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const body = {
			name: readRequired<string>(this, name, itemIndex),
			isTest: this.getNodeParameter('isTest', itemIndex) as boolean,
			...readFields(this, additionalFields, itemIndex),
		};
		return await createRecord(
			this,
			{
				create: endpoints.create,
				lookUp: endpoints.lookUp,
				body,
				identifiedBy: ['name', 'description', 'isTest'],
			},
			itemIndex,
		);
	},
};
