import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { asId, readRequired } from '../../helpers/values';
import { apiRequest } from '../../transport';
import { unsubscribeRLC } from '../common.descriptions';
import { successResult } from '../common';
import type { ItemOperation } from '../types';
import type { Endpoints } from '../../transport';

const excludeListId: INodeProperties = {
	...unsubscribeRLC,
	required: true,
	description: 'The unsubscribe record (exclude list item) to delete',
};

const endpoints = {
	main: {
		endpoint: 'DELETE /excludeLists',
		repeat: {
			safe: true,
			why: 'deleting a record that is already gone changes nothing: a 404 after a lost answer means it is done',
			goneMeansDone: true,
		},
	},
} satisfies Endpoints;

export const deleteUnsubscribe: ItemOperation = {
	value: 'delete',
	name: 'Delete',
	action: 'Delete an unsubscribe record',
	description:
		'Delete an unsubscribe record, so the address can receive what it was unsubscribed from again. Returns success and the excludeListId.',
	endpoints,
	properties: [excludeListId],
	runs: 'perItem',
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const id = readRequired<number>(this, excludeListId, itemIndex, asId);
		const response = await apiRequest.call(this, {
			endpoint: endpoints.main,
			qs: { id },
			itemIndex,
		});
		return successResult(response, { excludeListId: id });
	},
};
