import type {
	ICredentialsDecrypted,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { MailKompletContext } from './context';
import { asNodeError } from '../helpers/errors';
import { apiRequestAllItems } from './paging';
import { CREDENTIAL_TYPE, nodeParameter } from './context';
import type { Attempt, Failure } from './errors';
import type { Pace } from './pace';
import {
	AmbiguousWriteError,
	finalError,
	isAmbiguous,
	isTransient,
	isUnknownPath,
	networkFailure,
	notApiAnswer,
	quote,
	unknownFailure,
} from './errors';
import type { CreateSafety, RepeatSafety, SendSafety } from './policy';
import { backoffMs, parseRetryAfter, readRequestOptions, timing } from './policy';

export type { MailKompletContext } from './context';
export { CREDENTIAL_TYPE } from './context';
export { AmbiguousWriteError } from './errors';
export type { CreateSafety, RepeatSafety, RequestSettings, SendSafety } from './policy';
export {
	DEFAULT_REQUEST_SETTINGS,
	parseRetryAfter,
	readRequestOptions,
	requestOptionsProperty,
	timing,
} from './policy';

export type { ListResponse, PagingOptions } from './paging';
export { apiRequestAllItems, hasMorePages } from './paging';

export const LOGIN_CREDENTIAL_TYPE = 'mailKompletLoginApi';

/** With a login, the business unit the node chose; undefined for the one sign-in returns. */
function businessUnit(ctx: MailKompletContext, itemIndex = 0): string | undefined {
	return String(nodeParameter(ctx, 'businessUnit', '', itemIndex) ?? '').trim() || undefined;
}

/** The credential the node's Authentication option picks: API key (default) or login. */
export function credentialType(ctx: MailKompletContext): string {
	const authentication = nodeParameter(ctx, 'authentication', 'apiKey');
	return authentication === 'login' ? LOGIN_CREDENTIAL_TYPE : CREDENTIAL_TYPE;
}

interface RequestBase {
	/** Path segments after the baseCrypt; each is URL-encoded on its own. */
	path: Array<string | number>;
	qs?: IDataObject;
	/** A JSON object, or an array for endpoints that take many records (orders). */
	body?: IDataObject | IDataObject[];
	/** Item the request belongs to: errors point at it and its Retries and Timeout apply. */
	itemIndex?: number;
	/** Shared with the other requests of one run (the pages of a list): Retry-After pauses all. */
	pace?: Pace;
}

/** A read: always safe to repeat. */
export interface ReadRequest extends RequestBase {
	method: 'GET';
}

/** A write states whether it may be repeated when its answer is lost. */
export interface WriteRequest extends RequestBase {
	method: 'POST' | 'PUT' | 'DELETE' | 'PATCH';
	repeat: RepeatSafety;
}

export type ApiRequest = ReadRequest | WriteRequest;
export type CreateRequest = WriteRequest & { repeat: CreateSafety };
export type SendRequest = WriteRequest & { repeat: SendSafety };

const READ: RepeatSafety = { safe: true, why: 'a read changes nothing' };

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

/** The login was refused: final, whatever the operation; its message names no secret. */
class LoginError extends NodeApiError {}

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

type FullResponse = { statusCode: number; headers: IDataObject; body: unknown };

const SIGN_IN_FAILED = /Mail Komplet sign-in (failed[^\n]*|returned no account[^\n]*)/;

/** A failed sign-in (MailKompletLoginApi.preAuthentication's errors) as an error about the login, not the network. */
function signInError(
	ctx: MailKompletContext,
	error: Error,
	itemIndex?: number,
): LoginError | undefined {
	// n8n wraps it and may reword a message naming a network code; the original is the cause.
	const cause = (error as { cause?: Error }).cause;
	const match = SIGN_IN_FAILED.exec(`${error.message}\n${cause?.message ?? ''}`);
	if (!match) return undefined;
	const message = match[0];
	return new LoginError(ctx.getNode(), { message } as JsonObject, {
		message,
		description: 'Check the Mail Komplet Login credential.',
		itemIndex,
	});
}

/** One authenticated call; a failed sign-in becomes an error about the login that names no secret. */
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
		// Network faults go back to the retry loop as they are; a failed sign-in is final.
		throw signInError(ctx, error as Error, itemIndex) ?? error;
	}
}

/**
 * The sign-ins of a node run's login (one per run: the context is the run's). They go one at a
 * time; a sign-in that failed, and a business unit refused after signing in again, end them for
 * the run, and at most SIGN_INS_PER_MINUTE happen in a minute: with On Error > Continue, every
 * item signing in again would lock the login out.
 */
interface SignIns {
	running?: Promise<unknown>;
	failed?: LoginError;
	refusedUnits: Map<string, LoginError>;
	times: number[];
}

const SIGN_INS_PER_MINUTE = 3;
const signInsOfRun = new WeakMap<MailKompletContext, SignIns>();

