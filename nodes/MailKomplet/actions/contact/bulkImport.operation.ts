import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { checkRange, fail } from '../../helpers/parameters';
import { asEmail, asIdList, asJson, convertFields, readRequired } from '../../helpers/values';
import { mailingListIdsOptions } from '../common.descriptions';
import type { BatchOperation, BatchRun } from '../types';
import type { Endpoints } from '../../transport';
import type { ImportBatch } from './bulk';
import { runImport } from './bulk';
import {
	company,
	customColumnsJson,
	customColumnsMode,
	customColumnValues,
	email,
	firstName,
	lastName,
	mobilePhone,
	sex,
	title,
} from './contact.descriptions';
import { convertCustomColumns } from './customColumns';
import { contactConverters, readContact } from './readContact';

const BULK_LIMITS = { defaultBatchSize: 5_000, maxBatchSize: 10_000 };

const definedBelow = { show: { contactSource: ['defined'] } };

const contactSource: INodeProperties = {
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
};

const contactEmail: INodeProperties = {
	...email,
	required: true,
	displayOptions: definedBelow,
	description:
		'E-mail address of each contact, usually mapped from the input, e.g. {{ $json.email }}',
};

const mailingListIds: INodeProperties = {
	...mailingListIdsOptions,
	description:
		'Mailing lists the imported contacts are put on. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

const preImportAction: INodeProperties = {
	displayName: 'Before Import',
	name: 'preImportAction',
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
			description:
				'Contacts now on the lists are taken off them; the imported ones are added. Safe to run again.',
		},
		{
			name: 'Delete List Contacts First',
			value: 3,
			description:
				'Contacts now on the lists are DELETED from the account; the imported ones are added under new IDs. Not with Retry On Fail.',
		},
	],
	description:
		'What happens to the contacts already on the chosen mailing lists. Emptying happens once, with the first batch; the node waits until Mail Komplet has processed it, then sends the other batches, which only add.',
};

const contactOverwriteMode: INodeProperties = {
	displayName: 'Existing Contacts',
	name: 'contactOverwriteMode',
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
};

const contactFields: INodeProperties = {
	displayName: 'Contact Fields',
	name: 'additionalFields',
	type: 'collection',
	placeholder: 'Add Field',
	default: {},
	displayOptions: definedBelow,
	options: [company, firstName, lastName, mobilePhone, sex, title],
};

const options: INodeProperties = {
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
			displayName: 'Max Wait (Seconds)',
			name: 'maxWaitSeconds',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 3600 },
			default: 300,
			description:
				'How long to wait, in all, for the imports to finish before failing; the error lists the operation IDs to check later',
		},
		{
			displayName: 'Wait for Completion',
			name: 'waitForCompletion',
			type: 'boolean',
			default: true,
			description:
				'Whether to wait until Mail Komplet reports each import finished (or failed) before the node completes. An import that empties the lists always waits for its first batch.',
		},
	],
};

/** The API-named contact fields taken from an item with Contact Data "Fields of Each Item". */
const ITEM_FIELDS = ['email', 'name', 'surname', 'title', 'sex', 'mobilePhone', 'company'];

/** An item's own fields named as in the API: nothing is evaluated per item, so it scales. */
async function contactFromItem(
	ctx: IExecuteFunctions,
	json: IDataObject,
	itemIndex: number,
): Promise<IDataObject> {
	const given = Object.fromEntries(ITEM_FIELDS.filter((f) => f in json).map((f) => [f, json[f]]));
	const contact = convertFields(ctx, contactFields, given, contactConverters, itemIndex);
	if (contact.email === undefined) {
		fail(
			ctx,
			itemIndex,
			'The item has no email field',
			'With Contact Data "Fields of Each Item", every item needs an email field. Rename the field with an Edit Fields node, or switch to "Define Below".',
		);
	}
	if (json.customColumns !== undefined && json.customColumns !== null) {
		const columns = asJson(ctx, json.customColumns, 'customColumns', itemIndex) as IDataObject;
		const converted = await convertCustomColumns(ctx, columns, itemIndex);
		if (converted) contact.customColumns = converted;
	}
	return contact;
}

async function contactDefinedBelow(ctx: IExecuteFunctions, itemIndex: number) {
	return {
		email: readRequired<string>(ctx, contactEmail, itemIndex, asEmail),
		...(await readContact(ctx, contactFields, itemIndex)),
	};
}

/**
 * Import settings are per request, so they come from the first item. Refused before anything is
 * sent: emptying lists without naming any, and deleting list contacts under n8n's Retry On Fail.
 */
