import type {
	Icon,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IDataObject,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import {
	API_HEADERS,
	baseUrlOf,
	DEFAULT_BASE_URL,
	insecureBaseUrl,
	isSafeSegment,
	isTransientStatus,
	SignInError,
} from '../nodes/MailKomplet/transport/api';

/** The cookie pairs of Set-Cookie headers, whatever their names, as a Cookie header sends them back. */
function cookieHeader(setCookie: unknown): string {
	const lines = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
	return lines
		.map((line) => String(line).split(';')[0].trim())
		.filter((pair) => pair.includes('='))
		.join('; ');
}

/** The account key of a sign-in answer: baseCrypt in any case, at the top level or under data. */
function accountKey(body: unknown): string | undefined {
	const records = [
		body,
		(body as IDataObject | undefined)?.data ?? (body as IDataObject | undefined)?.Data,
	];
	for (const record of records) {
		if (!record || typeof record !== 'object') continue;
		for (const [key, value] of Object.entries(record)) {
			if (key.toLowerCase() === 'basecrypt' && typeof value === 'string' && value.trim()) {
				return value;
			}
		}
	}
	return undefined;
}

/** Sign-in tries in all, and how long each may take: a sign-in is safe to repeat, a hung one must end. */
const SIGN_IN_TRIES = 3;
const SIGN_IN_TIMEOUT_MS = 30_000;
const SIGN_IN_RETRY_MS = 500;

export class MailKompletLoginApi implements ICredentialType {
	name = 'mailKompletLoginApi';

	displayName = 'Mail Komplet Login API';

	icon: Icon = {
		light: 'file:../icons/mailKomplet.svg',
		dark: 'file:../icons/mailKomplet.dark.svg',
	};

	documentationUrl =
		'https://github.com/mail-komplet/n8n-nodes-mail-komplet#login-several-accounts-agencies';

	properties: INodeProperties[] = [
		{
			displayName: 'Server',
			name: 'server',
			type: 'string',
			default: '01',
			required: true,
			description:
				'The server your Mail Komplet account lives on, as on the Mail Komplet sign-in page, e.g. 01',
		},
		{
			displayName: 'User Name',
			name: 'userName',
			type: 'string',
			default: '',
			required: true,
			description: 'The login name you sign in to Mail Komplet with',
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The password you sign in to Mail Komplet with',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: DEFAULT_BASE_URL,
			description:
				'Leave the default for the real Mail Komplet. Change it only to point the node at a local Mail Komplet sandbox.',
		},
		// Filled by signing in; n8n signs in again when they are empty or the node reports them expired.
		{
			displayName: 'Session Token',
			name: 'sessionToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
		{
			displayName: 'Signed-In BaseCrypt',
			name: 'baseCrypt',
			type: 'hidden',
			default: '',
		},
	];

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		const baseUrl = baseUrlOf(credentials);
		const insecure = insecureBaseUrl(baseUrl, 'the password');
		if (insecure) throw new SignInError(`Mail Komplet sign-in failed: ${insecure}`);
		const signIn = async () =>
			await this.helpers.httpRequest({
				method: 'POST',
				url: `${baseUrl}/authentication/signIn`,
				headers: { ...API_HEADERS, 'Content-Type': 'application/json' },
				body: {
					server: credentials.server,
					userName: credentials.userName,
					password: credentials.password,
				},
				json: true,
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
				// A redirect could carry the password elsewhere.
				disableFollowRedirect: true,
				timeout: SIGN_IN_TIMEOUT_MS,
			});
		let response: { statusCode: number; headers: IDataObject; body: unknown } | undefined;
		for (let tries = 1; ; tries++) {
			response = await signIn().catch(() => undefined);
			if ((response && !isTransientStatus(response.statusCode)) || tries >= SIGN_IN_TRIES) break;
			await sleep(SIGN_IN_RETRY_MS * 2 ** (tries - 1));
		}
		// A new error: the raw one carries the request, password included.
		if (!response) throw new SignInError(`Mail Komplet sign-in failed: could not reach ${baseUrl}`);
		const sessionToken = cookieHeader(response.headers?.['set-cookie']);
		if (response.statusCode >= 300 || !sessionToken) {
			throw new SignInError(
				`Mail Komplet sign-in failed (${response.statusCode}): check the server, user name and password`,
			);
		}
		const baseCrypt = accountKey(response.body);
		if (baseCrypt === undefined) {
			throw new SignInError(
				'Mail Komplet signed in but its answer carried no account key (baseCrypt), so the node cannot tell which account to use: choose a Business Unit in the node, or report the answer to Mail Komplet',
			);
		}
		return { sessionToken, baseCrypt };
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		requestOptions.headers = {
			...requestOptions.headers,
			...API_HEADERS,
			Cookie: String(credentials.sessionToken ?? ''),
		};
		// Without a chosen business unit the node sends paths below the account sign-in returned.
		if (requestOptions.baseURL === undefined && !/^https?:\/\//i.test(requestOptions.url)) {
			const account = String(credentials.baseCrypt ?? '').trim();
			if (!isSafeSegment(account)) {
				throw new SignInError('Mail Komplet sign-in returned no account: choose a Business Unit');
			}
			requestOptions.baseURL = `${baseUrlOf(credentials)}/${encodeURIComponent(account)}`;
		}
		return requestOptions;
	}

	// Signing in is the test; n8n's pre-authentication has signed in once already, so a wrong login fails there.
	test: ICredentialTestRequest = {
		request: {
			method: 'POST',
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/authentication/signIn',
			body: {
				server: '={{$credentials.server}}',
				userName: '={{$credentials.userName}}',
				password: '={{$credentials.password}}',
			},
		},
		rules: [
			{
				type: 'responseCode',
				properties: { value: 403, message: 'Server, user name or password is wrong' },
			},
		],
	};
}
