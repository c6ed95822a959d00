import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError } from './errors';
import { readBody, send, tryParseJson } from './http';
import type { ChaosOptions, Fault } from './faults';
import { validateFault } from './faults';
import type { HeldAnswers } from './held';
import type { Store } from './store';
import { Table } from './table';
import type { RecordedRequest, ResolvedOptions, SeedName } from './types';
import { buildWebhookPayload, fireWebhook } from './webhooks';
import { isPlainObject } from './validate';

/**
 * Control endpoints under /__sandbox for other processes (end-to-end suite, demo):
 *   GET    /__sandbox/health            GET/DELETE /__sandbox/requests
 *   POST   /__sandbox/faults            DELETE /__sandbox/faults (also ends chaos)
 *   POST   /__sandbox/held/release      answers held by 'slow' faults without delayMs
 *   POST   /__sandbox/chaos             body ChaosOptions { seed, rate, faults?, method?, path? }
 *   POST   /__sandbox/reset             body { seed?: 'empty' | 'demo' }
 *   POST   /__sandbox/webhooks/fire     body { url, webhookTypeId: 1..8, overrides? }
 *   GET    /__sandbox/store             record counts
 *   GET    /__sandbox/orders            the orders POST /orders/json recorded, oldest first
 *   POST   /__sandbox/store/contacts    body { count, mailingListIds? } (generated contacts)
 */

async function jsonBody(req: IncomingMessage): Promise<Record<string, unknown>> {
	const text = await readBody(req);
	if (!text.trim()) return {};
	const parsed = tryParseJson(text);
	if (!parsed.ok) throw new ApiError(400, `The request body is not valid JSON: ${parsed.error}`);
	if (!isPlainObject(parsed.value))
		throw new ApiError(400, 'The request body must be a JSON object.');
	return parsed.value;
}

/** What the admin endpoints control: the sandbox's server, which calls them. */
export interface Controlled {
	readonly url: string;
	readonly options: ResolvedOptions;
	readonly store: Store;
	readonly requests: RecordedRequest[];
	readonly held: HeldAnswers;
	takeRequests(): RecordedRequest[];
	inject(fault: Fault): void;
	startChaos(options: ChaosOptions): void;
	clearFaults(): void;
	reset(seed?: SeedName): void;
}

function storeCounts(server: Controlled): Record<string, number> {
	const counts: Record<string, number> = {};
	for (const [name, value] of Object.entries(server.store)) {
		if (value instanceof Table) counts[name] = value.size;
	}
	counts.bulkOperations = server.store.bulkOperations.size;
	return counts;
}

export async function handleAdmin(
	server: Controlled,
	req: IncomingMessage,
	res: ServerResponse,
	segments: string[],
): Promise<void> {
	const method = (req.method ?? 'GET').toUpperCase();
	const route = `${method} /${segments.join('/')}`;
	switch (route) {
		case 'GET /health':
			return send(res, 200, {
				status: 'ok',
				url: server.url,
				baseCrypt: server.options.baseCrypt,
				seed: server.options.seed,
				maxPageSize: server.options.maxPageSize ?? null,
			});
		case 'GET /requests':
			return send(res, 200, server.requests);
		case 'DELETE /requests':
			return send(res, 200, { cleared: server.takeRequests().length });
		case 'POST /faults': {
			const fault = validateFault(await jsonBody(req));
			server.inject(fault);
			return send(res, 200, { injected: fault });
		}
		case 'POST /chaos': {
			const options = await jsonBody(req);
			server.startChaos(options as never);
			return send(res, 200, { chaos: options });
		}
		case 'DELETE /faults':
			server.clearFaults();
			return send(res, 200, { cleared: true });
		case 'POST /held/release':
			return send(res, 200, { released: server.held.release() });
		case 'POST /reset': {
			const { seed } = await jsonBody(req);
			if (seed !== undefined && seed !== 'empty' && seed !== 'demo') {
				throw new ApiError(400, 'The seed field must be "empty" or "demo".');
			}
			server.reset(seed);
			return send(res, 200, { reset: true, seed: seed ?? server.options.seed });
		}
		case 'POST /webhooks/fire': {
			const { url, webhookTypeId, overrides } = await jsonBody(req);
			if (typeof url !== 'string' || !/^https?:\/\//.test(url))
				throw new ApiError(400, 'The url field must be an http(s) URL.');
			if (
				typeof webhookTypeId !== 'number' ||
				!Number.isInteger(webhookTypeId) ||
				webhookTypeId < 1 ||
				webhookTypeId > 8
			) {
				throw new ApiError(400, 'The webhookTypeId field must be an integer from 1 to 8.');
			}
			if (overrides !== undefined && !isPlainObject(overrides))
				throw new ApiError(400, 'The overrides field must be an object.');
			const payload = buildWebhookPayload(webhookTypeId, overrides, server.store);
			const result = await fireWebhook(url, payload);
			return send(res, 200, { ...result, payload });
		}
		case 'GET /store':
			return send(res, 200, storeCounts(server));
		case 'GET /orders':
			return send(res, 200, server.store.orders.rows);
		case 'POST /store/contacts': {
			const { count, mailingListIds } = await jsonBody(req);
			if (typeof count !== 'number' || !Number.isInteger(count) || count < 1 || count > 1_000_000) {
				throw new ApiError(400, 'The count field must be an integer from 1 to 1000000.');
			}
			if (
				mailingListIds !== undefined &&
				(!Array.isArray(mailingListIds) ||
					mailingListIds.some((id) => !server.store.mailingLists.has(id)))
			) {
				throw new ApiError(400, 'The mailingListIds field must list existing mailing list IDs.');
			}
			const added = server.store.addContacts(count, {
				mailingListIds: mailingListIds as number[] | undefined,
			});
			return send(res, 200, {
				count: added.length,
				firstContactId: added[0].contactId,
				lastContactId: added[added.length - 1].contactId,
			});
		}
		default:
			return send(res, 404, { message: `Unknown sandbox admin endpoint ${route}.` });
	}
}
