import * as fs from 'node:fs';
import * as path from 'node:path';

import beyond from './fixtures/beyond-the-reference.json';
import endpoints from './fixtures/endpoints.json';
import { MailKompletLoginApi } from '../credentials/MailKompletLoginApi.credentials';
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

/** The method and path of every request an operation declares. */
const declaredEndpoints = (operation: (typeof resources)[number]['operations'][number]) =>
	Object.values(operation.endpoints).map((spec) => spec.endpoint);

const operationEndpoints = endpoints.filter(
	(e): e is (typeof endpoints)[number] & { operation: string } => 'operation' in e,
);

describe('every documented Mail Komplet endpoint has an operation', () => {
	it('signing in is the Mail Komplet Login credential: its test signs in', () => {
		const [signIn] = endpoints.filter((e) => 'credential' in e);
		expect(signIn).toMatchObject({
			credential: 'mailKompletLoginApi',
			endpoint: 'POST /authentication/signIn',
		});
		const { request } = new MailKompletLoginApi().test;
		expect(`${request.method} ${request.url}`).toBe(signIn.endpoint);
	});

	it.each(
		operationEndpoints.map((e) => [`${e.documented} (reference line ${e.line}: ${e.title})`, e]),
	)('%s', (_, entry) => {
		const [resource, operation] = entry.operation.split('.');
		expect(operationOptions(resource)).toContain(operation);
		const definition = resources
			.find((r) => r.value === resource)!
			.operations.find((o) => o.value === operation)!;
		expect(declaredEndpoints(definition)).toContain(entry.endpoint);
	});

	it('and every operation calls only documented endpoints, or ones public clients show beyond the reference', () => {
		const documented = new Set([...operationEndpoints, ...beyond].map((e) => e.endpoint));
		const declared = resources.flatMap((r) =>
			r.operations.flatMap((o) =>
				declaredEndpoints(o).map((endpoint) => `${r.value}.${o.value} ${endpoint}`),
			),
		);
		expect(declared.filter((d) => !documented.has(d.split(' ').slice(1).join(' ')))).toEqual([]);
	});

	it('has one operation per documented endpoint, Contact > Get (it reads GET /contacts as Get Many does), and the operations beyond the reference', () => {
		const operations = resources.flatMap((r) => r.operations.map((o) => `${r.value}.${o.value}`));
		expect(operations.sort()).toEqual(
			[
				...operationEndpoints.map((e) => e.operation),
				'contact.get',
				...beyond.map((e) => e.operation),
			].sort(),
		);
	});
});

describe('endpoints beyond the reference', () => {
	const page = fs.readFileSync(
		path.join(__dirname, '..', 'docs', 'beyond-the-reference.md'),
		'utf8',
	);

	it.each(beyond.map((e) => [e.endpoint, e]))(
		'%s: its operation calls it, and docs/beyond-the-reference.md lists it',
		(_, entry) => {
			const [resource, operation] = entry.operation.split('.');
			const definition = resources
				.find((r) => r.value === resource)!
				.operations.find((o) => o.value === operation)!;
			expect(declaredEndpoints(definition)).toContain(entry.endpoint);
			expect(page).toContain(`\`${entry.endpoint.replace(' /', ' {baseCrypt}/')}\``);
		},
	);
});
