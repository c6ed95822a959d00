import type { IDataObject } from 'n8n-workflow';

import { isTransientStatus } from './api';

/** One failed try: Mail Komplet's (or a proxy's) answer, or a connection that failed. */
export type Failure =
	| { type: 'status'; status: number; body: unknown; headers: IDataObject }
	/** An answer that is not Mail Komplet's (a web page, a redirect): the API never got the request. */
	| { type: 'foreign'; status: number; said: string }
	| {
			type: 'network';
			code: string;
			label: string;
			/** False when the request provably never reached the server (nothing can have happened). */
			established: boolean;
	  };

/** What a request was, for its errors: they name the endpoint and never a credential. */
export interface Attempt {
	/** Method and path without the account, e.g. "POST /contacts". */
	endpoint: string;
	write: boolean;
	/** Whether the request carries an ID: a 404 to one that carries none can only mean a wrong address. */
	namesRecord: boolean;
	/** The credential's values, hidden wherever an answer is quoted. */
	secrets: string[];
}

const NEVER_CONNECTED: Record<string, string> = {
	ECONNREFUSED: 'connection refused',
	ENOTFOUND: 'host not found',
	EAI_AGAIN: 'DNS lookup failed',
	EHOSTUNREACH: 'host unreachable',
	ENETUNREACH: 'network unreachable',
};

const LOST_ON_THE_WAY: Record<string, string> = {
	ECONNRESET: 'connection reset',
	EPIPE: 'connection closed while sending',
	ETIMEDOUT: 'no answer within the timeout',
	ECONNABORTED: 'connection aborted',
};

/**
 * n8n's NodeApiError replaces a connection error's message with its own text, and some n8n
 * versions drop the code on the way: the text still tells which failure it was.
 */
const N8N_MESSAGES: Array<[RegExp, string]> = [
	[/refused the connection/i, 'ECONNREFUSED'],
	[/closed unexpectedly/i, 'ECONNRESET'],
	[/connection cannot be established/i, 'ENOTFOUND'],
	[/connection timed out/i, 'ETIMEDOUT'],
	[/connection was aborted/i, 'ECONNABORTED'],
	[/host is unreachable/i, 'EHOSTUNREACH'],
	[/DNS server returned an error/i, 'EAI_AGAIN'],
];

/** The error and the errors it wraps (n8n wraps once or twice, depending on its version). */
function chain(error: unknown): Array<{ code?: unknown; message?: unknown }> {
	const links: Array<{ code?: unknown; message?: unknown; cause?: unknown }> = [];
	for (let link = error; link && typeof link === 'object' && links.length < 5; ) {
		links.push(link as { cause?: unknown });
		link = (link as { cause?: unknown }).cause;
	}
	return links;
}

/**
 * What kind of connection failure an error from n8n's HTTP helper is, or undefined when it is
 * none (a cancelled execution, a bug) and must not be retried.
 */
export function networkFailure(error: unknown): Failure | undefined {
	const links = chain(error);
	const text = links.map((link) => String(link.message ?? '')).join(' ');
	const code =
		links
			.map((link) => link.code)
			.find((value): value is string => typeof value === 'string' && /^E[A-Z_]+$/.test(value)) ??
		/\b(E[A-Z]{4,})\b/.exec(text)?.[1] ??
		N8N_MESSAGES.find(([pattern]) => pattern.test(text))?.[1];
	if (/timeout of \d+ms exceeded|timed? ?out/i.test(text) || code === 'ETIMEDOUT') {
		return {
			type: 'network',
			code: 'ETIMEDOUT',
			label: LOST_ON_THE_WAY.ETIMEDOUT,
			established: true,
		};
	}
	if (code && NEVER_CONNECTED[code]) {
		return { type: 'network', code, label: NEVER_CONNECTED[code], established: false };
	}
	if (code && LOST_ON_THE_WAY[code]) {
		return { type: 'network', code, label: LOST_ON_THE_WAY[code], established: true };
	}
	if (/stream has been aborted|premature close|aborted|unexpected end/i.test(text)) {
		return {
			type: 'network',
			code: code ?? 'ECONNRESET',
			label: 'answer cut short',
			established: true,
		};
	}
	return undefined;
}

/** A failure that is no connection failure (a bug, a cancelled run): not retried; for a write it may have gone out. */
export function unknownFailure(error: unknown, secrets: string[]): Failure {
	const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
	return {
		type: 'network',
		code: typeof code === 'string' ? code : 'unexpected error',
		label: quote(String(message || 'request failed'), secrets, 100),
		established: true,
	};
}

