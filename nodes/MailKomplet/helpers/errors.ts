import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

/** Keeps n8n's own errors as they are (they carry HTTP context); wraps anything else. */
export function asNodeError(
	ctx: IExecuteFunctions,
	error: unknown,
	itemIndex?: number,
): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(ctx.getNode(), error as Error, { itemIndex });
}

/**
 * The output item of a failed item (or of the items of a failed batch, with what is known of
 * it in `details`) under On Error > Continue: `error` is the message, as before; `description`
 * carries the hint (how to check an ambiguous send) when there is one.
 */
export function errorItem(
	error: NodeApiError | NodeOperationError,
	item: number | number[],
	details: IDataObject = {},
): INodeExecutionData {
	const json: IDataObject = { ...details, error: error.message };
	if (error.description) json.description = error.description;
	const pairedItem = Array.isArray(item) ? item.map((index) => ({ item: index })) : { item };
	return { json, pairedItem };
}
