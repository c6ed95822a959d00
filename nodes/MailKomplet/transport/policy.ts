import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';

import type { MailKompletContext } from './context';
import { isExecuteContext } from './context';

/**
 * Whether a write may be sent again when its answer is lost, stated once by each operation.
 * - safe: repeating leaves Mail Komplet as one request would (reads, updates, deletes, upserts).
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

export interface RequestSettings {
	/** Tries in all, the first included. */
	maxTries: number;
	/** Longest time spent waiting between tries, per request, in all. */
	maxWaitMs: number;
	/** Wait before the second try when Mail Komplet sends no Retry-After; doubles each try. */
	retryDelayMs: number;
	/** How long one request may take before it counts as failed. */
	timeoutMs: number;
	/** Items of a per-item operation in flight at once; 1 runs them one after another. */
	parallelRequests: number;
	/** Pages of a list read at the same time after the first gave the counts; 1 reads them in turn. */
	pageConcurrency: number;
}

/**
 * 120 s: the slowest documented calls are a bulk import of 10,000 contacts, a page of 10,000
 * records and a transactional e-mail with attachments, each several MB.
 */
export const DEFAULT_REQUEST_SETTINGS: RequestSettings = {
	maxTries: 5,
	maxWaitMs: 60_000,
	retryDelayMs: 1_000,
	timeoutMs: 120_000,
	parallelRequests: 1,
	// What a real account tolerates: a few pages at once, well below a burst that draws 429s.
	pageConcurrency: 4,
};

/** Waits and timeouts stay well inside what a timer holds (2^31 - 1 ms, about 24.8 days). */
export const REQUEST_LIMITS = {
	maxTries: { min: 1, max: 10 },
	maxWaitSeconds: { min: 0, max: 3_600 },
	timeoutMs: { min: 1, max: 3_600_000 },
	// More rarely helps: Mail Komplet answers 429 sooner, and every busy try waits.
	parallelRequests: { min: 1, max: 20 },
	pageConcurrency: { min: 1, max: 10 },
};

/** The "Retries and Timeout" options; every operation offers them. */
export const requestOptionsProperty: INodeProperties = {
	displayName: 'Retries and Timeout',
	name: 'requestOptions',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	description:
		'How often and how long to retry when Mail Komplet is busy or the connection fails. Only requests that are safe to repeat are repeated.',
	options: [
		{
			displayName: 'First Retry Delay (Ms)',
			name: 'retryDelayMs',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 1000,
			description:
				'How long to wait before the second try when Mail Komplet does not say (Retry-After); each further wait doubles, with some randomness',
		},
		{
			displayName: 'Max Total Wait (Seconds)',
			name: 'maxWaitSeconds',
			type: 'number',
			typeOptions: {
				minValue: REQUEST_LIMITS.maxWaitSeconds.min,
				maxValue: REQUEST_LIMITS.maxWaitSeconds.max,
			},
			default: 60,
			description:
				'Longest time to spend waiting between tries of one request; a Retry-After longer than what is left ends the retries',
		},
		{
			displayName: 'Max Tries',
			name: 'maxTries',
			type: 'number',
			typeOptions: { minValue: REQUEST_LIMITS.maxTries.min, maxValue: REQUEST_LIMITS.maxTries.max },
			default: 5,
			description: 'How many times one request is sent at most, the first time included',
		},
		{
			displayName: 'Pages in Parallel',
			name: 'pageConcurrency',
			type: 'number',
			typeOptions: {
				minValue: REQUEST_LIMITS.pageConcurrency.min,
				maxValue: REQUEST_LIMITS.pageConcurrency.max,
			},
			default: 4,
			displayOptions: { show: { '/returnAll': [true] } },
			description:
				"For Get Many with Return All: how many pages to read at the same time after the first page has told how many there are. Output keeps the server's order; 1 reads the pages one after another.",
		},
		{
			displayName: 'Parallel Requests',
			name: 'parallelRequests',
			type: 'number',
			typeOptions: {
				minValue: REQUEST_LIMITS.parallelRequests.min,
				maxValue: REQUEST_LIMITS.parallelRequests.max,
			},
			default: 1,
			// Operations that send all items in few requests have nothing to run side by side.
			displayOptions: { hide: { '/operation': ['bulkImport'], '/sendMode': ['batch'] } },
			description:
				'How many items to send to Mail Komplet at once; 1 sends one after another. Output keeps the input order and sends and creates are never repeated; when an item fails, the items already under way still finish.',
		},
		{
			displayName: 'Timeout (Ms)',
			name: 'timeoutMs',
			type: 'number',
			typeOptions: {
				minValue: REQUEST_LIMITS.timeoutMs.min,
				maxValue: REQUEST_LIMITS.timeoutMs.max,
			},
			default: 120000,
			description:
				'How long to wait for an answer to one request. A read that times out is retried; a send that times out is reported, never sent again.',
		},
	],
};

