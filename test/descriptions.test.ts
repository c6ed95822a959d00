import type { INodePropertyOptions } from 'n8n-workflow';

import { resources } from '../nodes/MailKomplet/actions';
import type { OperationDefinition } from '../nodes/MailKomplet/actions/types';
import { MailKomplet } from '../nodes/MailKomplet/MailKomplet.node';
import { allParameters } from './helpers/description';

describe('descriptions an AI agent can work from', () => {
	const { description } = new MailKomplet();

	it.each(
		resources.flatMap((r) =>
			r.operations.map((o): [string, OperationDefinition] => [`${r.name} > ${o.name}`, o]),
		),
	)('%s says what it does and what it returns', (_, operation) => {
		expect(operation.action).toMatch(/^[A-Z]/);
		expect(operation.description.length).toBeGreaterThan(30);
	});

	it('every parameter has a description, except notices, groups and the resource/operation pickers', () => {
		const groups = ['notice', 'collection', 'fixedCollection'];
		const missing = allParameters(description.properties)
			.map(({ property }) => property)
			.filter((p) => !groups.includes(p.type) && !['resource', 'operation'].includes(p.name))
			.filter((p) => !p.description?.trim())
			.map((p) => p.name);
		expect(missing).toEqual([]);
	});

	it('enumerations are named options, never bare numbers', () => {
		const options = allParameters(description.properties)
			.map(({ property }) => property)
			.filter((p) => p.type === 'options' || p.type === 'multiOptions')
			.flatMap((p) => (p.options ?? []) as INodePropertyOptions[]);
		expect(options.filter((option) => /^\d+$/.test(String(option.name)))).toEqual([]);
	});
});
