import type { INodeProperties } from 'n8n-workflow';

import * as listSearch from '../nodes/MailKomplet/methods/listSearch';
import * as loadOptions from '../nodes/MailKomplet/methods/loadOptions';
import { MailKomplet } from '../nodes/MailKomplet/MailKomplet.node';
import type { NestedParameter } from './helpers/description';
import { allParameters } from './helpers/description';

/** IDs with no list to pick from in the API, and why. */
const NO_LIST: Record<string, string> = {
	operationId: 'a bulk import answers it; the API lists no bulk imports',
	campaignGroupId: 'the API lists no campaign groups',
	groupId: 'the API lists no SMS groups',
	smsGroupId: 'the API lists no SMS groups',
	orderId: "the e-shop's own order number; the API lists no orders",
};

const parameters = allParameters(new MailKomplet().description.properties);
/** Enumerations such as unsubscribeTypeId are named options, not records to pick. */
const isEnumeration = (property: INodeProperties) =>
	property.type === 'options' && Array.isArray(property.options) && !property.typeOptions;
const isId = ({ property }: NestedParameter) =>
	/(Id|Ids)$/.test(property.name) && !(property.name in NO_LIST) && !isEnumeration(property);

function searchMethodOf(property: INodeProperties): string | undefined {
	const listMode = property.modes?.find((mode) => mode.type === 'list');
	return listMode?.typeOptions?.searchListMethod;
}

describe('every ID is picked from a list, or given as an ID or an expression', () => {
	it('finds the ID parameters of the node', () => {
		expect(parameters.filter(isId).length).toBeGreaterThan(40);
	});

	it.each(parameters.filter(isId).map((found) => [found.label, found] as const))(
		'%s has a picker that exists',
		(_, { property }) => {
			if (property.type === 'resourceLocator') {
				expect(Object.keys(listSearch)).toContain(searchMethodOf(property));
				expect(property.modes?.map((mode) => mode.name)).toContain('id');
			} else {
				expect(['options', 'multiOptions']).toContain(property.type);
				expect(Object.keys(loadOptions)).toContain(property.typeOptions?.loadOptionsMethod);
			}
		},
	);

	it('uses every list method in some parameter', () => {
		const used = new Set(
			parameters.flatMap(({ property }) => [
				searchMethodOf(property),
				property.typeOptions?.loadOptionsMethod,
			]),
		);
		const unused = [...Object.keys(listSearch), ...Object.keys(loadOptions)].filter(
			(method) => !used.has(method),
		);
		expect(unused).toEqual([]);
	});
});
