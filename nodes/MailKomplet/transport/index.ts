import type {
	ICredentialsDecrypted,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';

export type MailKompletContext = IExecuteFunctions | ILoadOptionsFunctions;

export const CREDENTIAL_TYPE = 'mailKompletApi';

export const LOGIN_CREDENTIAL_TYPE = 'mailKompletLoginApi';

/** With a login, the business unit the node chose; undefined for the one sign-in returns. */
function businessUnit(ctx: MailKompletContext, itemIndex = 0): string | undefined {
	const value =
		'getInputData' in ctx
			? ctx.getNodeParameter('businessUnit', itemIndex, '', { extractValue: true })
			: ctx.getNodeParameter('businessUnit', '', { extractValue: true });
	return String(value ?? '').trim() || undefined;
}

/** The credential the node's Authentication option picks: API key (default) or login. */
export function credentialType(ctx: MailKompletContext): string {
	const authentication =
		'getInputData' in ctx
			? ctx.getNodeParameter('authentication', 0, 'apiKey')
			: ctx.getNodeParameter('authentication', 'apiKey');
	return authentication === 'login' ? LOGIN_CREDENTIAL_TYPE : CREDENTIAL_TYPE;
}

export interface ApiRequest {
	method: IHttpRequestMethods;
	/** Path segments after the baseCrypt; each is URL-encoded on its own. */
	path: Array<string | number>;
	qs?: IDataObject;
	body?: IDataObject;
	/** Item the request belongs to, so errors point at it. */
	itemIndex?: number;
}

export interface ListResponse {
	data?: IDataObject[];
	totalRecordCount?: number;
	pageCount?: number;
}

export interface PagingOptions {
	returnAll: boolean;
	limit: number;
	pageSize: number;
}

export const RETRY = {
	maxAttempts: 5,
	maxTotalWaitMs: 60_000,
	baseDelayMs: 1_000,
};

const STATUS_MESSAGES: Record<number, string> = {
	400: 'Mail Komplet rejected the request',
	401: 'API key or baseCrypt is wrong',
	403: 'API key or baseCrypt is wrong',
	404: 'The requested Mail Komplet record does not exist',
	405: 'Mail Komplet does not support this method on that path',
	415: 'Mail Komplet expects a JSON body',
	429: 'Mail Komplet rate limit reached',
};

const STATUS_HINTS: Record<number, string> = {
	400: 'Check the field named in the message above and correct its value.',
	401: 'Check the API key and baseCrypt in the Mail Komplet credential (Settings > API keys in Mail Komplet).',
	403: 'Check the API key and baseCrypt in the Mail Komplet credential (Settings > API keys in Mail Komplet).',
	404: 'Check the ID: it may have been deleted, or belong to another Mail Komplet account.',
	429: 'Too many requests in a short time. Retry later, or reduce how often the workflow runs.',
};

function isSafeSegment(segment: string): boolean {
	return segment !== '' && segment !== '.' && segment !== '..';
}

/** Without a baseCrypt, the path below the account sign-in returned, which the login credential prefixes. */
function buildUrl(
	ctx: MailKompletContext,
	baseUrl: string,
	baseCrypt: string | undefined,
	path: ApiRequest['path'],
	itemIndex: number | undefined,
): string {
	const segments = (baseCrypt === undefined ? path : [baseCrypt, ...path]).map(String);
	for (const segment of segments) {
		// Encoding keeps "/" inside one segment; dot segments would still climb out of the account.
		if (!isSafeSegment(segment)) {
			throw new NodeOperationError(ctx.getNode(), `Invalid path segment "${segment}"`, {
				itemIndex,
			});
		}
	}
	return `${baseUrl.replace(/\/+$/, '')}/${segments.map(encodeURIComponent).join('/')}`;
}

/** Seconds or an HTTP date, as RFC 9110 allows; undefined when absent or unreadable. */
export function parseRetryAfter(value: unknown, now = Date.now()): number | undefined {
	if (typeof value !== 'string' && typeof value !== 'number') return undefined;
	const text = String(value).trim();
	if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
	const date = Date.parse(text);
	return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function isRetryable(method: IHttpRequestMethods, status: number): boolean {
	if (status === 429) return true;
	// A 503 may have happened after the server acted; only idempotent methods are repeated.
	return status === 503 && method !== 'POST' && method !== 'PATCH';
}

function apiMessage(body: unknown): string | undefined {
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

function toApiError(
	ctx: MailKompletContext,
	status: number,
	body: unknown,
	itemIndex: number | undefined,
): NodeApiError {
	const detail = apiMessage(body);
	const base =
		STATUS_MESSAGES[status] ??
		(status >= 500 ? 'Mail Komplet had a server error' : `Mail Komplet answered ${status}`);
	const message = detail && status === 400 ? `${base}: ${detail}` : base;
	const hint = STATUS_HINTS[status] ?? (status >= 500 ? 'Try again in a few minutes.' : undefined);
	return new NodeApiError(
		ctx.getNode(),
		{
			message,
			httpCode: String(status),
			...(detail ? { detail } : {}),
		} as JsonObject,
		{
			message,
			description: [detail && status !== 400 ? `Mail Komplet said: ${detail}` : '', hint ?? '']
				.filter(Boolean)
				.join(' '),
			httpCode: String(status),
			itemIndex,
		},
	);
}

function networkError(ctx: MailKompletContext, error: Error, itemIndex?: number): NodeApiError {
	// Rebuilt from message and code only: the raw error carries the request config and its headers.
	const cause = (error as { cause?: { code?: string } }).cause;
	const code =
		(error as { code?: string }).code ??
		cause?.code ??
		/\b(E[A-Z]{4,})\b/.exec(error.message ?? '')?.[1];
	const message = `Could not reach Mail Komplet${code ? ` (${code})` : ''}`;
	return new NodeApiError(ctx.getNode(), { message, code: code ?? null } as JsonObject, {
		message,
		description: 'Check the Base URL in the Mail Komplet credential and the network connection.',
		itemIndex,
	});
}

type FullResponse = { statusCode: number; headers: IDataObject; body: unknown };

const SIGN_IN_FAILED = /Mail Komplet sign-in (failed[^\n]*|returned no account[^\n]*)/;

/** A failed sign-in (MailKompletLoginApi.preAuthentication's errors) as an error about the login, not the network. */
function signInError(
	ctx: MailKompletContext,
	error: Error,
	itemIndex?: number,
): NodeApiError | undefined {
	// n8n wraps it and may reword a message naming a network code; the original is the cause.
	const cause = (error as { cause?: Error }).cause;
	const match = SIGN_IN_FAILED.exec(`${error.message}\n${cause?.message ?? ''}`);
	if (!match) return undefined;
	const message = match[0];
	return new NodeApiError(ctx.getNode(), { message } as JsonObject, {
		message,
		description: 'Check the Mail Komplet Login credential.',
		itemIndex,
	});
}

/** One authenticated call; a network fault or failed sign-in becomes an error that names no secret. */
async function call(
	ctx: MailKompletContext,
	type: string,
	options: IHttpRequestOptions,
	itemIndex: number | undefined,
	session?: ICredentialsDecrypted,
): Promise<FullResponse> {
	try {
		return await ctx.helpers.httpRequestWithAuthentication.call(
			ctx,
			type,
			options,
			session ? { credentialsDecrypted: session } : undefined,
		);
	} catch (error) {
		throw (
			signInError(ctx, error as Error, itemIndex) ?? networkError(ctx, error as Error, itemIndex)
		);
	}
}

/**
 * With a login, Mail Komplet answers an expired session like a wrong login (403), so the call
 * is repeated once after signing in again: the credential handed to n8n without its session
 * makes n8n's pre-authentication sign in and store the new session.
 */
async function send(
	ctx: MailKompletContext,
	type: string,
	options: IHttpRequestOptions,
	itemIndex: number | undefined,
): Promise<FullResponse> {
	const response = await call(ctx, type, options, itemIndex);
	const refused = (status: number) => status === 401 || status === 403;
	if (type !== LOGIN_CREDENTIAL_TYPE || !refused(response.statusCode)) return response;
	const stored = ctx.getNode().credentials?.[type];
	const renewed = await call(ctx, type, options, itemIndex, {
		id: stored?.id ?? '',
		name: stored?.name ?? '',
		type,
		data: { ...(await ctx.getCredentials(type, itemIndex)), sessionToken: '' },
	});
	if (!refused(renewed.statusCode)) return renewed;
	const message = 'Mail Komplet refused the session for this business unit';
	const httpCode = String(renewed.statusCode);
	throw new NodeApiError(ctx.getNode(), { message, httpCode } as JsonObject, {
		message,
		description:
			'Signing in again did not help. Check the Business Unit chosen in the node: its list shows the ones this login may use.',
		httpCode,
		itemIndex,
	});
}

/** One Mail Komplet API call with auth, encoded URL, bounded retries and mapped errors. */
export async function apiRequest(this: MailKompletContext, request: ApiRequest): Promise<unknown> {
	const type = credentialType(this);
	const credentials = await this.getCredentials<{
		baseUrl?: string;
		baseCrypt: string;
	}>(type, request.itemIndex);
	const account =
		type === LOGIN_CREDENTIAL_TYPE
			? businessUnit(this, request.itemIndex)
			: String(credentials.baseCrypt ?? '').trim();
	const url = buildUrl(
		this,
		account === undefined ? '' : credentials.baseUrl || 'https://api.mail-komplet.cz/api',
		account,
		request.path,
		request.itemIndex,
	);
	const options: IHttpRequestOptions = {
		method: request.method,
		url,
		qs: request.qs,
		json: true,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
	};
	if (request.body !== undefined) {
		options.body = request.body;
		options.headers = { 'Content-Type': 'application/json' };
	}

	let waitedMs = 0;
	for (let attempt = 1; ; attempt++) {
		const response = await send(this, type, options, request.itemIndex);
		const status = response.statusCode;
		if (status < 300) return response.body;

		if (isRetryable(request.method, status) && attempt < RETRY.maxAttempts) {
			const delay =
				parseRetryAfter(response.headers?.['retry-after']) ??
				RETRY.baseDelayMs * 2 ** (attempt - 1);
			if (waitedMs + delay <= RETRY.maxTotalWaitMs) {
				waitedMs += delay;
				await sleep(delay);
				continue;
			}
		}
		throw toApiError(this, status, response.body, request.itemIndex);
	}
}

/** Whether a list endpoint has pages after `page`, by the server's own counts. */
export function hasMorePages(
	response: ListResponse | undefined,
	page: number,
	pageSize: number,
	received: number,
): boolean {
	if (received === 0) return false;
	if (typeof response?.pageCount === 'number') return page < response.pageCount;
	if (typeof response?.totalRecordCount === 'number') {
		return (page - 1) * pageSize + received < response.totalRecordCount;
	}
	return received >= pageSize;
}

/**
 * Reads a paged list endpoint. Trusts the server's own counts: after a short first page the
 * page size follows what the server returned, so servers that cap the size and servers that
 * truncate both yield every record exactly once.
 */
export async function apiRequestAllItems(
	this: MailKompletContext,
	request: ApiRequest,
	paging: PagingOptions,
): Promise<IDataObject[]> {
	const wanted = paging.returnAll ? Infinity : paging.limit;
	let pageSize = Math.min(paging.pageSize, wanted);
	const records: IDataObject[] = [];
	for (let page = 1; records.length < wanted; page++) {
		const response = (await apiRequest.call(this, {
			...request,
			qs: { ...request.qs, page, pageSize },
		})) as ListResponse | undefined;
		const data = Array.isArray(response?.data) ? response.data : [];
		for (const record of data) {
			if (records.length >= wanted) break;
			records.push(record);
		}

		if (!hasMorePages(response, page, pageSize, data.length)) break;
		const total = response?.totalRecordCount;
		if (typeof total === 'number' && records.length >= total) break;
		if (page === 1 && data.length < pageSize) {
			// Page 2 onwards at the size the server actually serves, so offsets line up.
			pageSize = data.length;
			page = Math.floor(records.length / pageSize);
		}
	}
	return records;
}
