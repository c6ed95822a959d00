/** Starts the Mail Komplet sandbox in this process and talks to its /__sandbox admin endpoints. */
import { startSandbox, type Sandbox } from '../../sandbox';

import type { CredentialFile } from './cli';

/** What the credential pointing at the sandbox holds. */
export interface SandboxAccount {
	apiKey: string;
	baseCrypt: string;
	/** The credential's Base URL, e.g. http://127.0.0.1:PORT/api */
	baseUrl: string;
}

export const SANDBOX_API_KEY = 'sandbox-demo-api-key';
export const SANDBOX_BASE_CRYPT = 'demoBaseCrypt';

export interface RecordedRequest {
	method: string;
	/** Full path without the query, e.g. /api/<baseCrypt>/contacts/7 */
	path: string;
	query: Record<string, string>;
	headers: Record<string, string>;
	body: unknown;
	status?: number;
}

export interface FireResult {
	status: number;
	body: unknown;
	payload: Record<string, unknown>;
}

export class SandboxClient {
	constructor(
		/** The sandbox's origin, e.g. http://127.0.0.1:PORT */
		readonly origin: string,
		readonly account: SandboxAccount,
	) {}

	/** Requests the API received (admin calls excluded), oldest first. */
	async requests(): Promise<RecordedRequest[]> {
		return await this.admin('GET', '/requests');
	}

	async clearRequests(): Promise<void> {
		await this.admin('DELETE', '/requests');
	}

	async reset(seed?: 'empty' | 'demo'): Promise<void> {
		await this.admin('POST', '/reset', seed ? { seed } : {});
	}

	/** The orders POST /orders/json recorded, oldest first. */
	async orders(): Promise<Array<Record<string, unknown>>> {
		return await this.admin('GET', '/orders');
	}

	/** Makes the sandbox POST a realistic webhook payload of this type to `url`. */
	async fireWebhook(
		url: string,
		webhookTypeId: number,
		overrides?: Record<string, unknown>,
	): Promise<FireResult> {
		return await this.admin('POST', '/webhooks/fire', { url, webhookTypeId, overrides });
	}

	/** The path of an API method as the sandbox records it: /api/<baseCrypt>/<method>. */
	apiPath(method: string): string {
		return `${new URL(this.account.baseUrl).pathname.replace(/\/+$/, '')}/${this.account.baseCrypt}/${method.replace(/^\//, '')}`;
	}

	private async admin<T>(method: string, path: string, body?: unknown): Promise<T> {
		const response = await fetch(`${this.origin}/__sandbox${path}`, {
			method,
			headers: body === undefined ? {} : { 'content-type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await response.text();
		if (!response.ok)
			throw new Error(`sandbox ${method} ${path} answered ${response.status}: ${text}`);
		return (text ? JSON.parse(text) : undefined) as T;
	}
}

export interface RunningSandbox {
	/** The in-process sandbox (its store holds the seeded data). */
	sandbox: Sandbox;
	/** The same sandbox over HTTP, as another process would see it. */
	client: SandboxClient;
	close(): Promise<void>;
}

export async function launchSandbox(
	options: { port?: number; seed?: 'empty' | 'demo' } = {},
): Promise<RunningSandbox> {
	const sandbox = await startSandbox({
		port: options.port ?? 0,
		seed: options.seed ?? 'demo',
		apiKey: SANDBOX_API_KEY,
		baseCrypt: SANDBOX_BASE_CRYPT,
	});
	return {
		sandbox,
		client: new SandboxClient(sandbox.origin, {
			apiKey: sandbox.apiKey,
			baseCrypt: sandbox.baseCrypt,
			baseUrl: sandbox.url,
		}),
		close: () => sandbox.close(),
	};
}

/** The Mail Komplet credential the demo and the suite create: fixed id so workflows can name it. */
export const SANDBOX_CREDENTIAL = {
	id: 'mkSandboxCredential',
	name: 'Mail Komplet (sandbox)',
	type: 'mailKompletApi',
} as const;

export function sandboxCredential(account: SandboxAccount): CredentialFile {
	return { ...SANDBOX_CREDENTIAL, data: { ...account } };
}
