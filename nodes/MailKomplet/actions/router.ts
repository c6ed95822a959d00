import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { asNodeError } from '../helpers/errors';
import { findOperation } from './index';
import { runPerItem } from './perItem';

/** The node's execute: finds the chosen operation and runs it per item or on the whole batch. */
export async function route(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operationName = this.getNodeParameter('operation', 0) as string;
	const operation = findOperation(resource, operationName);
	if (!operation) {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operationName}" is not known for resource "${resource}"`,
		);
	}
	if (operation.runs === 'batch') {
		try {
			return [await operation.execute.call(this, items)];
		} catch (error) {
			throw asNodeError(this, error);
		}
	}
	// Only writes are remembered for n8n's Retry On Fail: a read may simply run again.
	const writes = operation.endpoints.some((endpoint) => !endpoint.startsWith('GET '));
	return [
		await runPerItem(
			this,
			items,
			async (itemIndex) => await operation.execute.call(this, itemIndex),
			{ writes },
		),
	];
}
