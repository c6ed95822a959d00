import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';

import type { MailKompletContext } from './context';
import { isExecuteContext, oncePerRun } from './context';

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

/** The labels of the Retries and Timeout options, for errors about their values. */
export const REQUEST_OPTION_LABELS: Record<keyof typeof REQUEST_LIMITS | 'retryDelayMs', string> = {
	maxTries: 'Max Tries',
	maxWaitSeconds: 'Max Total Wait (Seconds)',
	timeoutMs: 'Timeout (Ms)',
	parallelRequests: 'Parallel Requests',
	pageConcurrency: 'Pages in Parallel',
	retryDelayMs: 'First Retry Delay (Ms)',
};

/**
 * The item's Retries and Timeout options, read once per item and run (all its requests and
 * pages share them); pickers and missing options get the defaults.
 */
export function readRequestOptions(ctx: MailKompletContext, itemIndex = 0): RequestSettings {
	if (!isExecuteContext(ctx)) return DEFAULT_REQUEST_SETTINGS;
	return oncePerRun(ctx, `requestOptions ${itemIndex}`, () => itemSettings(ctx, itemIndex));
}

function itemSettings(ctx: IExecuteFunctions, itemIndex: number): RequestSettings {
	const options = ctx.getNodeParameter('requestOptions', itemIndex, {}) as IDataObject;
	const number = (
		key: keyof typeof REQUEST_OPTION_LABELS,
		fallback: number,
		min: number,
		max = Infinity,
	) => {
		const value = options[key] ?? fallback;
		if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
			throw new NodeOperationError(
				ctx.getNode(),
				`${REQUEST_OPTION_LABELS[key]} must be a number from ${min}${max === Infinity ? ' up' : ` to ${max}`}, got ${JSON.stringify(value)}`,
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
