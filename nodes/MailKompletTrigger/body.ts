import type { IDataObject } from 'n8n-workflow';

import type { MailKompletEvent } from './events';
import { findEventById } from './events';

/** Bodies above this size are refused (Mail Komplet's events are well under 2 KiB each). */
export const MAX_BODY_BYTES = 1024 * 1024;

/** Deeper JSON is refused: n8n copies items recursively, and no Mail Komplet event nests. */
export const MAX_JSON_DEPTH = 32;

/**
 * The parts of the incoming request the trigger reads. n8n passes an Express request (an
 * http.IncomingMessage); its body reader adds `rawBody` / `readRawBody()`.
 */
export interface IncomingRequestLike {
	headers: Record<string, string | string[] | undefined>;
	query?: unknown;
	body?: unknown;
	rawBody?: unknown;
	readRawBody?: () => Promise<void>;
	readable?: boolean;
	readableEnded?: boolean;
	on?: (event: string, listener: (...args: unknown[]) => void) => unknown;
	removeListener?: (event: string, listener: (...args: unknown[]) => void) => unknown;
	resume?: () => unknown;
}

export interface Rejection {
	ok: false;
	status: number;
	reason: string;
	/** The request body was not read to its end: close the connection after answering. */
	closeConnection?: boolean;
}

export type BodyResult = { ok: true; value: unknown } | Rejection;

export interface ReceivedEvent {
	payload: IDataObject;
	event: MailKompletEvent;
}

export type EventsResult = { ok: true; events: ReceivedEvent[] } | Rejection;

const TOO_LARGE: Rejection = {
	ok: false,
	status: 400,
	reason: `Body is too large (limit ${MAX_BODY_BYTES} bytes)`,
	closeConnection: true,
};

function bad(reason: string): Rejection {
	return { ok: false, status: 400, reason };
}

function headerValue(req: IncomingRequestLike, name: string): string | undefined {
	const value = req.headers[name];
	if (Array.isArray(value)) return value[0];
	return value;
}

function isTooLargeError(error: unknown): boolean {
	if (typeof error !== 'object' || error === null) return false;
	const { status, statusCode, type } = error as {
		status?: unknown;
		statusCode?: unknown;
		type?: unknown;
	};
	return status === 413 || statusCode === 413 || type === 'entity.too.large';
}

/** Reads the rest of the request stream, giving up past `limit` bytes. */
async function readStream(req: IncomingRequestLike, limit: number): Promise<Buffer | Rejection> {
	const on = req.on;
	const removeListener = req.removeListener;
	if (!on || !removeListener) return bad('Could not read the body');
	return await new Promise<Buffer | Rejection>((resolve) => {
		const chunks: Buffer[] = [];
		let size = 0;
		let settled = false;
		const finish = (result: Buffer | Rejection) => {
			if (settled) return;
			settled = true;
			removeListener.call(req, 'data', onData);
			removeListener.call(req, 'end', onEnd);
			removeListener.call(req, 'error', onError);
			removeListener.call(req, 'aborted', onError);
			resolve(result);
		};
		const onData = (chunk: unknown) => {
			const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
			size += buffer.length;
			if (size > limit) {
				finish(TOO_LARGE);
				// Let the rest drain unread; the answer closes the connection.
				req.resume?.call(req);
				return;
			}
			chunks.push(buffer);
		};
		const onEnd = () => finish(Buffer.concat(chunks));
		const onError = () => finish(bad('Could not read the body'));
		on.call(req, 'data', onData);
		on.call(req, 'end', onEnd);
		on.call(req, 'error', onError);
		on.call(req, 'aborted', onError);
		req.resume?.call(req);
	});
}

/**
 * The raw bytes of the body. n8n has usually read them already (`rawBody`); otherwise its
 * `readRawBody()` reads them, and without either the request stream is read here.
 */
