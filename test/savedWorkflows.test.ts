import type { INodeProperties } from 'n8n-workflow';

import saved from './fixtures/saved-parameters-v1.json';
import { MailKomplet } from '../nodes/MailKomplet/MailKomplet.node';
import { allParameters } from './helpers/description';

interface Parameter {
	type: string;
	values?: Array<string | number>;
}

/**
 * Every parameter path per resource and operation, with the values of its named options: what a
 * saved workflow holds. IDs typed as text in earlier releases are resource locators now; both
 * forms run (see the operation tests), so they compare as 'id'.
 */
function parametersOf(properties: INodeProperties[]): Record<string, Record<string, Parameter>> {
	const result: Record<string, Record<string, Parameter>> = {};
	for (const { property, top, path } of allParameters(properties)) {
		if (property.type === 'notice') continue;
		const entry: Parameter = { type: property.type === 'resourceLocator' ? 'id' : property.type };
		const options = property.options as Array<{ value?: string | number }> | undefined;
		if (['options', 'multiOptions'].includes(property.type) && !property.typeOptions) {
			entry.values = (options ?? []).map((option) => option.value!).sort();
		}
		for (const resource of (top.displayOptions?.show?.resource as string[]) ?? ['*']) {
			for (const operation of (top.displayOptions?.show?.operation as string[]) ?? ['*']) {
				(result[`${resource}.${operation}`] ??= {})[path] = entry;
			}
		}
	}
	return result;
}

const now = parametersOf(new MailKomplet().description.properties);

describe('workflows saved with release 0.1.0 keep their parameters', () => {
	it.each(Object.entries(saved as Record<string, Record<string, Parameter>>))(
		'%s',
		(operation, parameters) => {
			for (const [path, before] of Object.entries(parameters)) {
				const after = now[operation]?.[path];
				const type = after?.type === 'id' && before.type === 'string' ? 'id' : before.type;
				expect({ path, type: after?.type }).toEqual({ path, type });
				// New choices may be added; a saved one must stay.
				expect({ path, values: after?.values }).toEqual({
					path,
					values: before.values && expect.arrayContaining(before.values),
				});
			}
		},
	);
});
