/**
 * Every operation sends exactly the requests it declares in its `endpoints`: each step of the
 * operations table (e2e/cases/operations.ts, also run in real n8n by the end-to-end suite) runs
 * here against the demo sandbox, and each request the sandbox received must be one of the
 * operation's declared endpoints, in the order the table lists them; every endpoint an
 * operation declares must be called by one of its runs.
 */
import type { INodeParameters, NodeParameterValueType } from 'n8n-workflow';

import { operationCases } from '../e2e/cases/operations';
import { resources } from '../nodes/MailKomplet/actions';
import type { OperationDefinition } from '../nodes/MailKomplet/actions/types';
import type { Endpoints } from '../nodes/MailKomplet/transport';
import type { SentRequest } from './helpers/sandbox';
import { useSandbox } from './helpers/sandbox';

const t = useSandbox();

beforeEach(() => t.sandbox.reset('demo'));

function operation(resource: string, name: string): OperationDefinition {
	const found = resources
		.find((r) => r.value === resource)
		?.operations.find((o) => o.value === name);
	if (!found) throw new Error(`No operation ${resource}.${name}`);
	return found;
}

/** Whether a request is a call of `endpoint`, whose `{name}` segments stand for any one segment. */
function isCallOf(endpoint: string, request: SentRequest): boolean {
	const [method, path] = endpoint.split(' ');
	const segment = (part: string) =>
		/^\{\w+\}$/.test(part) ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	return (
		method === request.method &&
		new RegExp(`^${path.split('/').map(segment).join('/')}$`).test(request.path)
	);
}

/**
 * A step's parameters with earlier steps' outputs put in as n8n would read them:
 * `$('Step').first().json.field` becomes the value, and `$('Step').all()` reads the step's
 * items from the one input item.
 */
function resolve(
	value: unknown,
	outputs: Map<string, Array<Record<string, unknown>>>,
	input: { step?: string },
): unknown {
	if (typeof value === 'string') {
		return value
			.replace(/\$\('([^']+)'\)\.first\(\)\.json\.(\w+)/g, (_, step: string, field: string) =>
				JSON.stringify(outputs.get(step)?.[0]?.[field]),
			)
			.replace(/\$\('([^']+)'\)\.all\(\)/g, (_, step: string) => {
				input.step = step;
				return '$json.all.map((json) => ({ json }))';
			});
	}
	if (Array.isArray(value)) return value.map((entry) => resolve(entry, outputs, input));
	if (value && typeof value === 'object') {
		return Object.fromEntries(
			Object.entries(value).map(([key, entry]) => [key, resolve(entry, outputs, input)]),
		);
	}
	return value;
}

describe('every operation sends only the endpoints it declares', () => {
	it('the table has a step for every operation', () => {
		const covered = new Set(
			operationCases.flatMap((c) =>
				c.steps.map((s) => `${s.resource ?? c.resource}.${s.operation}`),
			),
		);
		const all = resources.flatMap((r) => r.operations.map((o) => `${r.value}.${o.value}`));
		expect(all.filter((name) => !covered.has(name))).toEqual([]);
	});

	it.each(operationCases.map((c) => [c.resource, c] as const))('%s', async (_, resourceCase) => {
		const outputs = new Map<string, Array<Record<string, unknown>>>();
		const unreached = new Map<string, Set<string>>();
		for (const step of resourceCase.steps) {
			const resource = step.resource ?? resourceCase.resource;
			const { endpoints } = operation(resource, step.operation);
			const declared = Object.values(endpoints).map((spec) => spec.endpoint);
			const name = `${resource}.${step.operation}`;
			if (!unreached.has(name)) unreached.set(name, new Set(declared));
			const given =
				typeof step.parameters === 'function' ? step.parameters(t.sandbox) : step.parameters;
			const input: { step?: string } = {};
			const parameters = resolve(
				{ resource, operation: step.operation, ...given },
				outputs,
				input,
			) as INodeParameters;
			const items = input.step ? [{ json: { all: outputs.get(input.step) ?? [] } }] : undefined;
			const reach = reachEveryEndpoint(endpoints, parameters);

			const result = await t.run(parameters, items ? { items } : {});

			expect({ step: step.name, error: result.error?.message }).toEqual({ step: step.name });
			const called = t
				.sent()
				.map(
					(request) => declared.find((endpoint) => isCallOf(endpoint, request)) ?? 'not declared',
				);
			for (const endpoint of called) unreached.get(name)!.delete(endpoint);
			expect({ step: step.name, endpoints: reach ? distinctInRow(called) : called }).toEqual({
				step: step.name,
				endpoints: reach ?? step.requests,
			});
			outputs.set(
				step.name,
				result.items.map((item) => item.json as Record<string, NodeParameterValueType>),
			);
		}
		const left = [...unreached].flatMap(([name, endpoints]) =>
			[...endpoints].map((endpoint) => `${name}: ${endpoint}`),
		);
		expect(left).toEqual([]);
	});
});

/**
 * Runs that reach what a plain run does not: a create whose answer is lost (it was applied)
 * looks the record up; Bulk Import waiting for completion reads the import's status. Returns
 * the endpoints such a run calls, in order (repeats in a row counted once).
 */
function reachEveryEndpoint(
	endpoints: Endpoints,
	parameters: INodeParameters,
): string[] | undefined {
	const { create, lookUp } = endpoints;
	if (create && lookUp) {
		const [method, path] = create.endpoint.split(' ');
		t.sandbox.inject({ method, path, status: 503, applied: true });
		return [create.endpoint, lookUp.endpoint];
	}
	const { firstBatch, status } = endpoints;
	if (firstBatch && status) {
		parameters.options = { ...(parameters.options as object), waitForCompletion: true };
		return [firstBatch.endpoint, status.endpoint];
	}
	return undefined;
}

const distinctInRow = (list: string[]) => list.filter((entry, index) => entry !== list[index - 1]);