async function rawBodyOf(
	req: IncomingRequestLike,
): Promise<Buffer | { parsed: unknown } | Rejection> {
	const declaredLength = Number(headerValue(req, 'content-length'));
	if (Number.isFinite(declaredLength) && declaredLength > MAX_BODY_BYTES) return TOO_LARGE;

	if (!Buffer.isBuffer(req.rawBody) && typeof req.readRawBody === 'function') {
		try {
			await req.readRawBody();
		} catch (error) {
			return isTooLargeError(error) ? TOO_LARGE : bad('Could not read the body');
		}
	}
	if (Buffer.isBuffer(req.rawBody)) return req.rawBody;

	if (req.readable === true && req.readableEnded !== true) {
		return await readStream(req, MAX_BODY_BYTES);
	}

	// Nothing raw is left: take what a body parser made of it.
	if (typeof req.body === 'string') return Buffer.from(req.body, 'utf8');
	if (Buffer.isBuffer(req.body)) return req.body;
	if (req.body === undefined || req.body === null) return Buffer.alloc(0);
	return { parsed: req.body };
}

/** The charset parameter of the Content-Type header, if any. */
export function charsetOf(contentType: string | undefined): string | undefined {
	if (!contentType) return undefined;
	const match = /;\s*charset\s*=\s*(?:"([^"]*)"|([^;\s]*))/i.exec(contentType);
	if (!match) return undefined;
	const charset = (match[1] ?? match[2] ?? '').trim();
	return charset === '' ? undefined : charset;
}

function decode(buffer: Buffer, charset: string | undefined): string | Rejection {
	let decoder: InstanceType<typeof TextDecoder>;
	try {
		decoder = new TextDecoder(charset ?? 'utf-8');
	} catch {
		return { ok: false, status: 415, reason: 'Unsupported charset' };
	}
	return decoder.decode(buffer);
}

/** How deeply arrays and objects nest in a parsed JSON value (a scalar is 0). */
export function jsonDepth(value: unknown, stopAbove: number): number {
	let deepest = 0;
	const stack: Array<{ value: unknown; depth: number }> = [{ value, depth: 0 }];
	while (stack.length > 0) {
		const current = stack.pop()!;
		if (typeof current.value !== 'object' || current.value === null) continue;
		const depth = current.depth + 1;
		if (depth > deepest) deepest = depth;
		if (deepest > stopAbove) return deepest;
		for (const child of Object.values(current.value as object)) {
			if (typeof child === 'object' && child !== null) stack.push({ value: child, depth });
		}
	}
	return deepest;
}

/** Reads and parses the request body as JSON, whatever n8n did with it before. */
export async function readJsonBody(req: IncomingRequestLike): Promise<BodyResult> {
	const raw = await rawBodyOf(req);
	if (!Buffer.isBuffer(raw)) {
		if ('ok' in raw) return raw;
		return { ok: true, value: raw.parsed };
	}
	if (raw.length > MAX_BODY_BYTES) return TOO_LARGE;

	const text = decode(raw, charsetOf(headerValue(req, 'content-type')));
	if (typeof text !== 'string') return text;
	if (text.trim() === '') return bad('Body is empty');

	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		return bad('Body is not valid JSON');
	}
	return { ok: true, value };
}

function isObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkEvent(value: unknown, prefix: string): ReceivedEvent | Rejection {
	if (!isObject(value)) return bad(`${prefix}is not a JSON object`);
	if (!Object.prototype.hasOwnProperty.call(value, 'webhookTypeId')) {
		return bad(`${prefix}has no webhookTypeId`);
	}
	const id = value.webhookTypeId;
	if (typeof id !== 'number' || !Number.isInteger(id)) {
		return bad(`${prefix}has a webhookTypeId that is not an integer`);
	}
	const event = findEventById(id);
	if (!event) return bad(`${prefix}has an unknown webhookTypeId`);
	return { payload: value, event };
}

/**
 * Checks a parsed body: one event object or a non-empty array of them, each with a known
 * integer `webhookTypeId`. One bad event refuses the whole call, so nothing starts half-way.
 */
export function validateEvents(value: unknown): EventsResult {
	if (typeof value !== 'object' || value === null) {
		return bad('Body must be a JSON object or an array of objects');
	}
	if (jsonDepth(value, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) return bad('Body is nested too deeply');

	const list = Array.isArray(value) ? value : [value];
	if (list.length === 0) return bad('Body is an empty array');

	const events: ReceivedEvent[] = [];
	for (let index = 0; index < list.length; index++) {
		const prefix = Array.isArray(value) ? `Event ${index + 1} ` : 'Body ';
		const checked = checkEvent(list[index], prefix);
		if ('ok' in checked) return checked;
		events.push(checked);
	}
	return { ok: true, events };
}
