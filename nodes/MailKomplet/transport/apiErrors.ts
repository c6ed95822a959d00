import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { DEFAULT_BASE_URL, isTransientStatus } from './api';
import type { Attempt, Failure } from './failures';
import { apiMessage } from './failures';

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

const BASE_URL_HINT = `Check the Base URL in the Mail Komplet credential (normally ${DEFAULT_BASE_URL}) and any proxy between n8n and Mail Komplet.`;

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