function readImportSettings(ctx: IExecuteFunctions): IDataObject {
	const lists = asIdList(
		ctx,
		ctx.getNodeParameter('mailingListIds', 0, []),
		mailingListIds.displayName,
		0,
	) as number[];
	const action = Number(ctx.getNodeParameter('preImportAction', 0));
	const label = preImportAction.options?.find(
		(option) => 'value' in option && option.value === action,
	)?.name;
	if (action !== 1 && lists.length === 0) {
		fail(
			ctx,
			0,
			`Before Import "${label}" needs at least one mailing list`,
			'It acts on the chosen mailing lists, and none is chosen. Choose the lists to replace under Mailing List Names or IDs, or set Before Import to "Add New, Keep Existing".',
		);
	}
	if (action === 3 && ctx.getNode().retryOnFail) {
		fail(
			ctx,
			0,
			`Before Import "${label}" cannot run with Retry On Fail`,
			'After a failure Retry On Fail runs the whole import again, and a second "Delete List Contacts First" would delete the contacts the first one created (with any other lists they are on) and create them once more under new IDs. Turn off Retry On Fail in the node\'s settings, or use "Empty the Lists First", which is safe to repeat.',
		);
	}
	return {
		preImportAction: action,
		contactOverwriteMode: Number(ctx.getNodeParameter('contactOverwriteMode', 0)),
		...(lists.length ? { mailingListIds: lists } : {}),
	};
}

const endpoints = {
	firstBatch: {
		endpoint: 'POST /contacts/bulk',
		repeat: {
			safe: true,
			why: 'adding, or emptying the lists first, matches contacts by e-mail (an upsert): the same batch again leaves the same contacts on the same lists; a repeat only queues another import',
		},
	},
	/** Before Import "Delete List Contacts First" (preImportAction 3), sent with the first batch only. */
	firstBatchDeleting: {
		endpoint: 'POST /contacts/bulk',
		repeat: {
			safe: false,
			kind: 'create',
			why: 'it deletes the contacts on the lists and creates the imported ones again: a second one would delete the contacts the first created, with their other lists, and create them under new IDs once more',
		},
	},
	laterBatches: {
		endpoint: 'POST /contacts/bulk',
		repeat: {
			safe: true,
			why: 'later batches only add, matching contacts by e-mail, so the same batch again leaves the same contacts on the same lists',
		},
	},
	status: { endpoint: 'GET /contacts/getBulkInfo' },
} satisfies Endpoints;

export const bulkImport: BatchOperation = {
	value: 'bulkImport',
	name: 'Bulk Import',
	action: 'Import many contacts at once',
	description:
		'Import all input items as contacts in as few requests as possible (one per batch of up to 10,000), optionally waiting until Mail Komplet has processed them. Contacts are matched by e-mail. Returns one item per batch with its operationId and final status.',
	endpoints,
	properties: [
		contactSource,
		contactEmail,
		mailingListIds,
		preImportAction,
		contactOverwriteMode,
		contactFields,
		{ ...customColumnsMode, displayOptions: definedBelow },
		{
			...customColumnValues,
			displayOptions: { show: { customColumnsMode: ['map'], contactSource: ['defined'] } },
		},
		{
			...customColumnsJson,
			displayOptions: { show: { customColumnsMode: ['json'], contactSource: ['defined'] } },
		},
		options,
	],
	runs: 'batch',
	async execute(this: IExecuteFunctions, run: BatchRun) {
		const settings = readImportSettings(this);
		const { batchSize, maxWaitSeconds, waitForCompletion } = this.getNodeParameter(
			'options',
			0,
			{},
		) as IDataObject;
		const size = checkRange(
			this,
			batchSize ?? BULK_LIMITS.defaultBatchSize,
			'Batch Size',
			{ min: 1, max: BULK_LIMITS.maxBatchSize },
			0,
		);
		const fromItems = this.getNodeParameter('contactSource', 0) === 'input';
		const items = this.getInputData();
		const contacts = await run.readItems(async (itemIndex) => [
			fromItems
				? await contactFromItem(this, items[itemIndex].json, itemIndex)
				: await contactDefinedBelow(this, itemIndex),
		]);
		// Only reached with Continue On Fail: every item was invalid and is reported as such.
		if (contacts.length === 0) return;

		const batches: ImportBatch[] = [];
		for (let start = 0; start < contacts.length; start += size) {
			const batch = contacts.slice(start, start + size);
			batches.push({
				contacts: batch.map((contact) => contact.value),
				items: batch.map((contact) => contact.item),
				queued: 'unsent',
			});
		}
		await runImport(this, batches, {
			settings,
			firstBatch:
				settings.preImportAction === 3 ? endpoints.firstBatchDeleting : endpoints.firstBatch,
			laterBatches: endpoints.laterBatches,
			status: endpoints.status,
			stopUnlessContinuing: (failed) => run.stopUnlessContinuing(failed),
			waitForCompletion: waitForCompletion !== false,
			maxWaitMs: Number(maxWaitSeconds ?? 300) * 1000,
		});
		batches.forEach((batch, index) => {
			const { operationId, info, error } = batch;
			const counts = {
				contactCount: batch.contacts.length,
				batch: index + 1,
				batchCount: batches.length,
			};
			if (error) {
				const details = {
					...(operationId ? { operationId } : {}),
					...info,
					queued: batch.queued === 'unsent' ? 'no' : batch.queued,
					...counts,
				};
				run.failed(batch.items, error, { together: true, details });
				return;
			}
			run.push(
				{
					operationId,
					status: info?.status ?? 'Queued',
					...(info ? { errors: info.errors, errorMessage: info.errorMessage } : {}),
					...counts,
				},
				batch.items,
			);
		});
	},
};
