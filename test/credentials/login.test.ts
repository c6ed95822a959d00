import { ErrorReporter } from 'n8n-core';
import type { ICredentialDataDecryptedObject, IDataObject, IHttpRequestHelper } from 'n8n-workflow';

import { MailKompletLoginApi } from '../../credentials/MailKompletLoginApi.credentials';
import type { LoginCredentials } from '../harness';
import { jsonOf, listSearch, runNode } from '../harness';
import { byId, useSandbox } from '../helpers/sandbox';

const t = useSandbox();

/** A saved Login credential that has never signed in. */
function login(overrides: Partial<LoginCredentials> = {}): LoginCredentials {
	return { ...t.sandbox.login, baseUrl: t.sandbox.url, ...overrides };
}

const LOGIN_HEADERS = {
	accept: 'application/json;charset:utf-8',
	'x-requested-with': 'XMLHttpRequest',
};

async function runWithLogin(
	credential: LoginCredentials,
	parameters: IDataObject,
	options: { continueOnFail?: boolean; typeVersion?: number } = {},
) {
	return await runNode({
		parameters: { authentication: 'login', ...parameters },
		credentials: t.credentials,
		login: credential,
		...options,
	});
}

/** Method and path of each request the sandbox received, the sign-ins included. */
const calls = () => t.sandbox.takeRequests().map((r) => `${r.method} ${r.path} ${r.status}`);

const SIGN_IN_OK = 'POST /api/authentication/signIn 200';

