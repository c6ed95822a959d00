import type { ListEnvelope, Paging } from './paging';
import type { Store } from './store';
import type { QueryReader } from './validate';

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface RouteSettings {
	maxPageSize?: number;
	bulkPollsPerPhase: number;
}

export interface RouteContext {
	store: Store;
	/** Integer path parameters, e.g. `{ mailingListId: 11601 }`. */
	params: Record<string, number>;
	query: QueryReader;
	/** Parsed JSON body (undefined when the request had none). */
	body: unknown;
	settings: RouteSettings;
	/** Reads page/pageSize (400 when invalid). */
	paging(): Paging;
	/** One page of `source` in the endpoint's envelope; honours the server's page-size cap. */
	page<T, R>(
		source: readonly T[],
		filter: ((row: T) => boolean) | undefined,
		map: (row: T) => R,
		options?: { pageCount?: boolean },
	): ListEnvelope<R>;
}

/** A handler's answer: status 200 unless given; an undefined body is sent as an empty body. */
export interface RouteResult {
	status?: number;
	body?: unknown;
}

export interface RouteDef {
	method: Method;
	/** Path after the baseCrypt; `{name:int}` marks an integer segment. */
	path: string;
	handler: (ctx: RouteContext) => RouteResult | void;
}

type Segment = { literal: string } | { param: string };

interface CompiledRoute {
	def: RouteDef;
	segments: Segment[];
}

export type RouteMatch =
	| { kind: 'found'; route: RouteDef; params: Record<string, number> }
	| { kind: 'methodNotAllowed'; allow: Method[] }
	| { kind: 'notFound' };

const INT_SEGMENT = /^\d{1,10}$/;

/** Matches method + path against the route table (paths ignore case, as ASP.NET routing does). */
export class Router {
	private readonly routes: CompiledRoute[];

	constructor(defs: readonly RouteDef[]) {
		this.routes = defs.map((def) => ({
			def,
			segments: def.path
				.split('/')
				.filter(Boolean)
				.map((s): Segment => {
					const m = /^\{(\w+):int\}$/.exec(s);
					return m ? { param: m[1] } : { literal: s.toLowerCase() };
				}),
		}));
	}

	get definitions(): RouteDef[] {
		return this.routes.map((r) => r.def);
	}

	match(method: string, segments: readonly string[]): RouteMatch {
		const allow: Method[] = [];
		for (const route of this.routes) {
			const params = matchSegments(route.segments, segments);
			if (!params) continue;
			if (route.def.method === method) return { kind: 'found', route: route.def, params };
			if (!allow.includes(route.def.method)) allow.push(route.def.method);
		}
		return allow.length ? { kind: 'methodNotAllowed', allow } : { kind: 'notFound' };
	}
}

function matchSegments(
	pattern: Segment[],
	actual: readonly string[],
): Record<string, number> | undefined {
	if (pattern.length !== actual.length) return undefined;
	const params: Record<string, number> = {};
	for (let i = 0; i < pattern.length; i++) {
		const seg = pattern[i];
		const value = actual[i];
		if ('literal' in seg) {
			if (seg.literal !== value.toLowerCase()) return undefined;
		} else {
			if (!INT_SEGMENT.test(value) || Number(value) > 2_147_483_647) return undefined;
			params[seg.param] = Number(value);
		}
	}
	return params;
}
