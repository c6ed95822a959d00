import type { IDataObject, INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

/** One failed try: Mail Komplet's (or a proxy's) answer, or a connection that failed. */
export type Failure =
	| { type: 'status'; status: number; body: unknown; headers: IDataObject }
	| {
			type: 'network';
			code: string;
			label: string;
			/** False when the request provably never reached the server (nothing can have happened). */
			established: boolean;
	  };

/** Answers that say "not now": the server is busy, restarting, or behind a failing gateway. */
export const TRANSIENT_STATUSES = [429, 500, 502, 503, 504];

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

/** Whether this failure leaves open whether the server acted on the request. */
export function isAmbiguous(failure: Failure): boolean {
	return failure.type === 'network' ? failure.established : failure.status !== 429;
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

const STATUS_HINTS: Record<number, string> = {
	400: 'Check the field named in the message above and correct its value.',
	401: CREDENTIAL_HINT,
	403: CREDENTIAL_HINT,
	404: 'Check the ID: it may have been deleted, or belong to another Mail Komplet account.',
	429: 'Too many requests in a short time. Retry later, or reduce how often the workflow runs.',
};

export function apiMessage(body: unknown): string | undefined {
	if (typeof body === 'string') return body.trim() || undefined;
	if (!body || typeof body !== 'object') return undefined;
	const record = body as IDataObject;
	for (const key of ['message', 'Message', 'errorMessage', 'error', 'title']) {
		const value = record[key];
		if (typeof value === 'string' && value.trim()) return value.trim();
	}
	if (record.errors && typeof record.errors === 'object') {
		return JSON.stringify(record.errors);
	}
	return undefined;
}

/**
 * A 404 from something that is not Mail Komplet's record lookup: an HTML or text page (a proxy,
 * a web server at a wrong Base URL), or the API's own "no such route" answer.
 */
export function isUnknownPath(status: number, body: unknown): boolean {
	if (status !== 404) return false;
	if (typeof body === 'string') return body.trim() !== '';
	return /No HTTP resource was found that matches the request URI/i.test(apiMessage(body) ?? '');
}

const triesText = (tries: number) => `${tries} ${tries === 1 ? 'try' : 'tries'}`;

/** "503" or "connection reset (ECONNRESET)": the last answer, as a person reads it. */
export function describeFailure(failure: Failure): string {
	return failure.type === 'status' ? String(failure.status) : `${failure.label} (${failure.code})`;
}

/** NodeApiError rewrites messages that mention a network code; ours say it better. */
function withMessage<T extends NodeApiError>(error: T, message: string): T {
	error.message = message;
	return error;
}

/** The error a request ends with after `tries`, saying what the last answer was. */
export function finalError(
	node: INode,
	failure: Failure,
	tries: number,
	itemIndex: number | undefined,
): NodeApiError {
	if (failure.type === 'network') {
		const what = failure.established
			? 'Lost the connection to Mail Komplet'
			: 'Could not reach Mail Komplet';
		const message = `${what}: ${failure.label} (${failure.code}, ${triesText(tries)})`;
		return withMessage(
			new NodeApiError(node, { message, code: failure.code } as JsonObject, {
				message,
				description:
					'Check the Base URL in the Mail Komplet credential and the network connection, or raise Timeout and Max Tries under Retries and Timeout.',
				itemIndex,
			}),
			message,
		);
	}
	const { status, body } = failure;
	const detail = apiMessage(body);
	const unknownPath = isUnknownPath(status, body);
	let base =
		STATUS_MESSAGES[status] ??
		(status >= 500 ? 'Mail Komplet had a server error' : `Mail Komplet answered ${status}`);
	let hint = STATUS_HINTS[status] ?? (status >= 500 ? 'Try again in a few minutes.' : undefined);
	if (unknownPath) {
		base = 'Nothing at this address answers like Mail Komplet';
		hint =
			'The path is unknown, so no record was looked up. Check the Base URL in the Mail Komplet credential (normally https://api.mail-komplet.cz/api) and any proxy between n8n and Mail Komplet.';
	}
	const transient = TRANSIENT_STATUSES.includes(status);
	const message =
		detail && status === 400
			? `${base}: ${detail}`
			: transient
				? `${base} (${status}, ${triesText(tries)})`
				: base;
	// An HTML page is no message; a proxy's page is noise in an error.
	const said = detail && status !== 400 && !unknownPath ? `Mail Komplet said: ${detail}` : '';
	const description = [said, hint ?? ''].filter(Boolean).join(' ');
	return withMessage(
		new NodeApiError(
			node,
			{
				message,
				httpCode: String(status),
				...(detail && !unknownPath ? { detail } : {}),
			} as JsonObject,
			{ message, description, httpCode: String(status), itemIndex },
		),
		message,
	);
}

/**
 * A write whose answer was lost (a 5xx, or a connection broken after the request went out) and
 * that may not be repeated blindly: it may or may not have taken effect.
 */
export class AmbiguousWriteError extends NodeApiError {
	constructor(
		node: INode,
		readonly kind: 'create' | 'send',
		readonly lastFailure: Failure,
		readonly tries: number,
		itemIndex: number | undefined,
		description?: string,
	) {
		const what =
			kind === 'create'
				? 'Mail Komplet may or may not have created the record'
				: 'The message may or may not have been sent';
		const message = `${what}: the answer was lost (${describeFailure(lastFailure)}, ${triesText(tries)})`;
		super(node, { message } as JsonObject, {
			message,
			description:
				description ??
				(kind === 'create'
					? 'It was not sent again, so no second record is made. Look the record up in Mail Komplet before creating it again.'
					: 'It was not sent again, so it cannot go out twice. Check in Mail Komplet whether it went out before sending it again.'),
			httpCode: lastFailure.type === 'status' ? String(lastFailure.status) : undefined,
			itemIndex,
		});
		this.message = message;
	}
}
