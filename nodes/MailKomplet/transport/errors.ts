import type { IDataObject, INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

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

/**
 * Answers that say "not now" (429, and any 5xx but 501, which says the server cannot do it at
 * all): retried when the request is safe to repeat.
 */
export function isTransientStatus(status: number): boolean {
	return status === 429 || (status >= 500 && status <= 599 && status !== 501);
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

const STATUS_MESSAGES: Record<number, string> = {
	400: 'Mail Komplet rejected the request',
	401: 'API key or baseCrypt is wrong',
	403: 'API key or baseCrypt is wrong',
	404: 'The requested Mail Komplet record does not exist',
	405: 'Mail Komplet does not support this method on that path',
	415: 'Mail Komplet expects a JSON body',
	429: 'Mail Komplet rate limit reached',
};

const CREDENTIAL_HINT =
	'Check the API key and baseCrypt in the Mail Komplet credential (Settings > API keys in Mail Komplet).';

const BASE_URL_HINT =
	'Check the Base URL in the Mail Komplet credential (normally https://api.mail-komplet.cz/api) and any proxy between n8n and Mail Komplet.';

const STATUS_HINTS: Record<number, string> = {
	400: 'Check the field named in the message above and correct its value.',
	401: CREDENTIAL_HINT,
	403: CREDENTIAL_HINT,
	404: 'Check the ID: it may have been deleted, or belong to another Mail Komplet account.',
	429: 'Too many requests in a short time. Retry later, or reduce how often the workflow runs.',
};

/**
 * A 404 that cannot be about a record: to a request that names none (a Get Many, a create),
 * as an HTML or text page (a proxy, a web server at a wrong Base URL), or the API's own
 * "no such route" answer.
 */
export function isUnknownPath(failure: Failure, attempt: Attempt): boolean {
	if (failure.type !== 'status' || failure.status !== 404) return false;
	if (!attempt.namesRecord) return true;
	const { body } = failure;
	if (typeof body === 'string') return body.trim() !== '';
	return /No HTTP resource was found that matches the request URI/i.test(apiMessage(body) ?? '');
}

const triesText = (tries: number) => `${tries} ${tries === 1 ? 'try' : 'tries'}`;

/** "503" or "connection reset (ECONNRESET)": the last answer, as a person reads it. */
export function describeFailure(failure: Failure): string {
	return failure.type === 'network' ? `${failure.label} (${failure.code})` : String(failure.status);
}

/** NodeApiError rewrites messages that mention a network code; ours say it better. */
function withMessage<T extends NodeApiError>(error: T, message: string): T {
	error.message = message;
	return error;
}

function apiError(
	node: INode,
	message: string,
	description: string,
	itemIndex: number | undefined,
	extra: { httpCode?: string; code?: string; detail?: string } = {},
): NodeApiError {
	return withMessage(
		new NodeApiError(node, { message, ...extra } as JsonObject, {
			message,
			description,
			httpCode: extra.httpCode,
			itemIndex,
		}),
		message,
	);
}

/** The error a request ends with after `tries`, saying what the last answer was. */
export function finalError(
	node: INode,
	failure: Failure,
	tries: number,
	itemIndex: number | undefined,
	attempt: Attempt,
): NodeApiError {
	if (failure.type === 'network') {
		const what = failure.established
			? 'Lost the connection to Mail Komplet'
			: 'Could not reach Mail Komplet';
		const message = `${what}: ${failure.label} (${failure.code}, ${triesText(tries)})`;
		return apiError(
			node,
			message,
			'Check the Base URL in the Mail Komplet credential and the network connection, or raise Timeout and Max Tries under Retries and Timeout.',
			itemIndex,
			{ code: failure.code },
		);
	}
	if (failure.type === 'foreign') {
		const outcome = attempt.write ? 'was not done' : 'failed';
		const message = `${attempt.endpoint} ${outcome}: ${failure.said} (${failure.status}, ${triesText(tries)})`;
		const description = `${attempt.write ? 'Nothing was saved or sent: the' : 'The'} answer came from something between n8n and Mail Komplet (a proxy, a CDN or a maintenance page), not from the API. ${BASE_URL_HINT}`;
		return apiError(node, message, description, itemIndex, { httpCode: String(failure.status) });
	}
	const { status } = failure;
	const detail = apiMessage(failure.body, attempt.secrets);
	const unknownPath = isUnknownPath(failure, attempt);
	let base =
		STATUS_MESSAGES[status] ??
		(status >= 500 ? 'Mail Komplet had a server error' : `Mail Komplet answered ${status}`);
	let hint = STATUS_HINTS[status] ?? (status >= 500 ? 'Try again in a few minutes.' : undefined);
	if (unknownPath) {
		base = 'Nothing at this address answers like Mail Komplet';
		hint = `${attempt.endpoint} names no record here, so the address itself is wrong. ${BASE_URL_HINT}`;
	}
	const message =
		detail && status === 400
			? `${base}: ${detail}`
			: isTransientStatus(status)
				? `${base} (${status}, ${triesText(tries)})`
				: base;
	// A web server's "not found" is no message from Mail Komplet.
	const said = detail && status !== 400 && !unknownPath ? `Mail Komplet said: ${detail}` : '';
	return apiError(node, message, [said, hint ?? ''].filter(Boolean).join(' '), itemIndex, {
		httpCode: String(status),
		...(detail && !unknownPath ? { detail } : {}),
	});
}

/**
 * A write whose answer was lost (a 5xx, a connection broken after the request went out, an
 * answer that could not be read) and that may not be repeated blindly: it may or may not have
 * taken effect. The message says so, as it is what an error item with On Error > Continue shows.
 */
export class AmbiguousWriteError extends NodeApiError {
	constructor(
		node: INode,
		readonly kind: 'create' | 'send',
		lastFailure: Failure,
		tries: number,
		itemIndex: number | undefined,
	) {
		const what =
			kind === 'create'
				? 'Mail Komplet may or may not have created the record'
				: 'The message may or may not have been sent';
		const message = `${what}: the answer was lost (${describeFailure(lastFailure)}, ${triesText(tries)})`;
		super(node, { message } as JsonObject, {
			message,
			description:
				kind === 'create'
					? 'It was not sent again, so no second record is made. Look the record up in Mail Komplet before creating it again.'
					: 'It was not sent again, so it cannot go out twice. Check in Mail Komplet whether it went out before sending it again.',
			httpCode: lastFailure.type === 'network' ? undefined : String(lastFailure.status),
			itemIndex,
		});
		this.message = message;
	}
}
