import type { ServerResponse } from 'node:http';
import type { Clock } from './clock';
import { ApiError } from './errors';
import type { HeldAnswers } from './held';
import { send } from './http';
import type { RecordedRequest } from './types';
import { isPlainObject } from './validate';

/**
 * Injected faults: what a load balancer, a proxy or a flaky network does to a request.
 * A fault either replaces the request (nothing is applied) or strikes after the handler ran
 * (the write is applied, but the client never learns it): the case retries must not repeat.
 */

export type FaultKind =
	/** Answer `status` (with `headers`/`body`). */
	| 'status'
	/** Close the connection without an answer. */
	| 'drop'
	/** Send the headers and half the body, then close the connection. */
	| 'cut'
	/** Answer after `delayMs`, past the client's timeout; without it, when the test releases it. */
	| 'slow'
	/** Answer a web page (`status`, default 200), as a proxy, CDN or maintenance page does. */
	| 'page'
	/** Answer `status` (default 302) with a Location pointing at such a page (MAINTENANCE_PATH). */
	| 'redirect'
	/** Refuse `recipient` with the documented 400 (see "Recipient refused" below). */
	| 'refuse'
	| PagingFaultKind;

/**
 * Paging faults: a list endpoint that does not page as the reference says. The handler runs and
 * the client gets a well-formed answer; unlike the kinds above they stack, so a request meeting
 * both comes from a server that neither pages nor counts. `times` counts the list pages served.
 */
export type PagingFaultKind =
	/** Serve page 1 whatever `page` asks for, with the counts of the whole list. */
	| 'pageIgnored'
	/** Leave totalRecordCount and pageCount out of the envelope. */
	| 'countsMissing';

export const PAGING_FAULT_KINDS: PagingFaultKind[] = ['pageIgnored', 'countsMissing'];

export function isPagingFault(fault: Fault): fault is Fault & { kind: PagingFaultKind } {
	return PAGING_FAULT_KINDS.includes(fault.kind as PagingFaultKind);
}

export interface Fault {
	/** HTTP method to match (any when absent). */
	method?: string;
	/** Path after the baseCrypt, e.g. '/contacts' (any when absent; a trailing '*' matches a prefix). */
	path?: string;
	/** What happens (default 'status'). */
	kind?: FaultKind;
	/** HTTP status of a 'status' fault (required for it), a 'page' or a 'redirect'. */
	status?: number;
	/**
	 * Whether the request takes effect before the fault strikes (default false for 'status' and
	 * 'drop'; 'cut' and 'slow' always answer the real result, so they are always applied).
	 */
	applied?: boolean;
	/** How long a 'slow' fault holds the answer (default: until the test releases it). */
	delayMs?: number;
	/** How many matching requests get the fault (default 1). */
	times?: number;
	/** How many matching requests pass unharmed before it strikes (default 0), e.g. to hit item 2. */
	skip?: number;
	headers?: Record<string, string>;
	/** Response body of a 'status' fault (default `{ message: 'Injected fault <status>' }`). */
	body?: unknown;
	/** The e-mail address or phone number a 'refuse' fault refuses. */
	recipient?: string;
}

/** Random faults on a share of all API requests, drawn from a seeded generator. */
export interface ChaosOptions {
	/** Same seed, same requests in the same order: same faults. */
	seed: string | number;
	/** Share of requests that get a fault, 0..1. */
	rate: number;
	/** Faults to choose from, each equally likely (default: CHAOS_FAULTS). */
	faults?: Fault[];
	/** Only requests of this method / path (as in Fault) are affected. */
	method?: string;
	path?: string;
}

/** Every kind the issue names: the five retryable statuses, drops and cuts either side of the write, Retry-After both ways. */
export const CHAOS_FAULTS: Fault[] = [
	{ status: 429, headers: { 'retry-after': '0' } },
	{ status: 429, headers: { 'retry-after': 'date' } },
	{ status: 500 },
	{ status: 500, applied: true },
	{ status: 502 },
	{ status: 503, headers: { 'retry-after': '0' } },
	{ status: 503, applied: true },
	{ status: 504, applied: true },
	{ kind: 'drop' },
	{ kind: 'drop', applied: true },
	{ kind: 'cut' },
];

/** What stands between a client and Mail Komplet when it is not Mail Komplet that answers. */
export const PROXY_FAULTS: Fault[] = [{ kind: 'page' }, { kind: 'redirect' }];

/** Where a 'redirect' fault points, on the sandbox's own origin: it serves MAINTENANCE_PAGE. */
export const MAINTENANCE_PATH = '/maintenance';

export const MAINTENANCE_PAGE =
	'<!DOCTYPE html><html><head><title>Down for maintenance</title></head><body><h1>We will be back soon</h1></body></html>';

const KINDS: FaultKind[] = [
	'status',
	'drop',
	'cut',
	'slow',
	'page',
	'redirect',
	'refuse',
	...PAGING_FAULT_KINDS,
];