/** Whether this failure leaves open whether the server acted on the request. */
export function isAmbiguous(failure: Failure): boolean {
	if (failure.type === 'network') return failure.established;
	return failure.type === 'status' && failure.status >= 500 && failure.status !== 501;
}

export function isTransient(failure: Failure): boolean {
	return failure.type !== 'status' || isTransientStatus(failure.status);
}

const MAX_QUOTE = 300;

/** Header-like pairs and tokens a proxy may echo back: the value goes, the name stays. */
const SECRET_PATTERNS: Array<[RegExp, string]> = [
	[
		/\b(authorization|proxy-authorization|set-cookie|cookie|x-api-key|api[-_]?key|basecrypt|password|session[-_]?token|\.aspxauth)(["']?\s*[:=]\s*["']?)[^"'\r\n,;}&<]*/gi,
		'$1$2[hidden]',
	],
	[/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{4,}/gi, '$1 [hidden]'],
];

/**
 * Text from an answer, fit to show in an error: the credential's values and anything that looks
 * like one hidden, cut to `max` characters.
 */
export function quote(text: string, secrets: string[], max = MAX_QUOTE): string {
	let safe = text;
	for (const secret of secrets) {
		if (secret.length >= 4) safe = safe.split(secret).join('[hidden]');
	}
	for (const [pattern, replacement] of SECRET_PATTERNS) safe = safe.replace(pattern, replacement);
	safe = safe.replace(/\s+/g, ' ').trim();
	return safe.length > max ? `${safe.slice(0, max - 1)}…` : safe;
}

const looksLikeHtml = (text: string) => /^\s*</.test(text);

/** The message of an API answer, quoted safely; none for a web page. */
export function apiMessage(body: unknown, secrets: string[] = []): string | undefined {
	if (typeof body === 'string') {
		return body.trim() && !looksLikeHtml(body) ? quote(body, secrets) : undefined;
	}
	if (!body || typeof body !== 'object') return undefined;
	const record = body as IDataObject;
	for (const key of ['message', 'Message', 'errorMessage', 'error', 'title']) {
		const value = record[key];
		if (typeof value === 'string' && value.trim()) return quote(value, secrets);
	}
	if (record.errors && typeof record.errors === 'object') {
		return quote(JSON.stringify(record.errors), secrets);
	}
	return undefined;
}

const mediaType = (headers: IDataObject) =>
	String(headers['content-type'] ?? '')
		.split(';')[0]
		.trim()
		.toLowerCase();

/** Where a redirect pointed, as origin and path (a query may carry a token). */
function redirectTarget(location: unknown, requestUrl: string, secrets: string[]): string {
	if (typeof location !== 'string' || !location.trim()) return 'an address it did not name';
	try {
		const target = new URL(location, requestUrl);
		return quote(`${target.origin}${target.pathname}`, secrets, 120);
	} catch {
		return quote(location.split('?')[0], secrets, 120);
	}
}

/**
 * Why an answer below 400 is not Mail Komplet's, or undefined when it is. A redirect is never
 * followed: the API does not redirect, and following one would send the credential on.
 * A 2xx must be JSON or empty: a web page came from a proxy, a CDN or a maintenance page and
 * the API never saw the request; JSON that does not parse was cut or garbled on the way and
 * leaves open whether the API acted.
 */
export function notApiAnswer(
	response: { statusCode: number; headers?: IDataObject; body: unknown },
	requestUrl: string,
	secrets: string[],
): Failure | undefined {
	const { statusCode: status, body } = response;
	const headers = response.headers ?? {};
	if (status >= 300) {
		const target = redirectTarget(headers.location, requestUrl, secrets);
		return { type: 'foreign', status, said: `the address redirected to ${target}` };
	}
	if (body === undefined || body === null || typeof body !== 'string' || body.trim() === '') {
		return undefined;
	}
	const type = mediaType(headers);
	if (type.endsWith('json') || /^\s*[[{]/.test(body)) {
		return { type: 'network', code: 'EBADJSON', label: 'answer unreadable', established: true };
	}
	const said =
		type === 'text/html' || looksLikeHtml(body) ? 'a web page' : `a ${type || 'non-JSON'} answer`;
	return { type: 'foreign', status, said: `${said} answered instead of Mail Komplet` };
}
