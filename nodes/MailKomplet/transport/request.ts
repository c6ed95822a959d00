import type { IDataObject, IHttpRequestOptions, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { baseUrlOf, DEFAULT_BASE_URL, insecureBaseUrl } from './api';
import { AmbiguousWriteError, finalError, isUnknownPath } from './apiErrors';
import type { MailKompletContext } from './context';
import { LOGIN_CREDENTIAL } from './context';
import type { EndpointSpec, PathParams, RepeatSafety } from './endpoint';
import { buildUrl, isWrite, methodOf, pathOf } from './endpoint';
import type { Attempt, Failure } from './failures';
import {
	isAmbiguous,
	isTransient,
	networkFailure,
	notApiAnswer,
	quote,
	unknownFailure,
} from './failures';
import type { Pace } from './pace';
import {
	businessUnit,
	credentialType,
	LoginError,
	requestRenewingSession,
	runCredential,
} from './session';
import { backoffMs, parseRetryAfter, readRequestOptions, timing } from './settings';

/** One request of an operation: the endpoint it declared, and what fills it. */
export interface ApiRequest<Spec extends EndpointSpec = EndpointSpec> {
	endpoint: Spec;
	/** Values of the endpoint's `{name}` path parameters; each is URL-encoded on its own. */
	params?: PathParams;
	qs?: IDataObject;
	/** A JSON object, or an array for endpoints that take many records (e.g. orders). */
	body?: IDataObject | IDataObject[];
	/** Item the request belongs to: errors point at it and its Retries and Timeout apply. */
	itemIndex?: number;
	/** Shared with the other requests of one run (the pages of a list): Retry-After pauses all. */
	pace?: Pace;
}

const READ: RepeatSafety = { safe: true, why: 'a read changes nothing' };

/** An error that is no connection failure (a cancelled run): rebuilt without the request config and its headers; a LoginError is already safe. */
function unexpectedError(
	ctx: MailKompletContext,
	error: Error,
	secrets: string[],
	itemIndex?: number,
): NodeApiError {
	if (error instanceof LoginError) return error;
	const message = quote(error.message || 'Request to Mail Komplet failed', secrets);
	const rebuilt = new NodeApiError(ctx.getNode(), { message } as JsonObject, {
		message,
		itemIndex,
	});
	rebuilt.message = message;
	return rebuilt;
}

/** Whether a request carries an ID (in its path, query or body), i.e. is about a record that may be missing. */
function namesRecord(path: string[], request: ApiRequest): boolean {
	const isId = (key: string) => /^ids?$|Ids?$/.test(key);
	return (
		path.slice(1).some((segment) => /^\d+$/.test(segment)) ||
		Object.keys({ ...request.qs, ...request.body }).some(isId)
	);
}

/** The credential's values an error must never quote. */
function secretsOf(credentials: IDataObject): string[] {
	return ['apiKey', 'baseCrypt', 'password', 'sessionToken']
		.map((key) => String(credentials[key] ?? '').trim())
		.filter(Boolean);
}

/** "GET /contacts/12": the request as errors name it, without the account. */
export function describeRequest(ctx: MailKompletContext, request: ApiRequest): string {
	const path = pathOf(ctx, request.endpoint, request.params, request.itemIndex);
	return `${methodOf(request.endpoint)} /${path.join('/')}`;
}

/**
 * One Mail Komplet API request with auth, encoded URL, timeout, retries by the endpoint's
 * repeat-safety and mapped errors:
 * - safe requests retry 429, any 5xx but 501, connection failures and answers that are not
 *   Mail Komplet's (a web page, a redirect, which is never followed);
 * - unsafe ones retry only what proves nothing happened (429, a connection never made), throw
 *   AmbiguousWriteError when the answer was lost (any 5xx but 501, a connection broken after
 *   sending, an unreadable answer, any unexpected error) and fail as not done on an answer that
 *   is not Mail Komplet's;
 * - waits follow Retry-After (seconds or date), else exponential backoff with jitter, bounded
 *   by the item's Max Tries and Max Total Wait.
 */
export async function apiRequest(this: MailKompletContext, request: ApiRequest): Promise<unknown> {
	const { itemIndex } = request;
	const settings = readRequestOptions(this, itemIndex ?? 0);
	const type = credentialType(this);
	const credential = await runCredential(this, type);
	const credentials = credential.data as {
		baseUrl?: string;
		baseCrypt?: string;
		sessionToken?: string;
	};
	let signedIn = Boolean(credentials.sessionToken);
	const account =
		type === LOGIN_CREDENTIAL
			? businessUnit(this, itemIndex)
			: String(credentials.baseCrypt ?? '').trim();
	const baseUrl = baseUrlOf(credentials);
	const insecure = insecureBaseUrl(baseUrl, 'the API key');
	if (insecure && type !== LOGIN_CREDENTIAL) {
		throw new NodeOperationError(this.getNode(), `Mail Komplet API credential: ${insecure}`, {
			itemIndex,
			description: `Set the credential's Base URL to ${DEFAULT_BASE_URL}, or to an https:// address.`,
		});
	}
	const path = pathOf(this, request.endpoint, request.params, itemIndex);
	// Without an account, the path below the one sign-in returned, which the login credential prefixes.
	const url =
		account === undefined
			? buildUrl(this, '', path, itemIndex)
			: buildUrl(this, baseUrl, [account, ...path], itemIndex);
	const method = methodOf(request.endpoint);
	const options: IHttpRequestOptions = {
		method,
		url,
		qs: request.qs,
		json: true,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		disableFollowRedirect: true,
		timeout: settings.timeoutMs,
	};
	if (request.body !== undefined) {
		options.body = request.body;
		options.headers = { 'Content-Type': 'application/json' };
	}
	const repeat = isWrite(request.endpoint) ? request.endpoint.repeat : READ;
	const node = this.getNode();
	const secrets = [...secretsOf(credentials as IDataObject), ...(account ? [account] : [])];
	const attempt: Attempt = {
		endpoint: `${method} /${path.join('/')}`,
		write: method !== 'GET',
		namesRecord: namesRecord(path, request),
		secrets,
	};

	let waitedMs = 0;
	let answerLost = false;
	for (let tries = 1; ; tries++) {
		await request.pace?.ready();
		let failure: Failure | undefined;
		try {
			const response = await requestRenewingSession(this, credential, options, itemIndex, signedIn);
			signedIn = true;
			if (response.statusCode >= 400) {
				failure = {
					type: 'status',
					status: response.statusCode,
					body: response.body,
					headers: response.headers ?? {},
				};
			} else {
				failure = notApiAnswer(response, url, secrets);
				if (!failure) return response.body;
			}
		} catch (error) {
			const login = error instanceof LoginError;
			failure = login ? undefined : networkFailure(error);
			if (!failure) {
				// Not a connection failure: nothing says whether a write went out, so it is not repeated.
				if (repeat.safe || login) {
					throw unexpectedError(this, error as Error, secrets, itemIndex);
				}
				failure = unknownFailure(error, secrets);
			}
		}

		// A delete repeated after a lost answer finds the record gone: the lost try deleted it.
		if (
			answerLost &&
			repeat.safe &&
			repeat.goneMeansDone &&
			failure.type === 'status' &&
			failure.status === 404 &&
			!isUnknownPath(failure, attempt)
		) {
			return undefined;
		}
		if (!repeat.safe && isAmbiguous(failure)) {
			throw new AmbiguousWriteError(node, repeat.kind, failure, tries, itemIndex);
		}
		// An answer from something else is retried only where a repeat is harmless.
		const retryable = isTransient(failure) && (repeat.safe || failure.type !== 'foreign');
		if (!retryable) throw finalError(node, failure, tries, itemIndex, attempt);
		answerLost ||= isAmbiguous(failure);

		const retryAfter =
			failure.type === 'status' ? parseRetryAfter(failure.headers['retry-after']) : undefined;
		const delay = retryAfter ?? backoffMs(settings, tries);
		if (tries >= settings.maxTries || waitedMs + delay > settings.maxWaitMs) {
			throw finalError(node, failure, tries, itemIndex, attempt);
		}
		if (retryAfter !== undefined || (failure.type === 'status' && failure.status === 429)) {
			request.pace?.slowDown(delay);
		}
		waitedMs += delay;
		await timing.sleep(delay);
	}
}
