import { randomBytes } from 'node:crypto';

/** The login the sandbox accepts at POST /authentication/signIn. */
export interface SandboxLogin {
	server: string;
	userName: string;
	password: string;
}

export const DEFAULT_LOGIN: SandboxLogin = {
	server: '01',
	userName: 'sandbox-user',
	password: 'sandbox-password',
};

/**
 * How sign-in spells its answer. 'reference': `baseCrypt` and ASP.NET forms authentication's
 * `.ASPXAUTH` cookie, as the API reference reads; 'pascal': `BaseCrypt` and a `Webkomplet`
 * cookie, as the only public client of the cookie sign-in reads the live service.
 */
export type SignInStyle = 'reference' | 'pascal';

const SIGN_IN_STYLES: Record<SignInStyle, { accountKey: string; cookie: string }> = {
	reference: { accountKey: 'baseCrypt', cookie: '.ASPXAUTH' },
	pascal: { accountKey: 'BaseCrypt', cookie: 'Webkomplet' },
};

/** Cookie sessions of signed-in logins; each expires `ttlMs` after sign-in. */
export class Sessions {
	private readonly expiry = new Map<string, number>();

	constructor(
		private readonly ttlMs: number,
		private readonly style: SignInStyle = 'reference',
		private readonly now: () => number = Date.now,
	) {}

	/** Starts a session: sign-in's answer for the account, and its Set-Cookie header. */
	start(baseCrypt: string): { body: Record<string, string>; setCookie: string } {
		const { accountKey, cookie } = SIGN_IN_STYLES[this.style];
		const token = randomBytes(24).toString('hex');
		this.expiry.set(token, this.now() + this.ttlMs);
		const maxAge = Math.floor(this.ttlMs / 1000);
		return {
			body: { [accountKey]: baseCrypt },
			setCookie: `${cookie}=${token}; path=/; HttpOnly; Max-Age=${maxAge}`,
		};
	}

	/** Whether the Cookie header carries a session that has not expired. */
	accepts(cookieHeader: string | undefined): boolean {
		for (const pair of (cookieHeader ?? '').split(';')) {
			const [name, value] = pair.trim().split('=');
			const expiresAt =
				name === SIGN_IN_STYLES[this.style].cookie ? this.expiry.get(value) : undefined;
			if (expiresAt !== undefined && expiresAt > this.now()) return true;
		}
		return false;
	}

	/** Ends every session now, as if all had timed out. */
	expireAll(): void {
		for (const token of this.expiry.keys()) this.expiry.set(token, 0);
	}

	clear(): void {
		this.expiry.clear();
	}
}