describe('Authentication: Login', () => {
	it('signs in through n8n pre-authentication, keeps the session in the credential and sends it as a cookie', async () => {
		t.sandbox.store.addMailingList({ name: 'Customers' });
		const credential = login();

		const result = await runWithLogin(credential, {
			resource: 'mailingList',
			operation: 'getAll',
			returnAll: true,
		});

		expect(result.error).toBeUndefined();
		expect(jsonOf(result).map((list) => list.name)).toEqual(['Customers']);
		const [signIn, list] = t.sandbox.requests;
		expect(signIn).toMatchObject({
			method: 'POST',
			path: '/api/authentication/signIn',
			body: { server: '01', userName: 'sandbox-user', password: 'sandbox-password' },
			headers: { ...LOGIN_HEADERS, 'content-type': 'application/json' },
		});
		expect(list).toMatchObject({
			method: 'GET',
			path: '/api/sandboxBaseCrypt/mailingLists',
			headers: LOGIN_HEADERS,
			status: 200,
		});
		expect(list.headers.authorization).toBeUndefined();
		expect(list.headers.cookie).toMatch(/^\.ASPXAUTH=[0-9a-f]{48}$/);
		expect(credential).toMatchObject({
			sessionToken: list.headers.cookie,
			baseCrypt: 'sandboxBaseCrypt',
		});
	});

	it('reuses the stored session in later executions without signing in again', async () => {
		const credential = login();
		await runWithLogin(credential, {
			resource: 'businessUnit',
			operation: 'getAll',
			returnAll: true,
		});
		t.sandbox.takeRequests();

		const result = await runWithLogin(credential, {
			resource: 'businessUnit',
			operation: 'getAll',
			returnAll: true,
		});

		expect(result.error).toBeUndefined();
		expect(calls()).toEqual(['GET /api/sandboxBaseCrypt/businessUnits 200']);
	});

	it('signs in again when Mail Komplet refuses an expired session, repeats the request once and stores the new session', async () => {
		const credential = login();
		await runWithLogin(credential, {
			resource: 'businessUnit',
			operation: 'getAll',
			returnAll: true,
		});
		const expired = credential.sessionToken;
		t.sandbox.takeRequests();
		t.sandbox.expireSessions();

		const result = await runWithLogin(credential, {
			resource: 'mailingList',
			operation: 'create',
			name: 'Newsletter',
			isTest: false,
		});

		expect(result.error).toBeUndefined();
		expect(jsonOf(result)).toEqual([{ mailingListId: 11601, name: 'Newsletter', isTest: false }]);
		expect(calls()).toEqual([
			'POST /api/sandboxBaseCrypt/mailingLists 403',
			SIGN_IN_OK,
			'POST /api/sandboxBaseCrypt/mailingLists 200',
		]);
		expect(credential.sessionToken).toMatch(/^\.ASPXAUTH=/);
		expect(credential.sessionToken).not.toBe(expired);
		expect(t.sandbox.store.mailingLists.size).toBe(1);
	});

	it('runs the operations of every kind the same way as with an API key: create, update, read, delete, pickers', async () => {
		const credential = login();
		const create = await runWithLogin(credential, {
			resource: 'mailingList',
			operation: 'create',
			name: 'Customers',
			isTest: false,
		});
		const mailingListId = create.items[0]?.json.mailingListId as number;
		const update = await runWithLogin(credential, {
			resource: 'mailingList',
			operation: 'update',
			mailingListId: byId(mailingListId),
			updateFields: { name: 'Clients' },
		});
		const read = await runWithLogin(
			credential,
			{ resource: 'mailingList', operation: 'getAll', returnAll: true, simplify: true },
			{ typeVersion: 1.1 },
		);
		const picker = await listSearch(
			t.credentials,
			'searchMailingLists',
			undefined,
			undefined,
			{ authentication: 'login' },
			credential,
		);
		const remove = await runWithLogin(credential, {
			resource: 'mailingList',
			operation: 'delete',
			mailingListIds: [mailingListId],
		});

		for (const result of [create, update, read, remove]) expect(result.error).toBeUndefined();
		expect(jsonOf(read)).toEqual([
			{ mailingListId, name: 'Clients', description: null, isTest: false, contactAssigned: null },
		]);
		expect(picker.results).toEqual([{ name: 'Clients', value: String(mailingListId) }]);
		const requests = t.sandbox.takeRequests();
		expect(requests.filter((r) => r.path.endsWith('/signIn'))).toHaveLength(1);
		expect(requests.every((r) => r.status === 200 && !r.headers.authorization)).toBe(true);
		expect(t.sandbox.store.mailingLists.size).toBe(0);
	});

	it('works with the business unit chosen in the node, picked from the units the login may use', async () => {
		const credential = login();
		const units = await listSearch(
			t.credentials,
			'searchBusinessUnits',
			undefined,
			undefined,
			{ authentication: 'login' },
			credential,
		);
		const chosen = units.results[0].value;

		const result = await runWithLogin(credential, {
			resource: 'mailingList',
			operation: 'getAll',
			returnAll: true,
			businessUnit: { __rl: true, mode: 'list', value: chosen },
		});

		expect(units.results).toEqual([{ name: 'Sandbox account', value: 'sandboxBaseCrypt' }]);
		expect(result.error).toBeUndefined();
		expect(calls()).toEqual([
			SIGN_IN_OK,
			'GET /api/sandboxBaseCrypt/businessUnits 200',
			'GET /api/sandboxBaseCrypt/mailingLists 200',
		]);
	});

	it('refuses a business unit the login may not use, after signing in once more', async () => {
		const credential = login();

		const result = await runWithLogin(credential, {
			resource: 'businessUnit',
			operation: 'getAll',
			returnAll: true,
			businessUnit: byId('otherUnit'),
		});

		expect(calls()).toEqual([
			SIGN_IN_OK,
			'GET /api/otherUnit/businessUnits 403',
			SIGN_IN_OK,
			'GET /api/otherUnit/businessUnits 403',
		]);
		expect(result.error?.message).toBe('Mail Komplet refused the session for this business unit');
		expect(result.error?.description).toContain('Business Unit chosen in the node');
	});

	it('names a wrong login, sends nothing else, and shows neither password nor cookie', async () => {
		const credential = login({ password: 'wrong-password' });

		const result = await runWithLogin(credential, {
			resource: 'mailingList',
			operation: 'getAll',
			returnAll: true,
		});

		expect(result.error?.message).toBe(
			'Mail Komplet sign-in failed (403): check the server, user name and password',
		);
		expect(calls()).toEqual(['POST /api/authentication/signIn 403']);
		expect(everything(result.error)).toContain('sign-in failed');
		expect(everything(result.error)).not.toContain('wrong-password');
		expect(everything(result.run)).not.toContain('wrong-password');
		expect(credential.sessionToken).toBeUndefined();
	});

	it('keeps the password and the session cookie out of errors, output and logs', async () => {
		// n8n-core reports a failed node here, which logs the error and every cause.
		const logSpy = jest.spyOn(ErrorReporter.prototype, 'error');
		const credential = login();
		await runWithLogin(credential, {
			resource: 'businessUnit',
			operation: 'getAll',
			returnAll: true,
		});
		// A 400 is final: a 500 would be retried, and pass.
		t.sandbox.inject({ path: '/mailingLists', status: 400, times: 1 });

		const failed = await runWithLogin(
			credential,
			{ resource: 'mailingList', operation: 'getAll', returnAll: true },
			{ continueOnFail: true },
		);
		const unreachable = await runWithLogin(login({ baseUrl: 'http://127.0.0.1:9/api' }), {
			resource: 'mailingList',
			operation: 'getAll',
			returnAll: true,
		});

		expect(jsonOf(failed)).toEqual([
			{
				error: 'Mail Komplet rejected the request: Injected fault 400.',
				description: 'Check the field named in the message above and correct its value.',
			},
		]);
		expect(unreachable.error?.message).toBe(
			'Mail Komplet sign-in failed: could not reach http://127.0.0.1:9/api',
		);
		const cookieValue = String(credential.sessionToken).split('=')[1];
		const logged = logSpy.mock.calls;
		logSpy.mockRestore();
		expect(logged.length).toBeGreaterThan(0);
		for (const run of [failed.run, unreachable.run, unreachable.error, logged]) {
			const text = everything(run);
			expect(text).not.toContain('sandbox-password');
			expect(text).not.toContain(cookieValue);
		}
	});
});

