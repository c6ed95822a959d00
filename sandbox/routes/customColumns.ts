import { badRequest, notFound } from '../errors';
import { CUSTOM_COLUMN_FIELDS, pick } from '../model';
import type { CustomColumn } from '../model';
import { allOf, sourceById } from '../paging';
import type { RouteDef } from '../router';
import type { Store } from '../store';
import { BodyReader } from '../validate';

/** User (custom) columns of contacts. */

const NAME_RE = /^[A-Za-z][A-Za-z0-9_]{0,99}$/;

function readColumn(
	reader: BodyReader,
	store: Store,
	existing?: CustomColumn,
): Partial<CustomColumn> {
	const out: Partial<CustomColumn> = {};
	if (!existing || reader.has('dataTypeId'))
		out.dataTypeId = reader.requiredInt('dataTypeId', { min: 1, max: 7 });
	if (!existing || reader.has('name')) {
		const name = reader.requiredString('name', 100).trim();
		if (!NAME_RE.test(name)) {
			throw badRequest(
				'The name field must start with a letter and contain only letters, digits and underscores.',
			);
		}
		const clash = store.findCustomColumn(name) ?? store.findCustomColumn(`cc_${name}`);
		if (clash && clash !== existing)
			throw badRequest(`The name field: a custom column named "${name}" already exists.`);
		out.name = name;
	}
	for (const key of ['caption', 'description'] as const) {
		const value = reader.string(key, 1000);
		if (value !== undefined) out[key] = value;
	}
	const defaultValue = reader.raw('defaultValue');
	if (defaultValue !== undefined) {
		if (defaultValue !== null && !['string', 'number', 'boolean'].includes(typeof defaultValue)) {
			throw badRequest('The defaultValue field must be a string.');
		}
		out.defaultValue = defaultValue === null ? null : String(defaultValue);
	}
	for (const key of ['minValue', 'maxValue'] as const) {
		if (reader.has(key)) out[key] = reader.raw(key);
	}
	for (const key of ['required', 'unique', 'disabled'] as const) {
		const value = reader.bool(key);
		if (value === null) throw badRequest(`The ${key} field must be true or false.`);
		if (value !== undefined) out[key] = value;
	}
	const precision = reader.int('precision', { min: 0, max: 255 });
	if (precision !== undefined) out.precision = precision;
	const order = reader.int('order', { min: 0 });
	if (order !== undefined && order !== null) out.order = order;
	return out;
}

function editableColumn(store: Store, id: number): CustomColumn {
	const column = store.customColumns.get(id);
	if (!column) throw notFound('Custom column', id);
	if (column.system)
		throw badRequest(`Custom column ${id} is a system column and cannot be changed.`);
	return column;
}

export const customColumnRoutes: RouteDef[] = [
	{
		method: 'GET',
		path: '/customColumns',
		handler: (ctx) => {
			const isSystem = ctx.query.bool('isSystem');
			const filter = allOf<CustomColumn>(isSystem !== undefined && ((c) => c.system === isSystem));
			const source = sourceById(ctx.store.customColumns, ctx.query.int('customColumnId'));
			return { body: ctx.page(source, filter, (c) => pick(c, CUSTOM_COLUMN_FIELDS)) };
		},
	},
	{
		method: 'POST',
		path: '/customColumns',
		handler: ({ store, body }) => {
			const fields = readColumn(BodyReader.root(body), store);
			const column = store.addCustomColumn({
				...fields,
				name: fields.name as string,
				dataTypeId: fields.dataTypeId as number,
			});
			return { body: { customColumnId: column.customColumnId } };
		},
	},
	{
		method: 'PUT',
		path: '/customColumns/{customColumnId:int}',
		handler: ({ store, params, body }) => {
			const column = editableColumn(store, params.customColumnId);
			const { name, ...fields } = readColumn(BodyReader.root(body), store, column);
			Object.assign(column, fields);
			if (name !== undefined && name !== column.name) store.renameCustomColumn(column, name);
		},
	},
	{
		method: 'DELETE',
		path: '/customColumns',
		handler: ({ store, query }) => {
			store.deleteCustomColumn(editableColumn(store, query.requiredInt('id')));
		},
	},
];