function signInsOf(ctx: MailKompletContext): SignIns {
	let signIns = signInsOfRun.get(ctx);
	if (!signIns) signInsOfRun.set(ctx, (signIns = { refusedUnits: new Map(), times: [] }));
	return signIns;
}

/**
 * A call that signs in (`signIn`) as the run's only sign-in at that moment. A call that waited
 * for another one's sign-in makes no sign-in of its own: it uses that session (`reuse`).
 */
async function withSignIn(
	ctx: MailKompletContext,
	itemIndex: number | undefined,
	signIn: () => Promise<FullResponse>,
	reuse: () => Promise<FullResponse>,
): Promise<FullResponse> {
	const signIns = signInsOf(ctx);
	if (signIns.running) {
		await signIns.running.catch(() => undefined);
		if (signIns.failed) throw signIns.failed;
		return await reuse();
	}
	if (signIns.failed) throw signIns.failed;
	const now = timing.now();
	signIns.times = signIns.times.filter((time) => now - time < 60_000);
	if (signIns.times.length >= SIGN_INS_PER_MINUTE) {
		const message = `Mail Komplet ended the session ${SIGN_INS_PER_MINUTE} times within a minute`;
		throw new LoginError(ctx.getNode(), { message } as JsonObject, {
			message,
			description:
				'Not signing in again in this run, so the login is not locked out. Check whether another system signs in with the same login.',
			itemIndex,
		});
	}
	signIns.times.push(now);
	const running = signIn();
	signIns.running = running;
	// Registered before any waiter's, so a waiter sees the failure once it wakes.
	void running
		.catch((error: unknown) => {
			if (error instanceof LoginError) signIns.failed = error;
		})
		.finally(() => (signIns.running = undefined));
	return await running;
}

/**
 * With a login, Mail Komplet answers an expired session like a wrong login (403), so the call
 * is repeated once after signing in again: the credential handed to n8n without its session
 * makes n8n's pre-authentication sign in and store the new session. Without a session yet
 * (`signedIn` false) the call itself signs in.
 */
async function send(
	ctx: MailKompletContext,
	type: string,
	options: IHttpRequestOptions,
	itemIndex: number | undefined,
	signedIn: boolean,
): Promise<FullResponse> {
	const plain = async () => await call(ctx, type, options, itemIndex);
	if (type !== LOGIN_CREDENTIAL_TYPE) return await plain();
	const response = signedIn ? await plain() : await withSignIn(ctx, itemIndex, plain, plain);
	const refused = (status: number) => status === 401 || status === 403;
	if (!refused(response.statusCode)) return response;
	const unit = businessUnit(ctx, itemIndex) ?? '';
	const signIns = signInsOf(ctx);
	const known = signIns.refusedUnits.get(unit);
	if (known) throw known;
	const stored = ctx.getNode().credentials?.[type];
	const renewed = await withSignIn(
		ctx,
		itemIndex,
		async () =>
			await call(ctx, type, options, itemIndex, {
				id: stored?.id ?? '',
				name: stored?.name ?? '',
				type,
				data: { ...(await ctx.getCredentials(type, itemIndex)), sessionToken: '' },
			}),
		plain,
	);
	if (!refused(renewed.statusCode)) return renewed;
	const message = 'Mail Komplet refused the session for this business unit';
	const httpCode = String(renewed.statusCode);
	const error = new LoginError(ctx.getNode(), { message, httpCode } as JsonObject, {
		message,
		description:
			'Signing in again did not help. Check the Business Unit chosen in the node: its list shows the ones this login may use.',
		httpCode,
		itemIndex,
	});
	signIns.refusedUnits.set(unit, error);
	throw error;
}

/** Whether a request carries an ID (in its path, query or body), i.e. is about a record that may be missing. */
function namesRecord(request: ApiRequest): boolean {
	const isId = (key: string) => /^ids?$|Ids?$/.test(key);
	return (
		request.path.slice(1).some((segment) => /^\d+$/.test(String(segment))) ||
		Object.keys({ ...request.qs, ...request.body }).some(isId)
	);
}

/** The credential's values an error must never quote. */
function secretsOf(credentials: IDataObject): string[] {
	return ['apiKey', 'baseCrypt', 'password', 'sessionToken']
		.map((key) => String(credentials[key] ?? '').trim())
		.filter(Boolean);
}

