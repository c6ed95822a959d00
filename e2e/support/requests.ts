import type { RecordedRequest, SandboxClient } from '../../scripts/n8n/sandbox';

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
