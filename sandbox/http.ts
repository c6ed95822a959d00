import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError } from './errors';

/** Low-level request/response helpers shared by the API and admin handlers. */

export const MAX_BODY_BYTES = 64 * 1024 * 1024;

export function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<string> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		let tooLarge = false;
		req.on('data', (chunk: Buffer) => {
			if (tooLarge) return;
			size += chunk.length;
			if (size > limit) {
				tooLarge = true;
				chunks.length = 0;
				return;
			}
			chunks.push(chunk);
		});
		req.on('end', () => {
			if (tooLarge) reject(new ApiError(413, `The request body is larger than ${limit} bytes.`));
			else resolve(Buffer.concat(chunks).toString('utf8'));
		});
		req.on('error', reject);
	});
}

/** Sends JSON, or an empty body when `body` is undefined. */
export function send(
	res: ServerResponse,
	status: number,
	body?: unknown,
	headers: Record<string, string> = {},
): void {
	if (res.headersSent) return;
	const payload =
		body === undefined || status === 204 || status === 304 ? '' : JSON.stringify(body);
	const out: Record<string, string | number> = {
		...headers,
		'content-length': Buffer.byteLength(payload),
	};
	if (payload) out['content-type'] = 'application/json; charset=utf-8';
	res.writeHead(status, out);
	res.end(payload);
}

export function flattenHeaders(req: IncomingMessage): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [name, value] of Object.entries(req.headers)) {
		if (value !== undefined)
			out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
	}
	return out;
}

/** Media type of a Content-Type header without parameters, lower-cased. */
export function mediaType(value: string | undefined): string {
	return (value ?? '').split(';')[0].trim().toLowerCase();
}

export function tryParseJson(
	text: string,
): { ok: true; value: unknown } | { ok: false; error: string } {
	try {
		return { ok: true, value: JSON.parse(text) };
	} catch (error) {
		return { ok: false, error: (error as Error).message };
	}
}