/**
 * One Mail Komplet API call with auth, encoded URL, timeout, retries by the request's
 * RepeatSafety and mapped errors:
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
	const credentials = await this.getCredentials<{
		baseUrl?: string;
		baseCrypt: string;
		sessionToken?: string;
	}>(type, itemIndex);
	let signedIn = Boolean(credentials.sessionToken);
	const account =
		type === LOGIN_CREDENTIAL_TYPE
			? businessUnit(this, itemIndex)
			: String(credentials.baseCrypt ?? '').trim();
	const url = buildUrl(
		this,
		account === undefined ? '' : credentials.baseUrl || 'https://api.mail-komplet.cz/api',
		account,
		request.path,
		itemIndex,
	);
	const options: IHttpRequestOptions = {
		method: request.method,
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
	const repeat = request.method === 'GET' ? READ : request.repeat;
	const node = this.getNode();
	const secrets = [...secretsOf(credentials as IDataObject), ...(account ? [account] : [])];
	const attempt: Attempt = {
		endpoint: `${request.method} /${request.path.join('/')}`,
		write: request.method !== 'GET',
		namesRecord: namesRecord(request),
		secrets,
	};

	let waitedMs = 0;
	let answerLost = false;
	for (let tries = 1; ; tries++) {
		await request.pace?.ready();
		let failure: Failure | undefined;
		try {
			const response = await send(this, type, options, itemIndex, signedIn);
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

/**
 * How long a create's lookup waits before looking a second time: a create still being committed
 * when its answer was lost (a timeout, a gateway giving up) lands a moment later, and a single
 * early look would miss it and send a duplicate.
 */
export const LATE_COMMIT_MS = 2_000;

/**
 * A create that makes no duplicate when its answer is lost: the record is looked up by what
 * identifies it (`findExisting`, with the create's own item, so its credential and business
 * unit), and again after LATE_COMMIT_MS; found, it is the result; not found either time, the
 * create is sent once more. Returns the API's answer, or the found record.
 */
export async function createOnce(
	this: IExecuteFunctions,
	request: CreateRequest,
	findExisting: (this: IExecuteFunctions) => Promise<IDataObject | undefined>,
): Promise<unknown> {
	for (let sent = 1; ; sent++) {
		try {
			return await apiRequest.call(this, request);
		} catch (error) {
			if (!(error instanceof AmbiguousWriteError))
				throw asNodeError(this, error, request.itemIndex);
			// A failed lookup proves nothing either way, so it must not lead to a second create.
			const lookUp = async () => await findExisting.call(this).catch(() => error);
			let found = await lookUp();
			if (found === undefined) {
				await timing.sleep(LATE_COMMIT_MS);
				found = await lookUp();
			}
			if (found === error) throw asNodeError(this, error, request.itemIndex);
			if (found) return found;
			if (sent === 2) throw asNodeError(this, error, request.itemIndex);
		}
	}
}

/**
 * A transactional e-mail or SMS: never sent twice. When its answer is lost the item fails with
 * AmbiguousWriteError saying when it was sent and how to check (`howToCheck`), since Mail
 * Komplet has no idempotency key and a message it queued need not be listed yet.
 */
export async function sendOnce(
	this: IExecuteFunctions,
	request: SendRequest,
	howToCheck: string,
): Promise<unknown> {
	const sentAt = new Date(timing.now()).toISOString();
	try {
		return await apiRequest.call(this, request);
	} catch (error) {
		if (error instanceof AmbiguousWriteError) {
			error.description = `It was sent at ${sentAt} and not again, so it cannot go out twice. ${howToCheck} Send it again only if it is not listed.`;
		}
		throw asNodeError(this, error, request.itemIndex);
	}
}

/** E-mail addresses are one whatever their case, as Mail Komplet matches contacts; any other value only as it is. */
function sameValue(key: string, found: unknown, sent: unknown): boolean {
	const address =
		/e-?mail|address/i.test(key) && typeof found === 'string' && typeof sent === 'string';
	if (address) return found.trim().toLowerCase() === sent.trim().toLowerCase();
	return JSON.stringify(found ?? null) === JSON.stringify(sent ?? null);
}

/** A naive API timestamp is UTC (as the sandbox reads it). */
const timestamp = (value: string) =>
	Date.parse(/(Z|[+-]\d\d:?\d\d)$/.test(value) ? value : `${value}Z`);

/** A deleted record, or one whose validity ended (an expired unsubscribe), is not the one just created. */
function inEffect(record: IDataObject): boolean {
	if (record.deleted !== undefined && record.deleted !== null) return false;
	return typeof record.validTo !== 'string' || !(timestamp(record.validTo) <= timing.now());
}

/**
 * For createOnce: the newest record in effect of a list endpoint whose `identity` fields equal
 * the ones sent (a missing field counts as null), read in full pages with the request's item.
 */
export async function findRecord(
	this: IExecuteFunctions,
	request: ReadRequest,
	identity: IDataObject,
): Promise<IDataObject | undefined> {
	const records = await apiRequestAllItems.call(this, request, {
		returnAll: true,
		limit: Infinity,
		pageSize: 1000,
	});
	const matches = (record: IDataObject) =>
		inEffect(record) &&
		Object.entries(identity).every(([key, value]) => sameValue(key, record[key], value));
	return records.filter(matches).at(-1);
}
