import type {
	ICredentialDataDecryptedObject,
	ICredentialsDecrypted,
	IDataObject,
	IHttpRequestOptions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { findSignInError } from './api';
import type { MailKompletContext } from './context';
import { API_KEY_CREDENTIAL, LOGIN_CREDENTIAL, nodeParameter, oncePerRun } from './context';
import { timing } from './settings';

/** With a login, the business unit the node chose for the item; undefined for the one sign-in returns. */
export function businessUnit(ctx: MailKompletContext, itemIndex = 0): string | undefined {
	return oncePerRun(
		ctx,
		`businessUnit ${itemIndex}`,
		() => String(nodeParameter(ctx, 'businessUnit', '', itemIndex) ?? '').trim() || undefined,
	);
}

/** The credential the node's Authentication option picks: API key (default) or login. */
export function credentialType(ctx: MailKompletContext): string {
	return oncePerRun(ctx, 'authentication', () =>
		nodeParameter(ctx, 'authentication', 'apiKey') === 'login'
			? LOGIN_CREDENTIAL
			: API_KEY_CREDENTIAL,
	);
}

export type RunCredential = ICredentialsDecrypted & { data: ICredentialDataDecryptedObject };

/**
 * The node's credential of `type`, resolved once per run and handed to n8n with each request
 * (`credentialsDecrypted`), as n8n's declarative nodes do: otherwise n8n resolves it again for
 * every request (two database reads and decryptions each). It cannot differ per item, so it is
 * resolved with item 0, as n8n's routing node does.
 *
 * With a login, n8n's pre-authentication writes a new session into the object it is handed (and
 * saves it by the node's credential ID, whatever object it was handed), so the run's later
 * requests send the session its sign-ins got. A session renewed meanwhile by another execution
 * is not seen until this run's is refused and renewed once, as any refused session is.
 */
export async function runCredential(ctx: MailKompletContext, type: string): Promise<RunCredential> {
	return await oncePerRun(ctx, `credential ${type}`, async () => {
		const stored = ctx.getNode().credentials?.[type];
		const data = await ctx.getCredentials(type, 0);
		return { id: stored?.id ?? '', name: stored?.name ?? '', type, data };
	});
}

/** The login was refused: final, whatever the operation; its message names no secret. */
export class LoginError extends NodeApiError {}

export type FullResponse = { statusCode: number; headers: IDataObject; body: unknown };

/** A failed sign-in (the login credential's SignInError) as an error about the login, not the network. */
function loginErrorOf(
	ctx: MailKompletContext,
	error: unknown,
	itemIndex?: number,
): LoginError | undefined {
	const signIn = findSignInError(error);
	if (!signIn) return undefined;
	const { message } = signIn;
	return new LoginError(ctx.getNode(), { message } as JsonObject, {
		message,
		description: 'Check the Mail Komplet Login credential.',
		itemIndex,
	});
}

/** One authenticated request through n8n; a failed sign-in becomes a LoginError. */
async function requestOnce(
	ctx: MailKompletContext,
	type: string,
	options: IHttpRequestOptions,
	itemIndex: number | undefined,
	credential: ICredentialsDecrypted,
): Promise<FullResponse> {
	try {
		return await ctx.helpers.httpRequestWithAuthentication.call(ctx, type, options, {
			credentialsDecrypted: credential,
		});
	} catch (error) {
		// Network faults go back to the retry loop as they are; a failed sign-in is final.
		throw loginErrorOf(ctx, error, itemIndex) ?? error;
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
 * A request that signs in (`signIn`) as the run's only sign-in at that moment. A request that
 * waited for another one's sign-in makes no sign-in of its own: it uses that session (`reuse`).
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
 * One request with the run's credential (runCredential). With a login, Mail Komplet answers an
 * expired session like a wrong login (403), so the request is repeated once after signing in
 * again: a copy of the credential without its session makes n8n's pre-authentication sign in and
 * store the new session, which the run's credential then carries. Without a session yet
 * (`signedIn` false) the request itself signs in.
 */
export async function requestRenewingSession(
	ctx: MailKompletContext,
	credential: RunCredential,
	options: IHttpRequestOptions,
	itemIndex: number | undefined,
	signedIn: boolean,
): Promise<FullResponse> {
	const { type } = credential;
	const withSession = async () => await requestOnce(ctx, type, options, itemIndex, credential);
	if (type !== LOGIN_CREDENTIAL) return await withSession();
	const response = signedIn
		? await withSession()
		: await withSignIn(ctx, itemIndex, withSession, withSession);
	const refused = (status: number) => status === 401 || status === 403;
	if (!refused(response.statusCode)) return response;
	const unit = businessUnit(ctx, itemIndex) ?? '';
	const signIns = signInsOf(ctx);
	const known = signIns.refusedUnits.get(unit);
	if (known) throw known;
	const renewed = await withSignIn(
		ctx,
		itemIndex,
		async () => {
			// A copy: the run's other requests keep sending the old session until the new one is in.
			const renewal = { ...credential, data: { ...credential.data, sessionToken: '' } };
			const response = await requestOnce(ctx, type, options, itemIndex, renewal);
			Object.assign(credential.data, renewal.data);
			return response;
		},
		withSession,
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