describe('sign-ins are few: a login is never locked out by a run', () => {
	const items = [{ json: {} }, { json: {} }, { json: {} }, { json: {} }];

	it('signs in once for a whole run when the login is wrong, each item failing with that error', async () => {
		const result = await runNode({
			parameters: {
				authentication: 'login',
				resource: 'mailingList',
				operation: 'getAll',
				returnAll: true,
			},
			credentials: t.credentials,
			login: login({ password: 'changed-since' }),
			items,
			continueOnFail: true,
		});

		expect(calls()).toEqual(['POST /api/authentication/signIn 403']);
		expect(jsonOf(result)).toEqual(
			items.map(() => ({
				error: 'Mail Komplet sign-in failed (403): check the server, user name and password',
				description: 'Check the Mail Komplet Login credential.',
			})),
		);
	});

	it('signs in again once for a refused business unit, not once per item', async () => {
		const result = await runNode({
			parameters: {
				authentication: 'login',
				resource: 'businessUnit',
				operation: 'getAll',
				returnAll: true,
				businessUnit: byId('otherUnit'),
			},
			credentials: t.credentials,
			login: login(),
			items,
			continueOnFail: true,
		});

		expect(calls()).toEqual([
			SIGN_IN_OK,
			'GET /api/otherUnit/businessUnits 403',
			SIGN_IN_OK,
			'GET /api/otherUnit/businessUnits 403',
			'GET /api/otherUnit/businessUnits 403',
			'GET /api/otherUnit/businessUnits 403',
			'GET /api/otherUnit/businessUnits 403',
		]);
		expect(jsonOf(result)).toEqual(
			items.map(() => ({
				error: 'Mail Komplet refused the session for this business unit',
				description:
					'Signing in again did not help. Check the Business Unit chosen in the node: its list shows the ones this login may use.',
			})),
		);
	});

	it('retries a sign-in Mail Komplet answered 503, as signing in is safe to repeat', async () => {
		t.sandbox.inject({ path: '/signIn', status: 503 });

		const result = await runWithLogin(login(), {
			resource: 'mailingList',
			operation: 'getAll',
			returnAll: true,
		});

		expect(result.error).toBeUndefined();
		expect(calls()).toEqual([
			'POST /api/authentication/signIn 503',
			SIGN_IN_OK,
			'GET /api/sandboxBaseCrypt/mailingLists 200',
		]);
	});

	it.each(['http://mail.example.test/api', 'http://10.0.0.5/api'])(
		'refuses to send the password to the plain http:// Base URL %s',
		async (baseUrl) => {
			const credential = login({ baseUrl });

			const result = await runWithLogin(credential, {
				resource: 'mailingList',
				operation: 'getAll',
				returnAll: true,
			});

			const refusal =
				'Mail Komplet sign-in failed: the Base URL must start with https:// (plain http:// only for localhost), so the password never travels unencrypted';
			expect(result.error?.message).toBe(refusal);
			await expect(
				new MailKompletLoginApi().preAuthentication.call(
					{} as IHttpRequestHelper,
					credential as unknown as ICredentialDataDecryptedObject,
				),
			).rejects.toThrow(refusal);
			expect(calls()).toEqual([]);
		},
	);
});

