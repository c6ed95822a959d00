import type { IExecuteFunctions } from 'n8n-workflow';

import type { OperationDefinition } from '../types';
import { checkOperationId, getBulkInfo } from './bulk';

export const getBulkImportStatus: OperationDefinition = {
	value: 'getBulkImportStatus',
	name: 'Get Bulk Import Status',
	action: 'Get the status of a bulk import',
	description:
		'Read how far a bulk import has got: Composing, Queued, Processing, SuccessfulyFinished or Error, with the error text if any',
	endpoints: ['GET /contacts/getBulkInfo'],
	properties: [
		{
			displayName: 'Operation ID',
			name: 'operationId',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'fde11e2f-3d10-4fe5-9f3f-6b9390fba418',
			description: 'The operationId a Bulk Import returned',
		},
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const operationId = checkOperationId(
			this,
			this.getNodeParameter('operationId', itemIndex),
			itemIndex,
		);
		return await getBulkInfo(this, operationId, itemIndex);
	},
};
