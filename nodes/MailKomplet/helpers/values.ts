import { DateTime } from 'luxon';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { fail, rawValue } from './parameters';

/**
 * Turns what a person typed or mapped into the value Mail Komplet expects, or throws an error
 * naming the field. `undefined` leaves the field out of the request.
 */
export type Convert = (
	ctx: IExecuteFunctions,
	value: unknown,
	label: string,
	itemIndex: number,
) => unknown;

const API_DATE_FORMAT = "yyyy-MM-dd'T'HH:mm:ss";

// Deliberately simple: Mail Komplet validates fully; this catches typos before a request is spent.
const EMAIL = /^[^\s@"<>,;]+@[^\s@"<>,;]+\.[^\s@"<>,;]+$/;

/** A numeric record ID, typed or picked (a resource locator's value). */
export function asId(
	ctx: IExecuteFunctions,
	value: unknown,
	field: string,
	itemIndex: number,
): number {
	const raw = rawValue(value);
	const text = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : '';
	if (!/^\d{1,15}$/.test(text) || Number(text) < 1) {
		fail(
			ctx,
			itemIndex,
			`${field} must be a numeric ID, got ${JSON.stringify(raw ?? '')}`,
			`Pick "${field}" from the list, or give the numeric ID Mail Komplet shows, e.g. 8947. Names are not accepted: a Get Many operation lists the IDs.`,
		);
	}
	return Number(text);
}

/** IDs given as a list, a number, or text separated by commas, semicolons, pipes or spaces. */
export function asIdList(
	ctx: IExecuteFunctions,
	value: unknown,
	field: string,
	itemIndex: number,
): number[] {
	const parts: unknown[] = Array.isArray(value)
		? value.flatMap((v) => (typeof v === 'string' ? v.split(/[,;|\s]+/) : [v]))
		: typeof value === 'string'
			? value.split(/[,;|\s]+/)
			: value === undefined || value === null
				? []
				: [value];
	return parts
		.filter((part) => !(typeof part === 'string' && part.trim() === ''))
		.map((part) => asId(ctx, part, field, itemIndex));
}

export function asEmail(
	ctx: IExecuteFunctions,
	value: unknown,
	field: string,
	itemIndex: number,
): string {
	const text = typeof value === 'string' ? value.trim() : '';
	if (!EMAIL.test(text)) {
		fail(
			ctx,
			itemIndex,
			`${field} is not a valid e-mail address: ${JSON.stringify(value ?? '')}`,
			`Set "${field}" to an address such as jan@example.cz.`,
		);
	}
	return text;
}

/** A JSON parameter given as an object, or as text that must parse to an object. */
export function asJson(
	ctx: IExecuteFunctions,
	value: unknown,
	field: string,
	itemIndex: number,
): IDataObject {
	let parsed = value;
	if (typeof value === 'string') {
		if (value.trim() === '') return {};
		try {
			parsed = JSON.parse(value);
		} catch (error) {
			fail(
				ctx,
				itemIndex,
				`${field} is not valid JSON: ${(error as Error).message}`,
				`Write "${field}" as a JSON object, e.g. {"key": "value"}.`,
			);
		}
	}
	if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
		fail(
			ctx,
			itemIndex,
			`${field} must be a JSON object`,
			`Write "${field}" as a JSON object, e.g. {"key": "value"}.`,
		);
	}
	return parsed as IDataObject;
}

/**
 * A date given as ISO text, "yyyy-MM-dd HH:mm:ss", a JS Date or an n8n DateTime, in the
 * workflow's time zone: text without an offset is taken as a time there, one with an offset is
 * converted to it.
 */
