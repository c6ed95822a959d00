import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { RepeatSafety } from '../transport';

export type Endpoint = `${'GET' | 'POST' | 'PUT' | 'DELETE'} /${string}`;

interface OperationBase {
	value: string;
	name: string;
	action: string;
	/** What it does, what it needs and what it returns: people and AI agents read it. */
	description: string;
	/** The documented method and path it calls, as listed in test/fixtures/endpoints.json. */
	endpoints: Endpoint[];
	/** Its parameters; the registry shows them for this resource and operation only. */
	properties: INodeProperties[];
	/** Whether Mail Komplet may receive its request twice without harm, and why: the transport retries by it. */
	repeat: RepeatSafety;
}

/** Runs once per input item; each returned object becomes an output item paired with it. */
export interface ItemOperation extends OperationBase {
	runs: 'perItem';
	execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject | IDataObject[]>;
}

/** Runs once for all input items, for endpoints that take many records per request. */
export interface BatchOperation extends OperationBase {
	runs: 'batch';
	execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]>;
}

export type OperationDefinition = ItemOperation | BatchOperation;

export interface ResourceDefinition {
	value: string;
	name: string;
	description: string;
	operations: OperationDefinition[];
}
