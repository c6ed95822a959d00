import type { IncomingMessage, ServerResponse } from 'node:http';
import { handleAdmin } from './admin';
import { ApiError } from './errors';
import { flattenHeaders, mediaType, readBody, send, tryParseJson } from './http';
import { pageOf, readPaging } from './paging';
import { Router } from './router';
import type { RouteContext } from './router';
import { routes } from './routes';
import { seedStore } from './seed';
import { Sessions } from './sessions';
import { Store } from './store';
import type { ChaosOptions, Fault, PagingFaultKind } from './faults';
import {
	Chaos,
	describeFault,
	isPagingFault,
	MAINTENANCE_PATH,
	PAGING_FAULT_KINDS,
	matches,
	namesRecipient,
	sendPage,
	strike,
	validateChaos,
	validateFault,
} from './faults';
import type { RecordedRequest, ResolvedOptions, SeedName } from './types';
import { isPlainObject, QueryReader } from './validate';

/**
 * The request pipeline of the emulated API:
 * record -> injected fault (replacing the answer, or striking after the handler ran)
 * -> required headers (400) -> sign-in, or API key or live session cookie, and baseCrypt (403)
 * -> route (404/405) -> Content-Type (415) and JSON (400) -> handler.
 */

interface ActiveFault extends Fault {
	remaining: number;
	skipping: number;
}

const FORBIDDEN = 'Authorization has been denied for this request.';

function acceptsJson(accept: string | undefined): boolean {
	if (!accept) return false;
	return accept
		.split(',')
		.some((part) => ['application/json', 'application/*', '*/*'].includes(mediaType(part)));
}

export class SandboxServer {
	readonly store: Store;
	readonly requests: RecordedRequest[] = [];
	readonly router = new Router(routes);
	readonly sessions: Sessions;
	private faults: ActiveFault[] = [];
	/** API requests received and not yet answered. */
	private unanswered = 0;
	private chaos: Chaos | undefined;
	/** Base URL of the API (set once listening). */
	url = '';

	constructor(readonly options: ResolvedOptions) {
		this.store = new Store(options.baseCrypt);
		this.sessions = new Sessions(options.sessionTtlMs, options.signInStyle);
		seedStore(this.store, options.seed);
	}

	/** Empties or reseeds the store and forgets recorded requests and faults. */
	reset(seed: SeedName = this.options.seed): void {
		this.store.clear();
		seedStore(this.store, seed);
		this.requests.length = 0;
		this.faults = [];
		this.sessions.clear();
		this.chaos = undefined;
	}

	takeRequests(): RecordedRequest[] {
		return this.requests.splice(0, this.requests.length);
	}

	inject(fault: Fault): void {
		const valid = validateFault(fault);
		this.faults.push({ ...valid, remaining: valid.times ?? 1, skipping: valid.skip ?? 0 });
	}

	clearFaults(): void {
		this.faults = [];
		this.chaos = undefined;
	}

	/** Random faults on a share of requests from now on (replacing earlier chaos); see faults.ts. */
	startChaos(options: ChaosOptions): void {
		this.chaos = new Chaos(validateChaos(options));
	}

	readonly handle = (req: IncomingMessage, res: ServerResponse): void => {
		this.dispatch(req, res).catch((error: unknown) => {
			const status = error instanceof ApiError ? error.status : 500;
			if (!(error instanceof ApiError)) console.error('[mail-komplet sandbox]', error);
			send(res, status, {
				message: error instanceof ApiError ? error.message : 'An error has occurred.',
			});
		});
	};

	private async dispatch(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const url = new URL(req.url ?? '/', 'http://sandbox.local');
		const segments = url.pathname
			.split('/')
			.filter(Boolean)
			.map((s) => {
				try {
					return decodeURIComponent(s);
				} catch {
					return s;
				}
			});
		if (segments[0] === '__sandbox') {
			await handleAdmin(this, req, res, segments.slice(1));
			return;
		}
		// Where a 'redirect' fault points: the page a client that follows redirects ends on.
		if (url.pathname === MAINTENANCE_PATH) return sendPage(res, 200);
		if (segments[0] !== 'api') {
			send(res, 404, {
				message: `No HTTP resource was found that matches the request URI '${url.pathname}'.`,
			});
			return;
		}
		await this.handleApi(req, res, url, segments.slice(1));
	}

