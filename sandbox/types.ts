import type { SandboxLogin, SignInStyle } from './sessions';
export type { ChaosOptions, Fault, FaultKind } from './faults';

export type SeedName = 'empty' | 'demo';

export interface SandboxOptions {
	/** Port to listen on (default 0: a free port). */
	port?: number;
	/** Host to bind (default 127.0.0.1). */
	host?: string;
	/** Expected raw API key in `Authorization: Basic <key>` (default 'sandbox-api-key'). */
	apiKey?: string;
	/** Account identifier in the path, /api/<baseCrypt>/... (default 'sandboxBaseCrypt'). */
	baseCrypt?: string;
	/** Login accepted by POST /authentication/signIn (default server 01, sandbox-user, sandbox-password). */
	login?: SandboxLogin;
	/** How long a sign-in's cookie session lasts (default 30 minutes). */
	sessionTtlMs?: number;
	/** How sign-in spells the account key and session cookie (default 'reference'). */
	signInStyle?: SignInStyle;
	/** Initial data (default 'empty'). */
	seed?: SeedName;
	/** When set, at most this many records are returned per page, whatever pageSize asks for. */
	maxPageSize?: number;
	/** Polls of getBulkInfo spent in Queued and again in Processing before an import ends (default 1). */
	bulkPollsPerPhase?: number;
}

export interface ResolvedOptions {
	port: number;
	host: string;
	apiKey: string;
	baseCrypt: string;
	login: SandboxLogin;
	sessionTtlMs: number;
	signInStyle: SignInStyle;
	seed: SeedName;
	maxPageSize?: number;
	bulkPollsPerPhase: number;
}

export interface RecordedRequest {
	method: string;
	/** Full path without the query, e.g. /api/sandboxBaseCrypt/contacts/7. */
	path: string;
	/** Query parameters (the last value wins). */
	query: Record<string, string>;
	/** The query string as sent, without '?'. */
	rawQuery: string;
	/** Lower-cased header names; repeated headers joined with ', '. */
	headers: Record<string, string>;
	/** Parsed JSON body, or undefined (no body, or not JSON). */
	body: unknown;
	rawBody: string;
	/** Status the sandbox answered with (none when a fault dropped the connection). */
	status?: number;
	/** The injected fault this request met, e.g. "503 after the write", "drop before the write". */
	fault?: string;
	/** When the request arrived (ISO). */
	receivedAt: string;
	/** How many earlier requests were still unanswered when this one arrived: how many a client had in flight. */
	concurrent: number;
}

export interface WebhookFireResult {
	status: number;
	body: unknown;
}
