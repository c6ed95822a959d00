import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { FieldSpec } from '../../helpers/fields';
import { readFields, readRequired, toProperty } from '../../helpers/fields';
import { parseJsonObject } from '../../helpers/parameters';
import { asNodeError } from '../../helpers/errors';
import { apiRequest } from '../../transport';
import { unwrap } from '../common';
import { mailingListIdsSpec } from '../shared';
import type { OperationDefinition } from '../types';
import { BULK_STATUS, importError, waitForImports } from './bulk';
import { convertCustomColumns, customColumnProperties } from './customColumns';
import { contactCollection, emailSpec, personFields, readContact } from './fields';

export const BULK_LIMITS = { defaultBatchSize: 5_000, maxBatchSize: 10_000 };

const listsSpec = mailingListIdsSpec('Mailing lists the imported contacts are put on');

const importSpecs: FieldSpec[] = [
	{
		name: 'preImportAction',
		label: 'Before Import',
		type: 'options',
		default: 1,
		options: [
			{
				name: 'Add New, Keep Existing',
				value: 1,
				description: 'New contacts are added to the lists; contacts already on them are skipped',
			},
			{
				name: 'Empty the Lists First',
				value: 2,
				description: 'Contacts now on the lists are taken off them; the imported ones are added',
			},
			{
				name: 'Delete List Contacts First',
				value: 3,
				description:
					'Contacts now on the lists are DELETED from the account; the imported ones are added',
			},
		],
		description: 'What happens to the contacts already on the chosen mailing lists',
	},
	{
		name: 'contactOverwriteMode',
		label: 'Existing Contacts',
		type: 'options',
		default: 1,
		options: [
			{
				name: 'Merge',
				value: 1,
				description: 'Imported values are merged into the existing contact',
			},
			{
				name: 'Overwrite',
				value: 2,
				description: "Imported values replace the existing contact's values",
			},
			{
				name: 'Skip',
				value: 3,
				description: 'Existing contacts are left unchanged',
			},
		],
		description: 'How a contact whose e-mail already exists in the account is treated',
	},
];

interface Chunk {
	contacts: IDataObject[];
	items: number[];
}

/** An item's own fields named as in the API: nothing is evaluated per item, so it scales. */
async function contactFromItem(
	ctx: IExecuteFunctions,
	json: IDataObject,
	itemIndex: number,
): Promise<IDataObject> {
	const contact = readFields(ctx, [emailSpec, ...personFields], json, itemIndex);
	if (contact.email === undefined) {
		throw new NodeOperationError(ctx.getNode(), `Item ${itemIndex} has no email field`, {
			itemIndex,
			description:
				'With Contact Data "Fields of Each Item", every item needs an email field. Rename the field with an Edit Fields node, or switch to "Define Below".',
		});
	}
	if (json.customColumns !== undefined && json.customColumns !== null) {
		const columns = parseJsonObject(ctx, json.customColumns, 'customColumns', itemIndex);
		const converted = await convertCustomColumns(ctx, columns, itemIndex);
		if (converted) contact.customColumns = converted;
	}
	return contact;
}

async function readContacts(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
	output: INodeExecutionData[],
): Promise<{ contacts: IDataObject[]; items: number[] }> {
	const fromItems = ctx.getNodeParameter('contactSource', 0) === 'input';
	const contacts: IDataObject[] = [];
	const indexes: number[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			contacts.push(
				fromItems
					? await contactFromItem(ctx, items[itemIndex].json, itemIndex)
					: {
							...readRequired(ctx, [emailSpec], itemIndex),
							...(await readContact(ctx, 'additionalFields', itemIndex, [], personFields)),
						},
			);
			indexes.push(itemIndex);
		} catch (error) {
			if (!ctx.continueOnFail()) throw asNodeError(ctx, error, itemIndex);
			output.push({
				json: { error: (error as Error).message },
				pairedItem: { item: itemIndex },
			});
		}
	}
	return { contacts, items: indexes };
}