	private async handleApi(
		req: IncomingMessage,
		res: ServerResponse,
		url: URL,
		segments: string[],
	): Promise<void> {
		const method = (req.method ?? 'GET').toUpperCase();
		const headers = flattenHeaders(req);
		const record: RecordedRequest = {
			method,
			path: url.pathname,
			query: Object.fromEntries(url.searchParams),
			rawQuery: url.search.replace(/^\?/, ''),
			headers,
			body: undefined,
			rawBody: '',
			receivedAt: new Date().toISOString(),
			concurrent: this.unanswered,
		};
		this.requests.push(record);
		this.unanswered++;
		res.once('close', () => this.unanswered--);
		const [baseCrypt, ...rest] = segments;
		const suffix = `/${rest.join('/')}`;
		let fault = this.takeFault(method, suffix);
		const reply = (status: number, body?: unknown, extra?: Record<string, string>): void => {
			record.status = fault?.status ?? status;
			if (fault) strike(res, fault, { status, body, headers: extra });
			else send(res, status, body, extra);
		};
		try {
			record.rawBody = await readBody(req);
		} catch (error) {
			if (error instanceof ApiError) return reply(error.status, { message: error.message });
			throw error;
		}
		if (record.rawBody) {
			const parsed = tryParseJson(record.rawBody);
			if (parsed.ok) record.body = parsed.value;
		}
		// A refusal depends on the recipients the body names, so it is looked for once it is read.
		fault ??= this.takeRefusal(method, suffix, record.body);
		if (fault) record.fault = describeFault(fault);

		if (fault && !fault.applied) {
			record.status = fault.status;
			return strike(res, fault, { status: 0 });
		}

		if (headers['x-requested-with'] !== 'XMLHttpRequest') {
			return reply(400, {
				message: 'The X-Requested-With header is missing; send "X-Requested-With: XMLHttpRequest".',
			});
		}
		if (!headers['accept']) {
			return reply(400, {
				message: 'The Accept header is missing; send "Accept: application/json".',
			});
		}
		if (!acceptsJson(headers['accept'])) {
			return reply(400, {
				message: `The Accept header "${headers['accept']}" does not accept application/json.`,
			});
		}
		if (baseCrypt === 'authentication' && rest.join('/').toLowerCase() === 'signin') {
			if (method !== 'POST')
				return reply(
					405,
					{ message: `The requested resource does not support http method '${method}'.` },
					{ allow: 'POST' },
				);
			return this.signIn(record.body, reply);
		}
		const auth = /^basic\s+(.+)$/i.exec((headers['authorization'] ?? '').trim());
		const keyValid = !!auth && auth[1].trim() === this.options.apiKey;
		// An expired or unknown session is refused like a wrong key: the reference knows only 403.
		if (
			!(keyValid || this.sessions.accepts(headers['cookie'])) ||
			baseCrypt !== this.options.baseCrypt
		) {
			return reply(403, { message: FORBIDDEN });
		}

		const match = this.router.match(method, rest);
		if (match.kind === 'notFound') {
			return reply(404, {
				message: `No HTTP resource was found that matches the request URI '${url.pathname}'.`,
			});
		}
		if (match.kind === 'methodNotAllowed') {
			return reply(
				405,
				{ message: `The requested resource does not support http method '${method}'.` },
				{ allow: match.allow.join(', ') },
			);
		}

		let body: unknown;
		if ((method === 'POST' || method === 'PUT') && record.rawBody.trim() !== '') {
			const type = mediaType(headers['content-type']);
			if (type !== 'application/json') {
				return reply(415, {
					message: `The Content-Type "${headers['content-type'] ?? ''}" is not supported; send "Content-Type: application/json".`,
				});
			}
			const parsed = tryParseJson(record.rawBody);
			if (!parsed.ok)
				return reply(400, { message: `The request body is not valid JSON: ${parsed.error}` });
			body = parsed.value;
		}

		const query = new QueryReader(url.searchParams);
		const settings = {
			maxPageSize: this.options.maxPageSize,
			bulkPollsPerPhase: this.options.bulkPollsPerPhase,
		};
		const ctx: RouteContext = {
			store: this.store,
			params: match.params,
			query,
			body,
			settings,
			paging: () => readPaging(query),
			page: (source, filter, map, options) => {
				const faults = this.takePagingFaults(method, suffix);
				if (faults.size > 0) record.fault = [record.fault, ...faults].filter(Boolean).join(', ');
				return pageOf(source, filter, readPaging(query), map, {
					maxPageSize: settings.maxPageSize,
					faults,
					...options,
				});
			},
		};
		try {
			const result = match.route.handler(ctx) ?? {};
			reply(result.status ?? 200, result.body);
		} catch (error) {
			if (!(error instanceof ApiError)) {
				console.error('[mail-komplet sandbox]', error);
				return reply(500, { message: 'An error has occurred.' });
			}
			reply(error.status, { message: error.message }, error.headers);
		}
	}

	/** POST /authentication/signIn: the login in the body starts a cookie session. */
	private signIn(
		body: unknown,
		reply: (status: number, body?: unknown, extra?: Record<string, string>) => void,
	): void {
		const { server, userName, password } = (isPlainObject(body) ? body : {}) as Record<
			string,
			unknown
		>;
		const login = this.options.login;
		if (server !== login.server || userName !== login.userName || password !== login.password) {
			return reply(403, { message: FORBIDDEN });
		}
		const session = this.sessions.start(this.options.baseCrypt);
		reply(200, session.body, { 'set-cookie': session.setCookie });
	}

	private takeFault(method: string, suffix: string): Fault | undefined {
		const random = this.chaos?.draw(method, suffix);
		return (
			this.consume((f) => f.kind !== 'refuse' && !isPagingFault(f) && matches(f, method, suffix)) ??
			random
		);
	}

	/** The paging faults of this list page, one of each kind: they stack (see faults.ts). */
	private takePagingFaults(method: string, suffix: string): Set<PagingFaultKind> {
		const kinds = new Set<PagingFaultKind>();
		for (const kind of PAGING_FAULT_KINDS) {
			if (this.consume((f) => f.kind === kind && matches(f, method, suffix))) kinds.add(kind);
		}
		return kinds;
	}

	private takeRefusal(method: string, suffix: string, body: unknown): Fault | undefined {
		return this.consume(
			(f) =>
				f.kind === 'refuse' &&
				matches(f, method, suffix) &&
				namesRecipient(body, f.recipient as string),
		);
	}

	/** The first fault `wanted`, unless it is still skipping requests; used up after `times`. */
	private consume(wanted: (fault: ActiveFault) => boolean): Fault | undefined {
		const index = this.faults.findIndex(wanted);
		if (index < 0) return undefined;
		const fault = this.faults[index];
		if (fault.skipping > 0) {
			fault.skipping--;
			return undefined;
		}
		if (--fault.remaining <= 0) this.faults.splice(index, 1);
		return fault;
	}
}
