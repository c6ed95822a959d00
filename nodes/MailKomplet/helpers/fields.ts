import { DateTime } from 'luxon';
import type {
	IDataObject,
	IExecuteFunctions,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { parseJsonObject, requireEmail, toId, toIdList } from './parameters';

/**
 * A field as the API names it, with how a person fills it in. One spec yields both the
 * node parameter and the conversion of its value into what Mail Komplet expects.
 */
export interface FieldSpec {
	name: string;
	label: string;
	type:
		| 'id'
		| 'idList'
		| 'string'
		| 'text'
		| 'email'
		| 'boolean'
		| 'nullableBoolean'
		| 'number'
		| 'dateTime'
		| 'options'
		| 'json'
		| 'color';
	description: string;
	options?: INodePropertyOptions[];
	default?: string | number | boolean;
	placeholder?: string;
	/** loadOptions method listing the choices of an idList. */
	loadOptionsMethod?: string;
}

const API_DATE_FORMAT = "yyyy-MM-dd'T'HH:mm:ss";

function propertyType(spec: FieldSpec): INodeProperties['type'] {
	switch (spec.type) {
		case 'id':
		case 'string':
		case 'text':
		case 'email':
		case 'json':
			return spec.type === 'json' ? 'json' : 'string';
		case 'idList':
			return spec.loadOptionsMethod ? 'multiOptions' : 'string';
		case 'nullableBoolean':
			return 'options';
		default:
			return spec.type;
	}
}

function defaultValue(spec: FieldSpec): INodeProperties['default'] {
	if (spec.default !== undefined) return spec.default;
	switch (spec.type) {
		case 'boolean':
			return false;
		case 'number':
			return 0;
		case 'idList':
			return spec.loadOptionsMethod ? [] : '';
		case 'options':
			return spec.options?.[0]?.value ?? '';
		case 'nullableBoolean':
			return 'null';
		case 'json':
			return '{}';
		case 'color':
			return '#3E50B4';
		default:
			return '';
	}
}

const NULLABLE_BOOLEAN_OPTIONS: INodePropertyOptions[] = [
	{ name: 'Not Set', value: 'null' },
	{ name: 'Yes', value: 'true' },
	{ name: 'No', value: 'false' },
];

export function toProperty(spec: FieldSpec, extra: Partial<INodeProperties> = {}): INodeProperties {
	const property: INodeProperties = {
		displayName: spec.label,
		name: spec.name,
		type: propertyType(spec),
		default: defaultValue(spec),
		description: spec.description,
	};
	if (spec.type === 'options') property.options = spec.options;
	if (spec.type === 'nullableBoolean') property.options = spec.options ?? NULLABLE_BOOLEAN_OPTIONS;
	if (spec.type === 'email') property.placeholder = spec.placeholder ?? 'name@example.com';
	else if (spec.type === 'id') property.placeholder = spec.placeholder ?? 'e.g. 8947';
	else if (spec.placeholder) property.placeholder = spec.placeholder;
	if (spec.type === 'text') property.typeOptions = { rows: 4 };
	if (spec.type === 'idList' && spec.loadOptionsMethod) {
		property.typeOptions = { loadOptionsMethod: spec.loadOptionsMethod };
	}
	return { ...property, ...extra };
}

/** A collection (Additional Fields, Filters, Update Fields) built from field specs. */
export function collection(
	name: string,
	displayName: string,
	specs: FieldSpec[],
	placeholder = 'Add Field',
): INodeProperties {
	return {
		displayName,
		name,
		type: 'collection',
		placeholder,
		default: {},
		options: [...specs]
			.sort((a, b) => a.label.localeCompare(b.label))
			.map((spec) => toProperty(spec)),
	};
}

export function formatApiDate(
	ctx: IExecuteFunctions,
	value: unknown,
	field: string,
	itemIndex: number,
): string {
	const zone = ctx.getTimezone();
	const parsed =
		value instanceof Date
			? DateTime.fromJSDate(value)
			: DateTime.isDateTime(value)
				? value
				: DateTime.fromISO(String(value ?? '').trim(), { zone });
	if (!parsed.isValid) {
		throw new NodeOperationError(
			ctx.getNode(),
			`${field} is not a valid date and time: ${JSON.stringify(value)} (item ${itemIndex})`,
			{ itemIndex, description: `Use a date such as 2024-05-31T14:00:00.` },
		);
	}
	// Mail Komplet reads and writes local times without a zone.
	return parsed.setZone(zone).toFormat(API_DATE_FORMAT);
}

/** Converts one field's parameter value into the API's value; undefined leaves it out. */
export function convertField(
	ctx: IExecuteFunctions,
	spec: FieldSpec,
	value: unknown,
	itemIndex: number,
): unknown {
	if (value === undefined || value === null) return undefined;
	if (typeof value === 'string' && value.trim() === '' && spec.type !== 'json') return undefined;
	switch (spec.type) {
		case 'id':
			return toId(ctx, value, spec.label, itemIndex);
		case 'idList':
			return toIdList(ctx, value, spec.label, itemIndex);
		case 'email':
			return requireEmail(ctx, value, spec.label, itemIndex);
		case 'dateTime':
			return formatApiDate(ctx, value, spec.label, itemIndex);
		case 'json':
			return parseJsonObject(ctx, value, spec.label, itemIndex);
		case 'nullableBoolean':
			return value === 'true' || value === true
				? true
				: value === 'false' || value === false
					? false
					: null;
		case 'number': {
			const number = Number(value);
			if (!Number.isFinite(number)) {
				throw new NodeOperationError(
					ctx.getNode(),
					`${spec.label} must be a number, got ${JSON.stringify(value)} (item ${itemIndex})`,
					{ itemIndex },
				);
			}
			return number;
		}
		case 'options':
			// Enumerations are stored as strings in the UI when numeric; the API wants numbers.
			return typeof spec.options?.[0]?.value === 'number' ? Number(value) : value;
		default:
			return value;
	}
}

/** Reads a collection parameter and converts each set field. */
export function readCollection(
	ctx: IExecuteFunctions,
	parameter: string,
	specs: FieldSpec[],
	itemIndex: number,
): IDataObject {
	const values = ctx.getNodeParameter(parameter, itemIndex, {}) as IDataObject;
	return readFields(ctx, specs, values, itemIndex);
}

export function readFields(
	ctx: IExecuteFunctions,
	specs: FieldSpec[],
	values: IDataObject,
	itemIndex: number,
): IDataObject {
	const result: IDataObject = {};
	for (const spec of specs) {
		if (!(spec.name in values)) continue;
		const converted = convertField(ctx, spec, values[spec.name], itemIndex);
		if (converted !== undefined) result[spec.name] = converted as IDataObject[keyof IDataObject];
	}
	return result;
}

/** Reads top-level parameters named after the specs, each required. */
export function readRequired(
	ctx: IExecuteFunctions,
	specs: FieldSpec[],
	itemIndex: number,
): IDataObject {
	const result: IDataObject = {};
	for (const spec of specs) {
		const converted = convertField(
			ctx,
			spec,
			ctx.getNodeParameter(spec.name, itemIndex),
			itemIndex,
		);
		if (converted === undefined || (Array.isArray(converted) && converted.length === 0)) {
			throw new NodeOperationError(ctx.getNode(), `${spec.label} is required (item ${itemIndex})`, {
				itemIndex,
				description: spec.description,
			});
		}
		result[spec.name] = converted as IDataObject[keyof IDataObject];
	}
	return result;
}
