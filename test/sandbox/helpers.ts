import { request } from 'undici';
import type { Sandbox } from '../../sandbox';

/** Response bodies are inspected through assertions, so they are loosely typed. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Loose = any;

export interface CallOptions {
	query?: Record<string, string | number | boolean>;
	body?: unknown;
	/** Raw body text (sent as is). */
	rawBody?: string;
	/** Replaces the default headers entirely when `replaceHeaders` is true, otherwise merged. */
	headers?: Record<string, string>;
	replaceHeaders?: boolean;
	/** Override the baseCrypt in the path. */
	baseCrypt?: string;
}

export interface CallResult<T = Loose> {
	status: number;
	headers: Record<string, string | string[] | undefined>;
	text: string;
	body: T;
}

export function defaultHeaders(sandbox: Sandbox): Record<string, string> {
	return {
		accept: 'application/json;charset:utf-8',
		'x-requested-with': 'XMLHttpRequest',
		authorization: `Basic ${sandbox.apiKey}`,
	};
}

/** Calls the sandbox API like the node does: /api/<baseCrypt>/<path>. */
export async function call<T = Loose>(
	sandbox: Sandbox,
	method: string,
	path: string,
	options: CallOptions = {},
): Promise<CallResult<T>> {
	const url = new URL(`${sandbox.url}/${options.baseCrypt ?? sandbox.baseCrypt}${path}`);
	for (const [key, value] of Object.entries(options.query ?? {}))
		url.searchParams.set(key, String(value));
	const headers: Record<string, string> = options.replaceHeaders
		? { ...(options.headers ?? {}) }
		: { ...defaultHeaders(sandbox), ...(options.headers ?? {}) };
	let body: string | undefined = options.rawBody;
	if (options.body !== undefined) {
		body = JSON.stringify(options.body);
		if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-type'))
			headers['content-type'] = 'application/json';
	}
	const res = await request(url, { method: method as 'GET', headers, body });
	const text = await res.body.text();
	let parsed: unknown = undefined;
	try {
		parsed = text ? JSON.parse(text) : undefined;
	} catch {
		parsed = text;
	}
	return { status: res.statusCode, headers: res.headers, text, body: parsed as T };
}

/** Plain JSON request to an admin endpoint. */
export async function admin<T = Loose>(
	sandbox: Sandbox,
	method: string,
	path: string,
	body?: unknown,
): Promise<CallResult<T>> {
	const res = await request(`${sandbox.origin}/__sandbox${path}`, {
		method: method as 'GET',
		headers: body === undefined ? {} : { 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await res.body.text();
	return {
		status: res.statusCode,
		headers: res.headers,
		text,
		body: (text ? JSON.parse(text) : undefined) as T,
	};
}
