import endpoints from './fixtures/endpoints.json';
import { resources } from '../nodes/MailKomplet/actions';
import { MailKomplet } from '../nodes/MailKomplet/MailKomplet.node';
import type { INodePropertyOptions } from 'n8n-workflow';

const { properties } = new MailKomplet().description;

function operationOptions(resource: string): string[] {
	const property = properties.find(
		(p) =>
			p.name === 'operation' &&
			(p.displayOptions?.show?.resource as string[] | undefined)?.includes(resource),
	);
	return ((property?.options ?? []) as INodePropertyOptions[]).map((o) => String(o.value));
}

describe('every documented Mail Komplet endpoint has an operation', () => {
	it.each(endpoints.map((e) => [`${e.documented} (reference line ${e.line}: ${e.title})`, e]))(
		'%s',
		(_, entry) => {
			const [resource, operation] = entry.operation.split('.');
			expect(operationOptions(resource)).toContain(operation);
			const definition = resources
				.find((r) => r.value === resource)!
				.operations.find((o) => o.value === operation)!;
			expect(definition.endpoints).toContain(entry.endpoint);
		},
	);

	it('and every operation calls only documented endpoints', () => {
		const documented = new Set(endpoints.map((e) => e.endpoint));
		const declared = resources.flatMap((r) =>
			r.operations.flatMap((o) =>
				o.endpoints.map((endpoint) => `${r.value}.${o.value} ${endpoint}`),
			),
		);
		expect(declared.filter((d) => !documented.has(d.split(' ').slice(1).join(' ')))).toEqual([]);
	});

	it('lists 44 documented endpoints', () => {
		expect(endpoints).toHaveLength(44);
	});
});
