import type { IDataObject, IExecuteFunctions, INodeParameterResourceLocator } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

// Deliberately simple: Mail Komplet validates fully; this catches typos before a request is spent.
const EMAIL = /^[^\s@"<>,;]+@[^\s@"<>,;]+\.[^\s@"<>,;]+$/;

export const PAGE_SIZE = { default: 1000, min: 1, max: 10_000 };

export function fail(
	ctx: IExecuteFunctions,
	itemIndex: number,
	message: string,
	description?: string,
): never {
	throw new NodeOperationError(ctx.getNode(), message, {
		itemIndex,
		description,
	});
}

/** Unwraps a resource locator or plain value into the text a person typed or picked. */
export function rawValue(value: unknown): unknown {
	if (value && typeof value === 'object' && '__rl' in (value as object)) {
		return (value as INodeParameterResourceLocator).value;
	}
	return value;
}

export function toId(
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
export function toIdList(
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
		.map((part) => toId(ctx, part, field, itemIndex));
}

export function requireEmail(
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
export function parseJsonObject(
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

/** A whole number within limits, e.g. a page or batch size. */
export function checkRange(
	ctx: IExecuteFunctions,
	value: unknown,
	field: string,
	range: { min: number; max: number },
	itemIndex: number,
): number {
	const number = Number(value);
	if (!Number.isInteger(number) || number < range.min || number > range.max) {
		fail(
			ctx,
			itemIndex,
			`${field} must be a whole number from ${range.min} to ${range.max}, got ${JSON.stringify(value)}`,
		);
	}
	return number;
}

export function checkPageSize(ctx: IExecuteFunctions, value: unknown, itemIndex: number): number {
	return checkRange(ctx, value ?? PAGE_SIZE.default, 'Page Size', PAGE_SIZE, itemIndex);
}

export function checkLimit(ctx: IExecuteFunctions, value: unknown, itemIndex: number): number {
	const limit = Number(value);
	if (!Number.isInteger(limit) || limit < 1) {
		fail(
			ctx,
			itemIndex,
			`Limit must be a whole number of at least 1, got ${JSON.stringify(value)}`,
		);
	}
	return limit;
}

/** Drops undefined and empty-string values so only what the user set reaches the API. */
export function compact(object: IDataObject): IDataObject {
	return Object.fromEntries(
		Object.entries(object).filter(([, value]) => value !== undefined && value !== ''),
	);
}

/**
 * Name/value rows of a fixedCollection (`{ [rowKey]: [{ name, value }] }`) as one object.
 * Undefined when there are no rows; a row without a name or a name given twice is refused.
 */
export function readPairs(
	ctx: IExecuteFunctions,
	value: unknown,
	names: { rowKey: string; noun: string; label: string },
	itemIndex: number,
): IDataObject | undefined {
	const rows = ((value as IDataObject | undefined)?.[names.rowKey] ?? []) as IDataObject[];
	if (rows.length === 0) return undefined;
	const pairs: IDataObject = {};
	for (const row of rows) {
		const name = String(row.name ?? '').trim();
		if (!name) {
			fail(
				ctx,
				itemIndex,
				`A ${names.noun} has no name`,
				`Fill in the Name of every ${names.label} row, or remove the empty row.`,
			);
		}
		if (name in pairs) {
			const noun = names.noun.charAt(0).toUpperCase() + names.noun.slice(1);
			fail(ctx, itemIndex, `${noun} "${name}" is set twice`);
		}
		pairs[name] = row.value as IDataObject[keyof IDataObject];
	}
	return pairs;
}