describe('the Mail Komplet Login credential test', () => {
	const credentialType = new MailKompletLoginApi();
	const helpers = {
		helpers: { httpRequest: async (options: IDataObject) => await fetchJson(options) },
	} as unknown as IHttpRequestHelper;

	/**
	 * n8n's credential test: sign in (pre-authentication always runs for a test), then the test
	 * request, its expressions resolved, through the credential's authenticate.
	 */
	async function runTest(credential: LoginCredentials) {
		const signedIn = { ...credential } as unknown as ICredentialDataDecryptedObject;
		Object.assign(signedIn, await credentialType.preAuthentication.call(helpers, signedIn));
		const { request } = credentialType.test;
		const options = await credentialType.authenticate(signedIn, {
			method: request.method,
			baseURL: credential.baseUrl,
			url: String(request.url),
			body: {
				server: credential.server,
				userName: credential.userName,
				password: credential.password,
			},
		});
		const response = await fetch(`${options.baseURL}${options.url}`, {
			method: options.method,
			headers: {
				...(options.headers as Record<string, string>),
				'Content-Type': 'application/json',
			},
			body: JSON.stringify(options.body),
		});
		return { status: response.status, cookie: options.headers?.Cookie };
	}

	it('signs in: pre-authentication first, then the test request itself', async () => {
		const credential = login();
		const session = await credentialType.preAuthentication.call(helpers, { ...credential });

		expect(session).toEqual({
			sessionToken: expect.stringMatching(/^\.ASPXAUTH=[0-9a-f]{48}$/),
			baseCrypt: 'sandboxBaseCrypt',
		});
		expect(credentialType.test.request).toMatchObject({
			method: 'POST',
			url: '/authentication/signIn',
			body: {
				server: '={{$credentials.server}}',
				userName: '={{$credentials.userName}}',
				password: '={{$credentials.password}}',
			},
		});
		expect(await runTest(credential)).toEqual({
			status: 200,
			cookie: expect.stringMatching(/^\.ASPXAUTH=/),
		});
		expect(t.sandbox.takeRequests().map((r) => `${r.path} ${r.status}`)).toEqual([
			'/api/authentication/signIn 200',
			'/api/authentication/signIn 200',
			'/api/authentication/signIn 200',
		]);
	});

	it('fails on a wrong password with the rule for 403', async () => {
		const credential = login({ password: 'nope' });

		await expect(credentialType.preAuthentication.call(helpers, { ...credential })).rejects.toThrow(
			'Mail Komplet sign-in failed (403): check the server, user name and password',
		);
		await expect(runTest(credential)).rejects.toThrow('sign-in failed (403)');
		expect(credentialType.test.rules).toEqual([
			{
				type: 'responseCode',
				properties: { value: 403, message: 'Server, user name or password is wrong' },
			},
		]);
	});
});

describe('Business Unit > Get Many', () => {
	it('reads GET /businessUnits with the API key and simplifies to name and baseCrypt', async () => {
		const result = await t.run(
			{ resource: 'businessUnit', operation: 'getAll', returnAll: true },
			{ typeVersion: 1.1 },
		);

		expect(result.error).toBeUndefined();
		expect(t.sent()).toEqual([{ method: 'GET', path: '/businessUnits', query: {} }]);
		expect(result.items).toEqual([
			{
				json: { businessUnitId: 1, name: 'Sandbox account', baseCrypt: 'sandboxBaseCrypt' },
				pairedItem: { item: 0 },
			},
		]);
	});
});

describe('sandbox sessions', () => {
	it('refuses a cookie after the session expired, as it refuses a wrong key', async () => {
		const signIn = await fetch(`${t.sandbox.url}/authentication/signIn`, {
			method: 'POST',
			headers: { ...LOGIN_HEADERS, 'Content-Type': 'application/json' },
			body: JSON.stringify(t.sandbox.login),
		});
		const cookie = String(signIn.headers.get('set-cookie')).split(';')[0];
		const read = () =>
			fetch(`${t.sandbox.url}/sandboxBaseCrypt/mailingLists`, {
				headers: { ...LOGIN_HEADERS, Cookie: cookie },
			});

		expect(await signIn.json()).toEqual({ baseCrypt: 'sandboxBaseCrypt' });
		expect((await read()).status).toBe(200);
		t.sandbox.expireSessions();
		const refused = await read();
		expect(refused.status).toBe(403);
		expect(await refused.json()).toEqual({
			message: 'Authorization has been denied for this request.',
		});
	});
});

