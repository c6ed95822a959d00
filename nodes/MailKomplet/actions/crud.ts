import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { FieldSpec } from '../helpers/fields';
import { collection, readCollection, readRequired, toProperty } from '../helpers/fields';
import { getId } from '../helpers/parameters';
import type { RepeatSafety, WriteRequest } from '../transport';
import { apiRequest, createOnce, findRecord } from '../transport';
import { createdRecord, done } from './common';
import type { IdOptions } from './shared';
import { idLocator } from './shared';
import type { Endpoint, OperationDefinition } from './types';

/** Create, Update and Delete operations that differ only in path, fields and texts. */

const withArticle = (noun: string) => `${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun}`;

interface CreateOptions {
	/** Singular noun for the action text, e.g. "campaign". */
	noun: string;
	path: string;
	description: string;
	/** Body fields the API requires, shown as top-level parameters. */
	required: FieldSpec[];
	/** Optional body fields, offered under Additional Fields. */
	additional?: FieldSpec[];
	/** A notice shown above the fields, for consequences a person must not miss. */
	notice?: string;
	/** Why a repeat would duplicate the record. */
	repeat: Extract<RepeatSafety, { kind: 'create' }>;
	/** Body fields that identify the record, to find it after a lost answer. */
	identifiedBy: string[];
}

/** POST of a new record; returns the API's answer (e.g. the new ID) merged with what was sent. */
export function createOperation(options: CreateOptions): OperationDefinition {
	const { path, required, additional = [], notice } = options;
	const properties: INodeProperties[] = required.map((spec) =>
		toProperty(spec, { required: true }),
	);
	if (notice) properties.push({ displayName: notice, name: 'notice', type: 'notice', default: '' });
	if (additional.length)
		properties.push(collection('additionalFields', 'Additional Fields', additional));
	return {
		value: 'create',
		name: 'Create',
		action: `Create ${withArticle(options.noun)}`,
		description: options.description,
		endpoints: [`POST /${path}` as Endpoint],
		properties,
		async execute(this: IExecuteFunctions, itemIndex: number) {
			const body = {
				...readRequired(this, required, itemIndex),
				...readCollection(this, 'additionalFields', additional, itemIndex),
			};
			const identity: IDataObject = {};
			for (const key of options.identifiedBy) identity[key] = body[key];
			const response = await createOnce.call(
				this,
				{ method: 'POST', path: [path], body, itemIndex, repeat: options.repeat },
				async function () {
					return await findRecord.call(this, { method: 'GET', path: [path] }, identity);
				},
			);
			return createdRecord(response, body);
		},
	};
}

interface UpdateOptions {
	noun: string;
	description: string;
	id: IdOptions;
	fields: FieldSpec[];
	endpoint: Endpoint;
	/** Method, path and body of the request for the record's ID and the changed fields. */
	request: (id: number, changes: IDataObject) => Pick<WriteRequest, 'method' | 'path' | 'body'>;
	/** Parameters shown after Update Fields, read by `readChanges`. */
	extraProperties?: INodeProperties[];
	/** Reads the changes when they are more than the Update Fields collection. */
	readChanges?: (ctx: IExecuteFunctions, itemIndex: number) => Promise<IDataObject>;
}

/** Changes the fields a person set under Update Fields; the others stay as they are. */
export function updateOperation(options: UpdateOptions): OperationDefinition {
	const { id, fields, extraProperties = [] } = options;
	const readChanges =
		options.readChanges ??
		(async (ctx: IExecuteFunctions, itemIndex: number) =>
			readCollection(ctx, 'updateFields', fields, itemIndex));
	return {
		value: 'update',
		name: 'Update',
		action: `Update ${withArticle(options.noun)}`,
		description: options.description,
		endpoints: [options.endpoint],
		properties: [
			idLocator(id),
			collection('updateFields', 'Update Fields', fields),
			...extraProperties,
		],
		async execute(this: IExecuteFunctions, itemIndex: number) {
			const recordId = getId(this, id.name, itemIndex, id.label);
			const changes = await readChanges(this, itemIndex);
			if (Object.keys(changes).length === 0) {
				throw new NodeOperationError(
					this.getNode(),
					`Set at least one Update Field (item ${itemIndex})`,
					{ itemIndex },
				);
			}
			const response = await apiRequest.call(this, {
				...options.request(recordId, changes),
				itemIndex,
				repeat: { safe: true, why: 'sets the same fields to the same values again' },
			});
			return done(response, { [id.name]: recordId, ...changes });
		},
	};
}

interface DeleteOptions {
	noun: string;
	path: string;
	description: string;
	id: IdOptions;
	/** Where the API takes the ID: `?id=` (most endpoints) or the last path segment. */
	idIn: 'query' | 'path';
}

/** Deletes one record by its ID; returns `{ success: true, <idName>: id }`. */
export function deleteOperation(options: DeleteOptions): OperationDefinition {
	const { path, id, idIn } = options;
	return {
		value: 'delete',
		name: 'Delete',
		action: `Delete ${withArticle(options.noun)}`,
		description: options.description,
		endpoints: [(idIn === 'path' ? `DELETE /${path}/{${id.name}}` : `DELETE /${path}`) as Endpoint],
		properties: [idLocator(id)],
		async execute(this: IExecuteFunctions, itemIndex: number) {
			const recordId = getId(this, id.name, itemIndex, id.label);
			const repeat = {
				safe: true,
				why: 'a second delete finds the record gone',
				goneMeansDone: true,
			} as const;
			const response = await apiRequest.call(
				this,
				idIn === 'path'
					? { method: 'DELETE', path: [path, recordId], itemIndex, repeat }
					: { method: 'DELETE', path: [path], qs: { id: recordId }, itemIndex, repeat },
			);
			return done(response, { [id.name]: recordId });
		},
	};
}
