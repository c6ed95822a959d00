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

const DEFAULT_BASE_URL = 'https://api.mail-komplet.cz/api';

const API_HEADERS = {
	Accept: 'application/json;charset:utf-8',
	'X-Requested-With': 'XMLHttpRequest',
};

/** The cookie pairs of Set-Cookie headers, as a Cookie header sends them back. */
function cookieHeader(setCookie: unknown): string {
	const lines = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
	return lines
		.map((line) => String(line).split(';')[0].trim())
		.filter((pair) => pair.includes('='))
		.join('; ');
}

/** Sign-in tries in all, and how long each may take: a sign-in is safe to repeat, a hung one must end. */
const SIGN_IN_TRIES = 3;
const SIGN_IN_TIMEOUT_MS = 30_000;
const SIGN_IN_RETRY_MS = 500;

/** Answers that say "not now" rather than "wrong login": 429 and any 5xx but 501. */
const isTransient = (status: number) => status === 429 || (status >= 500 && status !== 501);

/** The password goes in the body: only over https, or plain http to this machine (a local sandbox). */
function checkBaseUrl(baseUrl: string): void {
	let url: URL;
	try {
		url = new URL(baseUrl);
	} catch {
		throw new Error('Mail Komplet sign-in failed: the Base URL is not a URL');
	}
	const local = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
	if (url.protocol === 'https:' || (url.protocol === 'http:' && local)) return;
	throw new Error(
		`Mail Komplet sign-in failed: the Base URL must start with https:// (plain http:// only for localhost), so the password never travels unencrypted`,
	);
}

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
		const baseUrl = String(credentials.baseUrl || DEFAULT_BASE_URL).replace(/\/+$/, '');
		checkBaseUrl(baseUrl);
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
			if ((response && !isTransient(response.statusCode)) || tries >= SIGN_IN_TRIES) break;
			await sleep(SIGN_IN_RETRY_MS * 2 ** (tries - 1));
		}
		// A new error: the raw one carries the request, password included.
		if (!response) throw new Error(`Mail Komplet sign-in failed: could not reach ${baseUrl}`);
		const body = (response.body ?? {}) as IDataObject;
		const data = (body.data && typeof body.data === 'object' ? body.data : body) as IDataObject;
		const sessionToken = cookieHeader(response.headers?.['set-cookie']);
		if (response.statusCode >= 300 || !sessionToken || typeof data.baseCrypt !== 'string') {
			throw new Error(
				`Mail Komplet sign-in failed (${response.statusCode}): check the server, user name and password`,
			);
		}
		return { sessionToken, baseCrypt: data.baseCrypt };
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
			if (['', '.', '..'].includes(account)) {
				throw new Error('Mail Komplet sign-in returned no account: choose a Business Unit');
			}
			const baseUrl = String(credentials.baseUrl || DEFAULT_BASE_URL).replace(/\/+$/, '');
			requestOptions.baseURL = `${baseUrl}/${encodeURIComponent(account)}`;
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
