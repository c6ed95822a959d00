import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { asId, readRequired } from '../../helpers/values';
import { apiRequest } from '../../transport';
import { customColumnRLC } from '../common.descriptions';
import { done } from '../common';
import type { ItemOperation } from '../types';

const customColumnId: INodeProperties = {
	...customColumnRLC,
	required: true,
	description: 'The custom column to delete',
};

export const deleteCustomColumn: ItemOperation = {
	value: 'delete',
	name: 'Delete',
	action: 'Delete a custom column',
	description:
		'Delete a custom column by its ID. Mail Komplet limits changes to system columns. Returns success and the customColumnId.',
	// The reference names /contacts here by mistake; the section and its `id` parameter are these.
	endpoints: ['DELETE /customColumns'],
	properties: [customColumnId],
	repeat: {
		safe: true,
		why: 'deleting a column that is already gone changes nothing: a 404 after a lost answer means it is done',
		goneMeansDone: true,
	},
	runs: 'perItem',
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const id = readRequired<number>(this, customColumnId, itemIndex, asId);
		const response = await apiRequest.call(this, {
			method: 'DELETE',
			path: ['customColumns'],
			qs: { id },
			itemIndex,
			repeat: deleteCustomColumn.repeat,
		});
		return done(response, { customColumnId: id });
	},
};
