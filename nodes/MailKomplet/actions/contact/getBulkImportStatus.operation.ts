import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readRequired } from '../../helpers/values';
import type { ItemOperation } from '../types';
import type { Endpoints } from '../../transport';
import { asOperationId, getBulkInfo } from './bulk';

const operationId: INodeProperties = {
	displayName: 'Operation ID',
	name: 'operationId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'fde11e2f-3d10-4fe5-9f3f-6b9390fba418',
	description: 'The operationId a Bulk Import returned: a GUID',
};

const endpoints = { main: { endpoint: 'GET /contacts/getBulkInfo' } } satisfies Endpoints;

export const getBulkImportStatus: ItemOperation = {
	value: 'getBulkImportStatus',
	name: 'Get Bulk Import Status',
	action: 'Get the status of a bulk import',
	description:
		'Read how far a bulk import has got, by the operationId Bulk Import returned. Returns operationId, status (Composing, Queued, Processing, SuccessfulyFinished or Error), errors and errorMessage.',
	endpoints,
	properties: [operationId],
	runs: 'perItem',
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const id = readRequired<string>(this, operationId, itemIndex, asOperationId);
		return await getBulkInfo(this, endpoints.main, id, itemIndex);
	},
};
