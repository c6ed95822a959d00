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

/** Name of the session cookie sign-in sets (ASP.NET forms authentication's, as the service runs on it). */
export const SESSION_COOKIE = '.ASPXAUTH';

/** Cookie sessions of signed-in logins; each expires `ttlMs` after sign-in. */
export class Sessions {
	private readonly expiry = new Map<string, number>();

	constructor(
		private readonly ttlMs: number,
		private readonly now: () => number = Date.now,
	) {}

	/** Starts a session and returns its Set-Cookie header. */
	start(): string {
		const token = randomBytes(24).toString('hex');
		this.expiry.set(token, this.now() + this.ttlMs);
		return `${SESSION_COOKIE}=${token}; path=/; HttpOnly; Max-Age=${Math.floor(this.ttlMs / 1000)}`;
	}

	/** Whether the Cookie header carries a session that has not expired. */
	accepts(cookieHeader: string | undefined): boolean {
		for (const pair of (cookieHeader ?? '').split(';')) {
			const [name, value] = pair.trim().split('=');
			const expiresAt = name === SESSION_COOKIE ? this.expiry.get(value) : undefined;
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
