import { randomUUID } from 'node:crypto';

export const OWNER = {
	email: 'demo@example.com',
	firstName: 'Demo',
	lastName: 'Owner',
	password: 'Demo-Passw0rd!',
} as const;

export class RestError extends Error {
	constructor(
		readonly status: number,
		readonly body: string,
		what: string,
	) {
		super(`${what} answered ${status}: ${body.slice(0, 500)}`);
	}
}

export interface CredentialTestResult {
	status: 'OK' | 'Error';
	message: string;
}

/**
 * A signed-in session against n8n's internal REST API (/rest), the one the editor uses.
 * n8n ties its auth cookie to a `browser-id` header, so every call sends the same one.
 */
export class N8nRest {
	private cookie = '';
	private readonly browserId = randomUUID();

	constructor(readonly baseUrl: string) {}

	/** Creates the owner account on a fresh instance (signing in), or signs in if it exists. */
	async signIn(owner = OWNER): Promise<void> {
		const settings = await this.request<{ userManagement?: { showSetupOnFirstLoad?: boolean } }>(
			'GET',
			'/rest/settings',
		);
		if (settings.userManagement?.showSetupOnFirstLoad !== false) {
			await this.request('POST', '/rest/owner/setup', owner);
		} else {
			// 1.x and 2.x both accept emailOrLdapLoginId.
			await this.request('POST', '/rest/login', {
				emailOrLdapLoginId: owner.email,
				password: owner.password,
			});
		}
	}

	async createCredential(
		name: string,
		type: string,
		data: Record<string, unknown>,
	): Promise<{ id: string }> {
		return await this.request('POST', '/rest/credentials', { name, type, data });
	}

	/** What the editor's "Retry"/"Save" does: runs the credential type's declared test. */
	async testCredential(
		id: string,
		name: string,
		type: string,
		data: Record<string, unknown>,
	): Promise<CredentialTestResult> {
		return await this.request('POST', '/rest/credentials/test', {
			credentials: { id, name, type, data },
		});
	}

	async request<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
		const response = await fetch(this.baseUrl + path, {
			method,
			headers: {
				'browser-id': this.browserId,
				...(this.cookie ? { cookie: this.cookie } : {}),
				...(body === undefined ? {} : { 'content-type': 'application/json' }),
			},
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const setCookie = response.headers.getSetCookie().find((c) => c.startsWith('n8n-auth='));
		if (setCookie) this.cookie = setCookie.split(';')[0];
		const text = await response.text();
		if (!response.ok) throw new RestError(response.status, text, `${method} ${path}`);
		const parsed = text ? (JSON.parse(text) as { data?: T }) : {};
		// n8n wraps most answers in { data }.
		return (parsed && typeof parsed === 'object' && 'data' in parsed ? parsed.data : parsed) as T;
	}
}
