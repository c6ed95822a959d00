/**
 * Facts about the Mail Komplet API that the credentials and the transport both rely on. The
 * credentials import this file, so it imports nothing but n8n-workflow types.
 */

export const DEFAULT_BASE_URL = 'https://api.mail-komplet.cz/api';

/** Headers every request carries, as the reference documents them. */
export const API_HEADERS = {
	Accept: 'application/json;charset:utf-8',
	'X-Requested-With': 'XMLHttpRequest',
};

/**
 * Answers that say "not now" (429, and any 5xx but 501, which says the server cannot do it at
 * all): worth trying again.
 */
export function isTransientStatus(status: number): boolean {
	return status === 429 || (status >= 500 && status <= 599 && status !== 501);
}

/** Encoding keeps "/" inside one segment; dot segments would still climb out of the account. */
export function isSafeSegment(segment: string): boolean {
	return segment !== '' && segment !== '.' && segment !== '..';
}

/** The Base URL without trailing slashes, or the default when none is set. */
export function baseUrlOf(credentials: { baseUrl?: unknown }): string {
	return String(credentials.baseUrl || DEFAULT_BASE_URL).replace(/\/+$/, '');
}

/**
 * Why a Base URL must not be used with a secret (`what`: "the password", "the API key"), or
 * undefined when it may: https, or plain http to this machine (a local sandbox).
 */
export function insecureBaseUrl(baseUrl: string, what: string): string | undefined {
	let url: URL;
	try {
		url = new URL(baseUrl);
	} catch {
		return 'the Base URL is not a URL';
	}
	const local = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
	if (url.protocol === 'https:' || (url.protocol === 'http:' && local)) return undefined;
	return `the Base URL must start with https:// (plain http:// only for localhost), so ${what} never travels unencrypted`;
}

/**
 * A sign-in that failed or gave no account. Thrown by the login credential; n8n wraps it (as
 * `cause`), so the transport recognises it by `isMailKompletSignIn`, which survives the
 * wrapping, not by its text. Not by a `code` either: n8n's credential test shows a cause's
 * `code` instead of its message.
 */
export class SignInError extends Error {
	readonly isMailKompletSignIn = true;

	constructor(message: string) {
		super(message);
		this.name = 'MailKompletSignInError';
	}
}

/** The SignInError in an error or the errors it wraps. */
export function findSignInError(error: unknown): { message: string } | undefined {
	for (let link = error, depth = 0; link && typeof link === 'object' && depth < 5; depth++) {
		if ((link as Partial<SignInError>).isMailKompletSignIn === true) return link as SignInError;
		link = (link as { cause?: unknown }).cause;
	}
	return undefined;
}
