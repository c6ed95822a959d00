import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { asId, readRequired } from '../../helpers/values';
import { apiRequest } from '../../transport';
import { customColumnRLC } from '../common.descriptions';
import { successResult } from '../common';
import type { ItemOperation } from '../types';
import type { Endpoints } from '../../transport';

const customColumnId: INodeProperties = {
	...customColumnRLC,
	required: true,
	description: 'The custom column to delete',
};

const endpoints = {
	main: {
		endpoint: 'DELETE /customColumns',
		repeat: {
			safe: true,
			why: 'deleting a column that is already gone changes nothing: a 404 after a lost answer means it is done',
			goneMeansDone: true,
		},
	},
} satisfies Endpoints;

export const deleteCustomColumn: ItemOperation = {
	value: 'delete',
	name: 'Delete',
	action: 'Delete a custom column',
	description:
		'Delete a custom column by its ID. Mail Komplet limits changes to system columns. Returns success and the customColumnId.',
	// The reference names /contacts here by mistake; the section and its `id` parameter are these.
	endpoints,
	properties: [customColumnId],
	runs: 'perItem',
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const id = readRequired<number>(this, customColumnId, itemIndex, asId);
		const response = await apiRequest.call(this, {
			endpoint: endpoints.main,
			qs: { id },
			itemIndex,
		});
		return successResult(response, { customColumnId: id });
	},
};
