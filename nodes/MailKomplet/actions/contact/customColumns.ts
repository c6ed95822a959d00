import { DateTime } from 'luxon';
import type {
	FieldType,
	IDataObject,
	IExecuteFunctions,
	ILoadOptionsFunctions,
	ResourceMapperFields,
	ResourceMapperValue,
} from 'n8n-workflow';

import { fail } from '../../helpers/parameters';
import { asDateTime, asJson } from '../../helpers/values';
import type { MailKompletContext } from '../../transport';
import { readAllPages } from '../../transport';
import { customColumnsJson } from './contact.descriptions';

/** A custom column as GET /customColumns describes it. */
export interface CustomColumnDefinition {
	name: string;
	originalName?: string;
	caption?: string | null;
	description?: string | null;
	dataTypeId: number;
	required?: boolean;
	disabled?: boolean;
}

const DATA_TYPES: Record<number, { fieldType: FieldType; label: string }> = {
	1: { fieldType: 'string', label: 'text' },
	2: { fieldType: 'number', label: 'number' },
	3: { fieldType: 'boolean', label: 'yes/no' },
	4: { fieldType: 'dateTime', label: 'date and time' },
	5: { fieldType: 'dateTime', label: 'date' },
	6: { fieldType: 'time', label: 'time' },
	// The API does not list a select column's options, so they are typed as text.
	7: { fieldType: 'string', label: 'option' },
};

const definitionCache = new WeakMap<MailKompletContext, Promise<CustomColumnDefinition[]>>();

/** The account's custom columns, read once per node run. */
export function customColumnDefinitions(
	ctx: MailKompletContext,
): Promise<CustomColumnDefinition[]> {
	let definitions = definitionCache.get(ctx);
	if (!definitions) {
		definitions = readAllPages
			.call(
				ctx,
				{ endpoint: { endpoint: 'GET /customColumns' } },
				{
					returnAll: true,
					limit: Infinity,
					pageSize: 1000,
				},
			)
			.then((records) => records as unknown as CustomColumnDefinition[]);
		definitionCache.set(ctx, definitions);
	}
	return definitions;
}

/** resourceMapper method: one field per custom column, typed by its data type. */
export async function getCustomColumnFields(
	this: ILoadOptionsFunctions,
): Promise<ResourceMapperFields> {
	const definitions = await customColumnDefinitions(this);
	return {
		fields: definitions
			.filter((column) => !column.disabled)
			.map((column) => ({
				id: column.name,
				displayName: `${column.caption || column.name} (${DATA_TYPES[column.dataTypeId]?.label ?? 'text'})`,
				required: false,
				defaultMatch: false,
				display: true,
				type: DATA_TYPES[column.dataTypeId]?.fieldType ?? 'string',
			})),
	};
}

function toBoolean(value: unknown): boolean | undefined {
	if (typeof value === 'boolean') return value;
	const text = String(value).trim().toLowerCase();
	if (['true', 'yes', 'ano', '1'].includes(text)) return true;
	if (['false', 'no', 'ne', '0'].includes(text)) return false;
	return undefined;
}

function toTime(value: unknown): string | undefined {
	const text = String(value).trim();
	const clock = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(text);
	if (clock) {
		const [hours, minutes, seconds = '00'] = clock.slice(1);
		if (Number(hours) < 24 && Number(minutes) < 60 && Number(seconds) < 60) {
			return `${hours.padStart(2, '0')}:${minutes}:${seconds}`;
		}
		return undefined;
	}
	const parsed = DateTime.fromISO(text, { setZone: true });
	return parsed.isValid ? parsed.toFormat('HH:mm:ss') : undefined;
}

/** Converts a value into what Mail Komplet expects for the column's data type. */
function convert(
	ctx: IExecuteFunctions,
	column: CustomColumnDefinition,
	value: unknown,
	itemIndex: number,
): unknown {
	const field = `Custom column "${column.name}"`;
	const wrong = (expected: string): never =>
		fail(ctx, itemIndex, `${field} needs ${expected}, got ${JSON.stringify(value)}`);
	switch (column.dataTypeId) {
		case 2: {
			const number = typeof value === 'number' ? value : Number(String(value).replace(',', '.'));
			return Number.isFinite(number) ? number : wrong('a number');
		}
		case 3:
			return toBoolean(value) ?? wrong('yes/no (true or false)');
		case 4:
			return asDateTime(ctx, value, field, itemIndex);
		case 5:
			return (asDateTime(ctx, value, field, itemIndex) as string).slice(0, 10);
		case 6:
			return toTime(value) ?? wrong('a time such as 14:30');
		default:
			return typeof value === 'object' ? JSON.stringify(value) : String(value);
	}
}

function lookup(definitions: CustomColumnDefinition[], name: string) {
	const key = name.trim().toLowerCase();
	return definitions.find(
		(column) => column.name.toLowerCase() === key || column.originalName?.toLowerCase() === key,
	);
}

/** Checks names against the account's columns and converts each value; empty values are left out. */
export async function convertCustomColumns(
	ctx: IExecuteFunctions,
	values: IDataObject,
	itemIndex: number,
	{ ignoreUnknown = false } = {},
): Promise<IDataObject | undefined> {
	const entries = Object.entries(values).filter(
		([, value]) => value !== undefined && value !== null && value !== '',
	);
	if (entries.length === 0) return undefined;
	const definitions = await customColumnDefinitions(ctx);
	const converted: IDataObject = {};
	for (const [name, value] of entries) {
		const column = lookup(definitions, name);
		if (!column) {
			if (ignoreUnknown) continue;
			fail(
				ctx,
				itemIndex,
				`Unknown custom column "${name}"`,
				`This account has: ${definitions.map((c) => c.name).join(', ') || 'no custom columns'}. Create the column in Mail Komplet first, or correct the name.`,
			);
		}
		converted[column.name] = convert(
			ctx,
			column,
			value,
			itemIndex,
		) as IDataObject[keyof IDataObject];
	}
	return Object.keys(converted).length ? converted : undefined;
}

/** Reads the custom columns of one item as the user chose to give them. */
export async function readCustomColumns(
	ctx: IExecuteFunctions,
	itemIndex: number,
): Promise<IDataObject | undefined> {
	const mode = ctx.getNodeParameter('customColumnsMode', itemIndex, 'none') as string;
	if (mode === 'json') {
		const json = ctx.getNodeParameter('customColumnsJson', itemIndex, '{}');
		const columns = asJson(ctx, json, customColumnsJson.displayName, itemIndex) as IDataObject;
		return await convertCustomColumns(ctx, columns, itemIndex);
	}
	if (mode !== 'map') return undefined;
	const mapper = ctx.getNodeParameter('customColumns', itemIndex) as ResourceMapperValue;
	if (mapper.mappingMode === 'autoMapInputData') {
		// Input fields that are not custom columns (email, name...) are simply not mapped.
		return await convertCustomColumns(ctx, ctx.getInputData()[itemIndex].json, itemIndex, {
			ignoreUnknown: true,
		});
	}
	return await convertCustomColumns(ctx, (mapper.value ?? {}) as IDataObject, itemIndex);
}
