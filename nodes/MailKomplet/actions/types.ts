import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

export type Endpoint = `${'GET' | 'POST' | 'PUT' | 'DELETE'} /${string}`;

/** Everything about one operation lives in one of these: its UI, its request and its output. */
export interface OperationDefinition {
	value: string;
	name: string;
	action: string;
	description: string;
	/** The documented method and path it calls, as listed in test/fixtures/endpoints.json. */
	endpoints: Endpoint[];
	properties: INodeProperties[];
	/** Runs once per input item; each returned object becomes an output item. */
	execute?: (this: IExecuteFunctions, itemIndex: number) => Promise<IDataObject | IDataObject[]>;
	/** Runs once for all input items, for endpoints that take many records per request. */
	executeBatch?: (
		this: IExecuteFunctions,
		items: INodeExecutionData[],
	) => Promise<INodeExecutionData[]>;
	/**
	 * For operations offering both: whether this run uses executeBatch (else execute per item),
	 * e.g. from a Send Mode parameter. Without it, executeBatch always wins.
	 */
	batchWhen?: (this: IExecuteFunctions) => boolean;
}

export interface ResourceDefinition {
	value: string;
	name: string;
	description: string;
	operations: OperationDefinition[];
}
