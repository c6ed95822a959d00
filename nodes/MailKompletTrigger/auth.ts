import { createHmac, randomBytes, timingSafeEqual } from 'crypto';
import type {
	ICredentialDataDecryptedObject,
	ICredentialsDecrypted,
	INodeCredentialTestResult,
	IWebhookFunctions,
} from 'n8n-workflow';

import type { IncomingRequestLike } from './body';

export type AuthenticationMode = 'none' | 'sharedSecret' | 'basicAuth';

export const SECRET_CREDENTIAL = 'mailKompletWebhookSecretApi';
export const BASIC_AUTH_CREDENTIAL = 'mailKompletWebhookBasicAuthApi';

/** Secrets shorter than this fail the credential test (they still work). */
export const MIN_SECRET_LENGTH = 16;

export const BASIC_REALM = 'Mail Komplet Trigger';

export type AuthResult =
	| { ok: true }
	| { ok: false; status: number; reason: string; headers?: Record<string, string> };

/** A per-process key: comparing HMACs keeps equal-length digests, so lengths do not leak. */
const COMPARE_KEY = randomBytes(32);

/** Compares two strings in constant time, whatever their lengths. */
export function safeEqual(received: string, expected: string): boolean {
	const a = createHmac('sha256', COMPARE_KEY).update(received, 'utf8').digest();
	const b = createHmac('sha256', COMPARE_KEY).update(expected, 'utf8').digest();
	return timingSafeEqual(a, b);
}

const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

const NOT_CONFIGURED = {
	ok: false,
	status: 500,
	reason: 'Webhook authentication is not set up in n8n',
} as const;
const MISSING = { ok: false, status: 401, reason: 'Authentication required' } as const;
const WRONG = { ok: false, status: 403, reason: 'Authentication failed' } as const;

function text(value: unknown): string {
	return typeof value === 'string' ? value : '';
}

/**
 * The one value of a header or query parameter: undefined when absent or empty, null when it
 * is not a single string (sent twice, or a nested query object).
 */
function singleValue(value: unknown): string | undefined | null {
	if (value === undefined || value === null) return undefined;
	if (Array.isArray(value)) {
		if (value.length === 0) return undefined;
		return value.length === 1 && typeof value[0] === 'string' ? singleValue(value[0]) : null;
	}
	if (typeof value !== 'string') return null;
	return value === '' ? undefined : value;
}

function ownValue(container: unknown, key: string): unknown {
	if (typeof container !== 'object' || container === null) return undefined;
	return Object.prototype.hasOwnProperty.call(container, key)
		? (container as Record<string, unknown>)[key]
		: undefined;
}

export function checkSharedSecret(
	credentials: ICredentialDataDecryptedObject,
	req: IncomingRequestLike,
): AuthResult {
	const secret = text(credentials.secret);
	if (secret === '') return NOT_CONFIGURED;

	let provided: string | undefined | null;
	if (credentials.location === 'header') {
		const name = text(credentials.headerName).trim().toLowerCase();
		if (!HEADER_NAME.test(name)) return NOT_CONFIGURED;
		provided = singleValue(ownValue(req.headers, name));
	} else {
		const name = text(credentials.queryParameterName).trim();
		if (name === '') return NOT_CONFIGURED;
		provided = singleValue(ownValue(req.query, name));
	}

	if (provided === undefined) return MISSING;
	if (provided === null) return WRONG;
	return safeEqual(provided, secret) ? { ok: true } : WRONG;
}

export function checkBasicAuth(
	credentials: ICredentialDataDecryptedObject,
	req: IncomingRequestLike,
): AuthResult {
	const user = text(credentials.user);
	const password = text(credentials.password);
	if (password === '') return NOT_CONFIGURED;

	const challenge = { 'WWW-Authenticate': `Basic realm="${BASIC_REALM}", charset="UTF-8"` };
	const header = ownValue(req.headers, 'authorization');
	const match = typeof header === 'string' ? /^basic(?:\s+(\S*))?\s*$/i.exec(header.trim()) : null;
	if (!match) return { ...MISSING, headers: challenge };

	const decoded = Buffer.from(match[1] ?? '', 'base64').toString('utf8');
	const colon = decoded.indexOf(':');
	if (colon < 0) return WRONG;
	// Both comparisons run, so the time taken does not tell which one failed.
	const userMatches = safeEqual(decoded.slice(0, colon), user);
	const passwordMatches = safeEqual(decoded.slice(colon + 1), password);
	return userMatches && passwordMatches ? { ok: true } : WRONG;
}

/** Checks the caller against the node's authentication setting. */
export async function authenticate(
	this: IWebhookFunctions,
	mode: string,
	req: IncomingRequestLike,
): Promise<AuthResult> {
	if (mode === 'none') return { ok: true };
	if (mode !== 'sharedSecret' && mode !== 'basicAuth') return NOT_CONFIGURED;

	let credentials: ICredentialDataDecryptedObject;
	try {
		credentials = await this.getCredentials(
			mode === 'sharedSecret' ? SECRET_CREDENTIAL : BASIC_AUTH_CREDENTIAL,
		);
	} catch {
		return NOT_CONFIGURED;
	}
	return mode === 'sharedSecret'
		? checkSharedSecret(credentials, req)
		: checkBasicAuth(credentials, req);
}

function tooShort(value: string): boolean {
	return value.length < MIN_SECRET_LENGTH;
}

/** Credential test for the shared secret: nothing to call, so the values are checked. */
export async function testSecretCredential(
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const data = credential.data ?? {};
	if (data.location === 'header') {
		const name = text(data.headerName).trim();
		if (!HEADER_NAME.test(name)) {
			return {
				status: 'Error',
				message: 'The header name is empty or not a valid HTTP header name',
			};
		}
	} else if (text(data.queryParameterName).trim() === '') {
		return { status: 'Error', message: 'The query parameter name is empty' };
	}
	const secret = text(data.secret);
	if (secret === '') return { status: 'Error', message: 'The secret is empty' };
	if (tooShort(secret)) {
		return {
			status: 'Error',
			message: `The secret is shorter than ${MIN_SECRET_LENGTH} characters: use a long random value`,
		};
	}
	return { status: 'OK', message: 'The secret is set. Mail Komplet must send it with every call.' };
}

/** Credential test for Basic Auth: nothing to call, so the values are checked. */
export async function testBasicAuthCredential(
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const data = credential.data ?? {};
	const user = text(data.user);
	const password = text(data.password);
	if (user === '') return { status: 'Error', message: 'The user is empty' };
	if (user.includes(':')) {
		return {
			status: 'Error',
			message: 'The user must not contain a colon (Basic Auth splits on it)',
		};
	}
	if (password === '') return { status: 'Error', message: 'The password is empty' };
	if (tooShort(password)) {
		return {
			status: 'Error',
			message: `The password is shorter than ${MIN_SECRET_LENGTH} characters: use a long random value`,
		};
	}
	return {
		status: 'OK',
		message: 'User and password are set. Mail Komplet must send them as Basic Auth.',
	};
}