export const bulkImport: OperationDefinition = {
	value: 'bulkImport',
	name: 'Bulk Import',
	action: 'Import many contacts at once',
	description:
		'Import all input items as contacts in as few requests as possible (one per batch of up to 10,000), optionally waiting until Mail Komplet has processed them. Returns one item per batch with its operationId and final status.',
	endpoints: ['POST /contacts/bulk'],
	properties: [
		{
			displayName: 'Contact Data',
			name: 'contactSource',
			type: 'options',
			default: 'input',
			options: [
				{
					name: 'Fields of Each Item',
					value: 'input',
					description:
						'Each input item already has email and optionally name, surname, title, sex, mobilePhone, company and customColumns, named as in the API. Fastest for large imports.',
				},
				{
					name: 'Define Below',
					value: 'defined',
					description: 'Map each contact field from the input with expressions',
				},
			],
			description: 'Where the contact fields of each imported item come from',
		},
		toProperty(emailSpec, {
			required: true,
			displayOptions: { show: { contactSource: ['defined'] } },
			description:
				'E-mail address of each contact, usually mapped from the input, e.g. {{ $json.email }}',
		}),
		toProperty(listsSpec),
		...importSpecs.map((spec) => toProperty(spec)),
		{
			...contactCollection('additionalFields', 'Contact Fields', [], personFields),
			displayOptions: { show: { contactSource: ['defined'] } },
		},
		...customColumnProperties.map((property) => ({
			...property,
			displayOptions: {
				show: { ...property.displayOptions?.show, contactSource: ['defined'] },
			},
		})),
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [
				{
					displayName: 'Batch Size',
					name: 'batchSize',
					type: 'number',
					typeOptions: { minValue: 1, maxValue: BULK_LIMITS.maxBatchSize },
					default: 5000,
					description: 'How many contacts to send per request',
				},
				{
					displayName: 'Wait for Completion',
					name: 'waitForCompletion',
					type: 'boolean',
					default: true,
					description:
						'Whether to wait until Mail Komplet reports each import finished (or failed) before the node completes',
				},
				{
					displayName: 'Max Wait (Seconds)',
					name: 'maxWaitSeconds',
					type: 'number',
					typeOptions: { minValue: 1, maxValue: 3600 },
					default: 300,
					description: 'How long to wait for the imports to finish before failing',
				},
			],
		},
	],
	async executeBatch(this: IExecuteFunctions, items: INodeExecutionData[]) {
		const output: INodeExecutionData[] = [];
		const { contacts, items: sourceItems } = await readContacts(this, items, output);
		// Only reached with Continue On Fail: every item was invalid and is reported as such.
		if (contacts.length === 0) return output;
		// Import settings are per request, so they come from the first item.
		const request = readFields(
			this,
			[...importSpecs, listsSpec],
			{
				preImportAction: this.getNodeParameter('preImportAction', 0),
				contactOverwriteMode: this.getNodeParameter('contactOverwriteMode', 0),
				mailingListIds: this.getNodeParameter('mailingListIds', 0, []),
			},
			0,
		);
		if ((request.mailingListIds as number[]).length === 0) delete request.mailingListIds;
		const options = this.getNodeParameter('options', 0, {}) as IDataObject;
		const batchSize = Number(options.batchSize ?? BULK_LIMITS.defaultBatchSize);
		if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > BULK_LIMITS.maxBatchSize) {
			throw new NodeOperationError(
				this.getNode(),
				`Batch Size must be a whole number from 1 to ${BULK_LIMITS.maxBatchSize}, got ${JSON.stringify(options.batchSize)}`,
			);
		}

		const chunks: Chunk[] = [];
		for (let start = 0; start < contacts.length; start += batchSize) {
			chunks.push({
				contacts: contacts.slice(start, start + batchSize),
				items: sourceItems.slice(start, start + batchSize),
			});
		}
		const operationIds: string[] = [];
		for (const chunk of chunks) {
			const body: IDataObject = { ...request, contacts: chunk.contacts };
			const [result] = unwrap(
				await apiRequest.call(this, {
					method: 'POST',
					path: ['contacts', 'bulk'],
					body,
					repeat: {
						safe: true,
						why: 'contacts are matched by e-mail: importing the same batch again leaves the same contacts',
					},
				}),
			);
			operationIds.push(String(result?.operationId ?? ''));
		}

		const wait = options.waitForCompletion !== false;
		const infos = wait
			? await waitForImports(this, operationIds, Number(options.maxWaitSeconds ?? 300) * 1000)
			: undefined;
		chunks.forEach((chunk, index) => {
			const operationId = operationIds[index];
			const info = infos?.get(operationId);
			const pairedItem = chunk.items.map((item) => ({ item }));
			if (info?.status === BULK_STATUS.error) {
				const error = importError(this, info);
				if (!this.continueOnFail()) throw error;
				output.push({ json: { ...info, error: error.message }, pairedItem });
				return;
			}
			output.push({
				json: {
					operationId,
					status: info?.status ?? 'Queued',
					...(info ? { errors: info.errors, errorMessage: info.errorMessage } : {}),
					contactCount: chunk.contacts.length,
					batch: index + 1,
					batchCount: chunks.length,
				},
				pairedItem,
			});
		});
		return output;
	},
};
