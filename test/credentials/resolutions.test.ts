/**
 * The node resolves its credential once per node run and hands it to n8n with every request,
 * as n8n's declarative nodes do: in a real n8n each resolution is two database reads and a
 * decryption, which per request cost more than the rest of a page. The harness counts n8n's
 * resolutions (`getDecrypted`), whatever number of items, pages and requests in flight.
 */
import type { LoginCredentials } from '../harness';
import { jsonOf, runNode } from '../harness';
import { useSandbox } from '../helpers/sandbox';
import { emailsPosted, recipients, sendEmail } from '../helpers/sends';

const t = useSandbox();

/** Contact > Get Many, Return All in pages of 100. */
const everyContact = {
	resource: 'contact',
	operation: 'getAll',
	returnAll: true,
	options: { pageSize: 100 },
};

const API_KEY_ONCE = { mailKompletApi: 1 };
const LOGIN_ONCE = { mailKompletLoginApi: 1 };

describe('the API key credential is resolved once per node run', () => {
	it('for Get Many with Return All over 11 pages, 4 in parallel', async () => {
		t.sandbox.store.addContacts(1_050);

		const result = await t.run(everyContact);

		expect(result.error).toBeUndefined();
		expect(jsonOf(result)).toHaveLength(1_050);
		expect(t.sandbox.takeRequests()).toHaveLength(11);
		expect(result.credentialResolutions).toEqual(API_KEY_ONCE);
	});

	it('for Send over 20 items at Parallel Requests 8', async () => {
		const result = await t.run(sendEmail({ parallelRequests: 8 }), { items: recipients(20) });

		expect(result.error).toBeUndefined();
		expect(emailsPosted(t.sandbox)).toHaveLength(20);
		expect(result.credentialResolutions).toEqual(API_KEY_ONCE);
	});

	it('for Create or Update over 10 items', async () => {
		const result = await t.run(
			{ resource: 'contact', operation: 'upsert', email: '={{ $json.email }}' },
			{ items: recipients(10) },
		);

		expect(result.error).toBeUndefined();
		expect(jsonOf(result)).toHaveLength(10);
		expect(t.sandbox.takeRequests()).toHaveLength(10);
		expect(result.credentialResolutions).toEqual(API_KEY_ONCE);
	});

	it('for every item failing, with On Error > Continue', async () => {
		t.sandbox.inject({ kind: 'status', status: 400, times: 5 });

		const result = await t.run(sendEmail({ parallelRequests: 2 }), {
			items: recipients(5),
			continueOnFail: true,
		});

		expect(jsonOf(result).every((json) => typeof json.error === 'string')).toBe(true);
		expect(result.credentialResolutions).toEqual(API_KEY_ONCE);
	});
});

describe('the Login credential is resolved once per node run, its sign-ins included', () => {
	const login = (): LoginCredentials => ({ ...t.sandbox.login, baseUrl: t.sandbox.url });
	const runWithLogin = async (credential: LoginCredentials) =>
		await runNode({
			parameters: { authentication: 'login', ...everyContact },
			credentials: t.credentials,
			login: credential,
		});
	const signIns = () =>
		t.sandbox.takeRequests().filter((request) => request.path.endsWith('/signIn')).length;

	it('when the run signs in first, and later runs that reuse the saved session', async () => {
		t.sandbox.store.addContacts(350);
		const credential = login();

		const first = await runWithLogin(credential);
		const second = await runWithLogin(credential);

		expect([first.error, second.error]).toEqual([undefined, undefined]);
		expect(jsonOf(second)).toHaveLength(350);
		expect(signIns()).toBe(1);
		expect([first.credentialResolutions, second.credentialResolutions]).toEqual([
			LOGIN_ONCE,
			LOGIN_ONCE,
		]);
	});

	it('when Mail Komplet refuses the saved session and the run signs in again', async () => {
		t.sandbox.store.addContacts(350);
		const credential = login();
		await runWithLogin(credential);
		const expired = credential.sessionToken;
		t.sandbox.takeRequests();
		t.sandbox.expireSessions();

		const result = await runWithLogin(credential);

		expect(result.error).toBeUndefined();
		expect(jsonOf(result)).toHaveLength(350);
		expect(signIns()).toBe(1);
		expect(credential.sessionToken).not.toBe(expired);
		expect(result.credentialResolutions).toEqual(LOGIN_ONCE);
	});
});
