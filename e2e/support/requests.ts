import { expect } from '@jest/globals';

import type { RecordedRequest, SandboxClient } from '../../scripts/n8n/sandbox';
import type { ResourceCase } from '../cases/operations';

/** "METHOD /path" of a recorded request, with the /api/<baseCrypt> prefix removed. */
export function describeRequest(client: SandboxClient, request: RecordedRequest): string {
	const prefix = client.apiPath('');
	const path = request.path.startsWith(prefix)
		? `/${request.path.slice(prefix.length)}`
		: request.path;
	return `${request.method} ${path.replace(/\/+$/, '') || '/'}`;
}

/**
 * Pattern "METHOD /a/*" to a RegExp; `*` or a `{name}` placeholder (as operations declare their
 * endpoints) stands for one path segment.
 */
function toRegExp(pattern: string): RegExp {
	const escaped = pattern
		.replace(/\{[^/}]+\}/g, '*')
		.split('*')
		.map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'));
	return new RegExp(`^${escaped.join('[^/]+')}$`, 'i');
}

/**
 * Which expected patterns are missing from `actual`, matched in order (each pattern must come
 * after the request that matched the one before it; other requests may sit in between).
 */
export function missingInOrder(expected: string[], actual: string[]): string[] {
	let cursor = 0;
	const missing: string[] = [];
	for (const pattern of expected) {
		const regExp = toRegExp(pattern);
		const found = actual.findIndex((line, index) => index >= cursor && regExp.test(line));
		if (found < 0) missing.push(pattern);
		else cursor = found + 1;
	}
	return missing;
}

/**
 * A resource case's workflow ran its operations: the sandbox received every request the steps
 * declare, in order, and refused none.
 */
export async function expectCaseRequests(client: SandboxClient, resourceCase: ResourceCase) {
	const requests = (await client.requests()).map((request) => ({
		line: describeRequest(client, request),
		status: request.status ?? 0,
	}));
	const received = requests.map((r) => r.line);
	const missing = missingInOrder(
		resourceCase.steps.flatMap((s) => s.requests),
		received,
	);
	expect({ missing, received }).toEqual({ missing: [], received });
	expect(requests.filter((r) => r.status >= 400)).toEqual([]);
}