const DEFAULT_STATUS: Partial<Record<FaultKind, number>> = { page: 200, redirect: 302 };

export function validateFault(input: unknown): Fault {
	if (!isPlainObject(input)) throw new ApiError(400, 'A fault must be a JSON object.');
	const {
		method,
		path,
		kind = 'status',
		status,
		applied,
		delayMs,
		times,
		skip,
		headers,
		body,
		recipient,
	} = input;
	if (!KINDS.includes(kind as FaultKind))
		throw new ApiError(400, `The kind field must be one of ${KINDS.join(', ')}.`);
	if (
		(kind === 'status' || status !== undefined) &&
		(typeof status !== 'number' || !Number.isInteger(status) || status < 100 || status > 599)
	) {
		throw new ApiError(400, 'The status field must be an HTTP status code (100-599).');
	}
	if (method !== undefined && typeof method !== 'string')
		throw new ApiError(400, 'The method field must be a string.');
	if (path !== undefined && typeof path !== 'string')
		throw new ApiError(400, 'The path field must be a string.');
	if (applied !== undefined && typeof applied !== 'boolean')
		throw new ApiError(400, 'The applied field must be a boolean.');
	if (delayMs !== undefined && (typeof delayMs !== 'number' || delayMs < 0))
		throw new ApiError(400, 'The delayMs field must be a non-negative number.');
	if (times !== undefined && (typeof times !== 'number' || !Number.isInteger(times) || times < 1)) {
		throw new ApiError(400, 'The times field must be a positive integer.');
	}
	if (skip !== undefined && (typeof skip !== 'number' || !Number.isInteger(skip) || skip < 0)) {
		throw new ApiError(400, 'The skip field must be a non-negative integer.');
	}
	if (
		headers !== undefined &&
		(!isPlainObject(headers) || Object.values(headers).some((v) => typeof v !== 'string'))
	) {
		throw new ApiError(400, 'The headers field must be an object of strings.');
	}
	if (kind === 'refuse') return refusal(input, recipient);
	return {
		method,
		path,
		kind: kind as FaultKind,
		status: (status ?? DEFAULT_STATUS[kind as FaultKind]) as number | undefined,
		applied: kind === 'cut' || kind === 'slow' ? true : (applied ?? false),
		delayMs,
		times,
		skip,
		headers: headers as Record<string, string> | undefined,
		body,
	};
}

export function validateChaos(input: unknown): ChaosOptions {
	if (!isPlainObject(input)) throw new ApiError(400, 'Chaos options must be a JSON object.');
	const { seed, rate, faults, method, path } = input;
	if (typeof seed !== 'string' && typeof seed !== 'number')
		throw new ApiError(400, 'The seed field must be a string or a number.');
	if (typeof rate !== 'number' || rate < 0 || rate > 1)
		throw new ApiError(400, 'The rate field must be a number from 0 to 1.');
	if (faults !== undefined && (!Array.isArray(faults) || faults.length === 0))
		throw new ApiError(400, 'The faults field must be a non-empty array of faults.');
	if (method !== undefined && typeof method !== 'string')
		throw new ApiError(400, 'The method field must be a string.');
	if (path !== undefined && typeof path !== 'string')
		throw new ApiError(400, 'The path field must be a string.');
	const drawn = faults?.map(validateFault);
	if (drawn?.some(isPagingFault))
		throw new ApiError(400, 'Paging faults are injected, not drawn by chaos.');
	return { seed, rate, faults: drawn, method, path };
}

function normalisePath(path: string): string {
	const withSlash = path.startsWith('/') ? path : `/${path}`;
	return withSlash.length > 1 ? withSlash.replace(/\/+$/, '').toLowerCase() : withSlash;
}

/** Whether a fault's (or chaos') method and path select this request. */
export function matches(
	selector: { method?: string; path?: string },
	method: string,
	suffix: string,
): boolean {
	if (selector.method && selector.method.toUpperCase() !== method) return false;
	if (selector.path === undefined) return true;
	const path = normalisePath(suffix);
	const wanted = normalisePath(selector.path);
	return wanted.endsWith('*') ? path.startsWith(wanted.slice(0, -1)) : path === wanted;
}

