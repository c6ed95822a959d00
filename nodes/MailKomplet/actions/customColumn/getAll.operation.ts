import { listOperation } from '../common';
import { DATA_TYPE, describeValues } from '../enums';

export const getAll = listOperation({
	noun: 'custom columns',
	path: 'customColumns',
	description: `List the custom columns that contacts can have. Returns one item per column with customColumnId, name, originalName (cc_<name>, the key in contact data), caption, dataTypeId (${describeValues(DATA_TYPE)}) and its rules.`,
	filters: [
		{
			name: 'customColumnId',
			label: 'Custom Column ID',
			type: 'id',
			description: 'Return only the column with this ID',
		},
		{
			name: 'isSystem',
			label: 'System Columns Only',
			type: 'boolean',
			default: true,
			description:
				"Whether to return only Mail Komplet's predefined columns (on) or only the account's own columns (off)",
		},
	],
});