/** The item's Retries and Timeout options; pickers and missing options get the defaults. */
export function readRequestOptions(ctx: MailKompletContext, itemIndex = 0): RequestSettings {
	if (!isExecuteContext(ctx)) return DEFAULT_REQUEST_SETTINGS;
	const options = ctx.getNodeParameter('requestOptions', itemIndex, {}) as IDataObject;
	const number = (key: string, fallback: number, min: number, max = Infinity) => {
		const value = options[key] ?? fallback;
		if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
			const option = requestOptionsProperty.options?.find((o) => o.name === key);
			const label = option && 'displayName' in option ? option.displayName : key;
			throw new NodeOperationError(
				ctx.getNode(),
				`${label} must be a number from ${min}${max === Infinity ? ' up' : ` to ${max}`}, got ${JSON.stringify(value)}`,
				{ itemIndex, description: 'Correct it under Retries and Timeout.' },
			);
		}
		return value;
	};
	const { maxTries, maxWaitSeconds, timeoutMs, parallelRequests, pageConcurrency } = REQUEST_LIMITS;
	const defaults = DEFAULT_REQUEST_SETTINGS;
	return {
		maxTries: Math.floor(number('maxTries', defaults.maxTries, maxTries.min, maxTries.max)),
		maxWaitMs:
			number('maxWaitSeconds', defaults.maxWaitMs / 1000, maxWaitSeconds.min, maxWaitSeconds.max) *
			1000,
		retryDelayMs: number('retryDelayMs', defaults.retryDelayMs, 0),
		timeoutMs: number('timeoutMs', defaults.timeoutMs, timeoutMs.min, timeoutMs.max),
		parallelRequests: Math.floor(
			number(
				'parallelRequests',
				defaults.parallelRequests,
				parallelRequests.min,
				parallelRequests.max,
			),
		),
		pageConcurrency: Math.floor(
			number('pageConcurrency', defaults.pageConcurrency, pageConcurrency.min, pageConcurrency.max),
		),
	};
}

/** The clock retries run on; tests swap it to count and bound waits without waiting. */
export const timing = {
	sleep: async (ms: number): Promise<void> => await sleep(ms),
	now: (): number => Date.now(),
	random: (): number => Math.random(),
};

/** Seconds or an HTTP date, as RFC 9110 allows; undefined when absent or unreadable. */
export function parseRetryAfter(value: unknown, now = timing.now()): number | undefined {
	if (typeof value !== 'string' && typeof value !== 'number') return undefined;
	const text = String(value).trim();
	if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
	const date = Date.parse(text);
	return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Exponential backoff with jitter: half the doubled delay fixed, half random, so clients spread out. */
export function backoffMs(settings: RequestSettings, failedTries: number): number {
	const full = settings.retryDelayMs * 2 ** (failedTries - 1);
	return Math.round(full / 2 + (timing.random() * full) / 2);
}
