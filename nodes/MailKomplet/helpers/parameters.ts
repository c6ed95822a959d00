import type { IDataObject, IExecuteFunctions, INodeParameterResourceLocator } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

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
