import { parseDate } from '../dates';
import { badRequest } from '../errors';
import type { ContactInput, CustomColumn } from '../model';
import type { Store } from '../store';
import { BodyReader } from '../validate';

/** Parsing of the contact object shared by create, update, subscribe and bulk import. */

const DATA_TYPES: Record<number, { label: string; accepts: (v: unknown) => boolean }> = {
	1: {
		label: 'a text',
		accepts: (v) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean',
	},
	2: {
		label: 'a number',
		accepts: (v) =>
			(typeof v === 'number' && Number.isFinite(v)) ||
			(typeof v === 'string' && /^-?\d+(?:[.,]\d+)?$/.test(v.trim())),
	},
	3: {
		label: 'true or false',
		accepts: (v) => typeof v === 'boolean' || v === 'true' || v === 'false',
	},
	4: {
		label: 'a date and time',
		accepts: (v) => typeof v === 'string' && parseDate(v) !== undefined,
	},
	5: {
		label: 'a date (YYYY-MM-DD)',
		accepts: (v) => typeof v === 'string' && parseDate(v) !== undefined,
	},
	6: {
		label: 'a time (HH:mm or HH:mm:ss)',
		accepts: (v) =>
			typeof v === 'string' &&
			/^([01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,7})?)?$/.test(v.trim()),
	},
	7: {
		label: 'one of the options as text',
		accepts: (v) => typeof v === 'string' || typeof v === 'number',
	},
};

export function checkCustomValue(column: CustomColumn, value: unknown, field: string): void {
	if (value === null) return;
	const type = DATA_TYPES[column.dataTypeId] ?? DATA_TYPES[1];
	if (!type.accepts(value)) throw badRequest(`The ${field} field must be ${type.label}.`);
}

/** Custom column values keyed by originalName; unknown names are rejected. */
export function readCustomColumns(
	reader: BodyReader,
	store: Store,
): Record<string, unknown> | undefined {
	const object = reader.object('customColumns');
	if (!object) return undefined;
	const values: Record<string, unknown> = {};
	for (const [name, value] of Object.entries(object.value)) {
		const column = store.findCustomColumn(name);
		if (!column)
			throw badRequest(`The custom column "${name}" does not exist (${object.field(name)}).`);
		checkCustomValue(column, value, object.field(name));
		values[column.originalName] = value;
	}
	return values;
}

/** Normalises a phone number as Mail Komplet shows it (+420 for 9-digit Czech numbers). */
export function normalisePhone(raw: string, field: string): string | null {
	let phone = raw.replace(/[\s\-().]/g, '');
	if (phone === '') return null;
	if (phone.startsWith('00')) phone = `+${phone.slice(2)}`;
	if (/^\d{9}$/.test(phone)) phone = `+420${phone}`;
	if (!/^\+?\d{6,15}$/.test(phone))
		throw badRequest(`The ${field} field is not a valid phone number.`);
	return phone;
}

export function readMailingListIds(
	reader: BodyReader,
	store: Store,
	name = 'mailingListIds',
): number[] | undefined {
	const ids = reader.intArray(name);
	if (!ids) return undefined;
	for (const id of ids) {
		if (!store.mailingLists.has(id))
			throw badRequest(
				`The ${reader.field(name)} field refers to mailing list ${id}, which does not exist.`,
			);
	}
	return ids;
}

export function readContactInput(
	reader: BodyReader,
	store: Store,
	requireEmail: boolean,
): ContactInput {
	const input: ContactInput = {};
	const email = requireEmail ? reader.requiredEmail('email') : reader.email('email');
	if (email === null) throw badRequest(`The ${reader.field('email')} field is required.`);
	if (email !== undefined) input.email = email;
	for (const key of ['name', 'surname', 'title', 'company'] as const) {
		const value = reader.string(key, 255);
		if (value !== undefined) input[key] = value;
	}
	const sex = reader.bool('sex');
	if (sex !== undefined) input.sex = sex;
	const phone = reader.string('mobilePhone', 40);
	if (phone !== undefined)
		input.mobilePhone = phone === null ? null : normalisePhone(phone, reader.field('mobilePhone'));
	const lists = readMailingListIds(reader, store);
	if (lists) input.mailingListIds = lists;
	const custom = readCustomColumns(reader, store);
	if (custom) input.customColumns = custom;
	return input;
}
