import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { asId, readFields, readRequired } from '../../helpers/values';
import { apiRequest } from '../../transport';
import { mailingListRLC } from '../common.descriptions';
import { successResult, requireChanges } from '../common';
import type { ItemOperation } from '../types';
import type { Endpoints } from '../../transport';
import { isTest, listDescription, listName } from './mailingList.descriptions';

const mailingListId: INodeProperties = {
	...mailingListRLC,
	required: true,
	description: 'The mailing list to update',
};

const updateFields: INodeProperties = {
	displayName: 'Update Fields',
	name: 'updateFields',
	type: 'collection',
	placeholder: 'Add Field',
	default: {},
	options: [listDescription, isTest, listName],
};

const endpoints = {
	main: {
		endpoint: 'PUT /mailingLists/{mailingListId}',
		repeat: { safe: true, why: 'a PUT sets the same values again' },
	},
} satisfies Endpoints;

export const update: ItemOperation = {
	value: 'update',
	name: 'Update',
	action: 'Update a mailing list',
	description:
		'Change the name, description or test flag of a mailing list. Fields left out stay as they are.',
	endpoints,
	properties: [mailingListId, updateFields],
	runs: 'perItem',
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const id = readRequired<number>(this, mailingListId, itemIndex, asId);
		const changes = readFields(this, updateFields, itemIndex);
		requireChanges(this, changes, itemIndex);
		const response = await apiRequest.call(this, {
			endpoint: endpoints.main,
			params: { mailingListId: id },
			body: changes,
			itemIndex,
		});
		return successResult(response, { mailingListId: id, ...changes });
	},
};