describe('a sign-in answered as the live service may spell it: BaseCrypt and a Webkomplet cookie', () => {
	const pascal = useSandbox({ signInStyle: 'pascal' });

	it('signs in, keeps the Webkomplet cookie as the session and runs the operation in the account', async () => {
		pascal.sandbox.store.addMailingList({ name: 'Customers' });
		const credential: LoginCredentials = { ...pascal.sandbox.login, baseUrl: pascal.sandbox.url };

		const result = await runNode({
			parameters: {
				authentication: 'login',
				resource: 'mailingList',
				operation: 'getAll',
				returnAll: true,
			},
			credentials: pascal.credentials,
			login: credential,
		});

		expect(result.error).toBeUndefined();
		expect(jsonOf(result).map((list) => list.name)).toEqual(['Customers']);
		const [signIn, list] = pascal.sandbox.requests;
		expect(signIn).toMatchObject({
			method: 'POST',
			path: '/api/authentication/signIn',
			status: 200,
		});
		expect(list).toMatchObject({
			method: 'GET',
			path: '/api/sandboxBaseCrypt/mailingLists',
			status: 200,
		});
		expect(list.headers.cookie).toMatch(/^Webkomplet=[0-9a-f]{48}$/);
		expect(credential).toMatchObject({
			sessionToken: list.headers.cookie,
			baseCrypt: 'sandboxBaseCrypt',
		});
	});
});

describe('reading the sign-in answer', () => {
	/** Pre-authentication against a server that answers sign-in with `body` and `setCookie`. */
	const signInAnswering = async (body: unknown, setCookie: string[]) =>
		await new MailKompletLoginApi().preAuthentication.call(
			{
				helpers: {
					httpRequest: async () => ({
						statusCode: 200,
						headers: { 'set-cookie': setCookie },
						body,
					}),
				},
			} as unknown as IHttpRequestHelper,
			{ ...DEFAULT_LOGIN_FIELDS, baseUrl: 'https://api.mail-komplet.cz/api' },
		);

	it.each([
		['baseCrypt at the top level', { baseCrypt: 'abc123' }],
		['BaseCrypt at the top level', { BaseCrypt: 'abc123' }],
		['baseCrypt under data', { data: { baseCrypt: 'abc123' } }],
		['BaseCrypt under data', { data: { BaseCrypt: 'abc123' } }],
	])('reads the account key as %s', async (_, body) => {
		await expect(signInAnswering(body, ['Webkomplet=s1; path=/; HttpOnly'])).resolves.toEqual({
			sessionToken: 'Webkomplet=s1',
			baseCrypt: 'abc123',
		});
	});

	it('keeps every cookie the sign-in sets, whatever its name', async () => {
		await expect(
			signInAnswering({ baseCrypt: 'abc123' }, [
				'Webkomplet=s1; path=/',
				'ASP.NET_SessionId=s2; HttpOnly',
			]),
		).resolves.toEqual({
			sessionToken: 'Webkomplet=s1; ASP.NET_SessionId=s2',
			baseCrypt: 'abc123',
		});
	});

	it('says that an answer without an account key carried none, not that the password is wrong', async () => {
		await expect(
			signInAnswering({ data: { userName: 'sandbox-user' } }, ['Webkomplet=s1']),
		).rejects.toThrow(
			'Mail Komplet signed in but its answer carried no account key (baseCrypt), so the node cannot tell which account to use: choose a Business Unit in the node, or report the answer to Mail Komplet',
		);
	});
});

const DEFAULT_LOGIN_FIELDS = {
	server: '01',
	userName: 'sandbox-user',
	password: 'sandbox-password',
};

/** Serialises a value with every property of the errors in it, causes included. */
function everything(value: unknown): string {
	return JSON.stringify(value, (_key, entry: unknown) =>
		entry instanceof Error
			? Object.fromEntries(
					Object.getOwnPropertyNames(entry).map((name) => [
						name,
						(entry as unknown as IDataObject)[name],
					]),
				)
			: entry,
	);
}

/** n8n's httpRequest for pre-authentication, reduced to what the credential uses. */
async function fetchJson(options: IDataObject) {
	const response = await fetch(String(options.url), {
		method: String(options.method),
		headers: options.headers as Record<string, string>,
		body: JSON.stringify(options.body),
	});
	return {
		statusCode: response.status,
		headers: { 'set-cookie': response.headers.getSetCookie() },
		body: await response.json(),
	};
}