function inWorkflowZone(
	ctx: IExecuteFunctions,
	value: unknown,
	label: string,
	itemIndex: number,
): DateTime {
	const zone = ctx.getTimezone();
	const text = String(value ?? '').trim();
	const iso = () => DateTime.fromISO(text, { zone });
	const parsed =
		value instanceof Date
			? DateTime.fromJSDate(value)
			: DateTime.isDateTime(value)
				? value
				: iso().isValid
					? iso()
					: DateTime.fromSQL(text, { zone });
	if (!parsed.isValid) {
		fail(
			ctx,
			itemIndex,
			`${label} is not a valid date and time: ${JSON.stringify(value)}`,
			'Use a date such as 2024-05-31T14:00:00.',
		);
	}
	return parsed.setZone(zone);
}

/** Mail Komplet reads and writes local times without a zone: the workflow's time zone is used. */
export const asDateTime: Convert = (ctx, value, label, itemIndex) =>
	inWorkflowZone(ctx, value, label, itemIndex).toFormat(API_DATE_FORMAT);

/** As the vendor's e-shop plugins send order dates: "2024-05-01 10:15:00", the shop's local time. */
export const asShopDateTime: Convert = (ctx, value, label, itemIndex) =>
	inWorkflowZone(ctx, value, label, itemIndex).toFormat('yyyy-MM-dd HH:mm:ss');

export const asNumber: Convert = (ctx, value, label, itemIndex) => {
	const number = Number(value);
	if (!Number.isFinite(number)) {
		fail(ctx, itemIndex, `${label} must be a number, got ${JSON.stringify(value)}`);
	}
	return number;
};

/** Options "Not Set" / "Yes" / "No" stored as 'null' / 'true' / 'false': the API takes null too. */
export const asNullableBoolean: Convert = (_ctx, value) =>
	value === 'true' || value === true ? true : value === 'false' || value === false ? false : null;

/** A field's display name, for messages: a parameter or an option of a collection. */
function labelOf(property: INodeProperties, name: string): string {
	if (property.name === name) return property.displayName;
	const option = (property.options ?? []).find(
		(candidate) => 'name' in candidate && candidate.name === name && 'displayName' in candidate,
	) as INodeProperties | undefined;
	return option?.displayName ?? name;
}

function isEmpty(value: unknown): boolean {
	return (
		value === undefined ||
		value === null ||
		(typeof value === 'string' && value.trim() === '') ||
		(Array.isArray(value) && value.length === 0)
	);
}

/**
 * The values a person set in a collection (Additional Fields, Filters, Update Fields), each
 * converted by its converter; fields without one pass as they are. Empty values are left out.
 */
export function convertFields(
	ctx: IExecuteFunctions,
	collection: INodeProperties,
	values: IDataObject,
	converters: Record<string, Convert>,
	itemIndex: number,
): IDataObject {
	const result: IDataObject = {};
	for (const [name, given] of Object.entries(values)) {
		const value = rawValue(given);
		if (isEmpty(value) && !(name in converters && converters[name] === asJson)) continue;
		const convert = converters[name];
		const converted = convert ? convert(ctx, value, labelOf(collection, name), itemIndex) : value;
		if (converted !== undefined) result[name] = converted as IDataObject[string];
	}
	return result;
}

/** Reads a collection parameter and converts the fields that are set. */
export function readFields(
	ctx: IExecuteFunctions,
	collection: INodeProperties,
	itemIndex: number,
	converters: Record<string, Convert> = {},
): IDataObject {
	const values = ctx.getNodeParameter(collection.name, itemIndex, {}) as IDataObject;
	return convertFields(ctx, collection, values, converters, itemIndex);
}

/** Reads a required top-level parameter; an empty value is refused, naming the field. */
export function readRequired<T = unknown>(
	ctx: IExecuteFunctions,
	property: INodeProperties,
	itemIndex: number,
	convert?: Convert,
): T {
	const value = rawValue(ctx.getNodeParameter(property.name, itemIndex));
	const converted = isEmpty(value)
		? undefined
		: convert
			? convert(ctx, value, property.displayName, itemIndex)
			: value;
	if (isEmpty(converted)) {
		fail(ctx, itemIndex, `${property.displayName} is required`, property.description);
	}
	return converted as T;
}
