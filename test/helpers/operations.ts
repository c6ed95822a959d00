import type { INodeParameters } from 'n8n-workflow';

import type { RunResult } from '../harness';
import type { SandboxTestContext, SentRequest } from './sandbox';
import { API_HEADERS } from './sandbox';

/** The GET requests of a paged list: pages 1..count at pageSize, after the endpoint's query. */
export function pageRequests(
	path: string,
	count: number,
	pageSize: number,
	query: Record<string, string> = {},
): SentRequest[] {
	return Array.from({ length: count }, (_, index) => ({
		method: 'GET',
		path,
		query: { ...query, page: String(index + 1), pageSize: String(pageSize) },
	}));
}

/**
 * Runs a Get Many with Return All and a small Page Size, and checks that it read exactly the
 * expected pages, each once, with the documented headers.
 */
export async function returnAllPages(
	t: SandboxTestContext,
	parameters: INodeParameters,
	expected: { path: string; pages: number; pageSize?: number; query?: Record<string, string> },
): Promise<RunResult> {
	const pageSize = expected.pageSize ?? 2;
	const result = await t.run({ ...parameters, returnAll: true, options: { pageSize } });
	expect(result.error).toBeUndefined();
	expect(t.sandbox.requests[0].headers).toMatchObject(API_HEADERS);
	// Pages after the first are under way together, so they may arrive in any order.
	const byPage = t.sent().sort((a, b) => Number(a.query.page) - Number(b.query.page));
	expect(byPage).toEqual(pageRequests(expected.path, expected.pages, pageSize, expected.query));
	return result;
}

export const NOW = '2026-01-15T10:00:00';

/** The GUID the sandbox gives the n-th record after `fixClockAndGuids`. */
export const guid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** Stamps records with NOW and numbers their GUIDs, so outputs compare exactly. */
export function fixClockAndGuids(t: SandboxTestContext): void {
	beforeEach(() => {
		t.sandbox.clock.set(NOW);
		let n = 0;
		t.sandbox.store.guid = () => guid(++n);
	});
}
