import { NodeOperationError } from 'n8n-workflow';

import { isSafeSegment } from './api';
import type { MailKompletContext } from './context';

/**
 * Whether a write may be sent again when its answer is lost.
 * - safe: repeating leaves Mail Komplet as one request would (updates, deletes, upserts).
 * - create: a repeat would make a second record; after a lost answer the record is looked up.
 * - send: a repeat would e-mail or text someone twice; it is never repeated after a lost answer.
 */
export type RepeatSafety =
	| {
			safe: true;
			why: string;
			/**
			 * For a DELETE of one record: a 404 to a repeat after a lost answer means the lost try
			 * deleted it, so the delete is done. (Not for many IDs at once: one missing ID fails all.)
			 */
			goneMeansDone?: boolean;
	  }
	| CreateSafety
	| SendSafety;

/** A create that makes a new record: repeated only after it is looked up and not found. */
export type CreateSafety = { safe: false; kind: 'create'; why: string };

/** A transactional e-mail or SMS: never repeated. */
export type SendSafety = { safe: false; kind: 'send'; why: string };

/** Method and documented path, `{name}` for a path parameter, e.g. "PUT /contacts/{contactId}". */
export type ReadEndpoint = `GET /${string}`;
export type WriteEndpoint = `${'POST' | 'PUT' | 'DELETE'} /${string}`;

/** A read: always safe to repeat, so it states nothing more. */
export interface ReadSpec {
	endpoint: ReadEndpoint;
}

/** A write states whether it may be repeated when its answer is lost. */
export interface WriteSpec<Repeat extends RepeatSafety = RepeatSafety> {
	endpoint: WriteEndpoint;
	repeat: Repeat;
}

/** One kind of request an operation makes, as the operation declares it. */
export type EndpointSpec = ReadSpec | WriteSpec;

/** An operation's requests by name: `main`, or e.g. `create` and `lookUp`. */
export type Endpoints = Record<string, EndpointSpec>;

export const isWrite = (spec: EndpointSpec): spec is WriteSpec => 'repeat' in spec;

export const methodOf = (spec: EndpointSpec) =>
	spec.endpoint.slice(0, spec.endpoint.indexOf(' ')) as 'GET' | 'POST' | 'PUT' | 'DELETE';

/** Values for the `{name}` parameters of an endpoint's path. */
export type PathParams = Record<string, string | number>;

/**
 * The path segments of `spec` below the account, parameters filled in (not yet encoded).
 * A missing parameter or a dot segment is refused: it would address something else.
 */
export function pathOf(
	ctx: MailKompletContext,
	spec: EndpointSpec,
	params: PathParams = {},
	itemIndex?: number,
): string[] {
	const path = spec.endpoint.slice(spec.endpoint.indexOf(' ') + 2);
	return path.split('/').map((segment) => {
		const name = /^\{(\w+)\}$/.exec(segment)?.[1];
		if (name === undefined) return segment;
		if (!(name in params)) {
			throw new NodeOperationError(ctx.getNode(), `${spec.endpoint} needs a value for ${name}`, {
				itemIndex,
			});
		}
		return String(params[name]);
	});
}

/** The URL of `segments` below `baseUrl`; each segment is URL-encoded on its own. */
export function buildUrl(
	ctx: MailKompletContext,
	baseUrl: string,
	segments: string[],
	itemIndex: number | undefined,
): string {
	for (const segment of segments) {
		if (!isSafeSegment(segment)) {
			throw new NodeOperationError(ctx.getNode(), `Invalid path segment "${segment}"`, {
				itemIndex,
			});
		}
	}
	return `${baseUrl}/${segments.map(encodeURIComponent).join('/')}`;
}