/** mulberry32 over a string hash: small, fast, and the same sequence on every platform. */
export function seededRandom(seed: string | number): () => number {
	let state = 2166136261;
	for (const char of String(seed)) state = Math.imul(state ^ char.charCodeAt(0), 16777619);
	return () => {
		state = (state + 0x6d2b79f5) | 0;
		let t = Math.imul(state ^ (state >>> 15), 1 | state);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export class Chaos {
	private readonly random: () => number;
	private readonly faults: Fault[];

	constructor(readonly options: ChaosOptions) {
		this.random = seededRandom(options.seed);
		this.faults = options.faults ?? CHAOS_FAULTS.map(validateFault);
	}

	/** The fault for this request, if it is one of the unlucky ones. */
	draw(method: string, suffix: string): Fault | undefined {
		if (!matches(this.options, method, suffix)) return undefined;
		// Both draws always happen, so the sequence does not depend on which fault came before.
		const hit = this.random() < this.options.rate;
		const pick = this.faults[Math.floor(this.random() * this.faults.length)];
		return hit ? pick : undefined;
	}
}

/** What a fault strikes with besides the response: the sandbox's clock and its held answers. */
export interface StrikeContext {
	clock: Clock;
	held: HeldAnswers;
	request: RecordedRequest;
}

/** Retry-After 'date' in a fault stands for the sandbox's now as an HTTP date. */
function resolveHeaders(
	clock: Clock,
	headers: Record<string, string> = {},
): Record<string, string> {
	const out = { ...headers };
	for (const [name, value] of Object.entries(out)) {
		if (name.toLowerCase() === 'retry-after' && value === 'date')
			out[name] = clock.date().toUTCString();
	}
	return out;
}

/** A fault that replaces the answer: what the client gets instead of `answer`. */
export function strike(
	res: ServerResponse,
	fault: Fault,
	answer: { status: number; body?: unknown; headers?: Record<string, string> },
	context: StrikeContext,
): void {
	switch (fault.kind ?? 'status') {
		case 'drop':
			res.socket?.destroy();
			return;
		case 'cut': {
			const payload = JSON.stringify(answer.body ?? { cut: 'short' });
			res.writeHead(answer.status, {
				...answer.headers,
				'content-type': 'application/json; charset=utf-8',
				'content-length': Buffer.byteLength(payload),
			});
			res.write(payload.slice(0, Math.max(1, Math.floor(payload.length / 2))));
			// Flushed first, so the client sees a short body and not a refused request.
			setImmediate(() => res.socket?.destroy());
			return;
		}
		case 'slow': {
			const answerNow = () => send(res, answer.status, answer.body, answer.headers);
			if (fault.delayMs === undefined) return context.held.hold(res, context.request, answerNow);
			const timer = setTimeout(answerNow, fault.delayMs);
			res.on('close', () => clearTimeout(timer));
			return;
		}
		case 'page':
			sendPage(res, fault.status ?? 200, resolveHeaders(context.clock, fault.headers));
			return;
		case 'redirect':
			res.writeHead(fault.status ?? 302, {
				...resolveHeaders(context.clock, fault.headers),
				location: MAINTENANCE_PATH,
				'content-length': 0,
			});
			res.end();
			return;
		default: {
			const status = fault.status as number;
			send(
				res,
				status,
				fault.body === undefined ? { message: `Injected fault ${status}.` } : fault.body,
				resolveHeaders(context.clock, fault.headers),
			);
		}
	}
}

/** An HTML page, as a web server that is not the API answers. */
export function sendPage(
	res: ServerResponse,
	status: number,
	headers: Record<string, string> = {},
): void {
	res.writeHead(status, {
		...headers,
		'content-type': 'text/html; charset=utf-8',
		'content-length': Buffer.byteLength(MAINTENANCE_PAGE),
	});
	res.end(MAINTENANCE_PAGE);
}

/** What the request log says of a fault, e.g. "drop after the write", "page 200 before the write". */
export function describeFault(fault: Fault): string {
	const kind = fault.kind ?? 'status';
	const what =
		kind === 'status'
			? String(fault.status)
			: kind === 'page' || kind === 'redirect'
				? `${kind} ${fault.status}`
				: kind;
	return `${what} ${fault.applied ? 'after' : 'before'} the write`;
}

// Recipient refused ------------------------------------------------------------------------

/**
 * Mail Komplet refusing one recipient (an address it will not send to) with its documented
 * error, 400 Bad Request: `{ kind: 'refuse', recipient }` strikes the requests whose JSON body
 * names `recipient`, whichever item or order they come in, and nothing is applied. Like any
 * fault it strikes `times` matching requests (default 1), so a retry may get through.
 */
function refusal(input: Record<string, unknown>, recipient: unknown): Fault {
	if (typeof recipient !== 'string' || comparable(recipient) === '')
		throw new ApiError(400, 'The recipient field of a refuse fault must be a non-empty string.');
	return {
		...validateFault({ ...input, kind: 'status', status: 400, recipient: undefined }),
		kind: 'refuse',
		applied: false,
		recipient,
		body: { message: `The recipient ${recipient.trim()} was refused.` },
	};
}

/** Addresses and phone numbers compare without case and spaces. */
const comparable = (text: string) => text.replace(/\s+/g, '').toLowerCase();

/** Whether a request body names the recipient anywhere (e.g. email.to[3].address, email, sms.to[0].number). */
export function namesRecipient(body: unknown, recipient: string): boolean {
	if (typeof body === 'string') return comparable(body) === comparable(recipient);
	if (body === null || typeof body !== 'object') return false;
	return Object.values(body).some((value) => namesRecipient(value, recipient));
}
