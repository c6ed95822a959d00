import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';

import { fail } from '../../helpers/parameters';
import type { Convert } from '../../helpers/values';
import { apiRequest } from '../../transport';
import { unwrap } from '../common';

export const BULK_STATUS = {
	finished: 'SuccessfulyFinished',
	error: 'Error',
} as const;

export interface BulkInfo extends IDataObject {
	operationId: string;
	status: string;
	errors: string | null;
	errorMessage: string | null;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An import's operationId: the GUID Bulk Import returned, checked before it goes into a URL. */
export const asOperationId: Convert = (ctx, value, label, itemIndex) => {
	const text = typeof value === 'string' ? value.trim() : '';
	if (!GUID.test(text)) {
		fail(
			ctx,
			itemIndex,
			`${label} must be the GUID a Bulk Import returned, got ${JSON.stringify(value ?? '')}`,
			'It looks like fde11e2f-3d10-4fe5-9f3f-6b9390fba418.',
		);
	}
	return text;
};

export async function getBulkInfo(
	ctx: IExecuteFunctions,
	operationId: string,
	itemIndex?: number,
): Promise<BulkInfo> {
	const [info] = unwrap(
		await apiRequest.call(ctx, {
			method: 'GET',
			path: ['contacts', 'getBulkInfo'],
			qs: { operationId },
			itemIndex,
		}),
	);
	return {
		operationId,
		status: String(info?.status ?? ''),
		errors: (info?.errors as string) ?? null,
		errorMessage: (info?.errorMessage as string) ?? null,
	};
}

export function isDone(info: BulkInfo): boolean {
	return info.status === BULK_STATUS.finished || info.status === BULK_STATUS.error;
}

export const POLL = { firstDelayMs: 500, maxDelayMs: 10_000 };

/**
 * Polls every unfinished import each round, backing off between rounds, until all are done
 * or the time budget is spent.
 */
export async function waitForImports(
	ctx: IExecuteFunctions,
	operationIds: string[],
	maxWaitMs: number,
): Promise<Map<string, BulkInfo>> {
	const results = new Map<string, BulkInfo>();
	let delay = POLL.firstDelayMs;
	let waited = 0;
	for (;;) {
		for (const id of operationIds) {
			if (!results.has(id) || !isDone(results.get(id)!))
				results.set(id, await getBulkInfo(ctx, id));
		}
		const pending = operationIds.filter((id) => !isDone(results.get(id)!));
		if (pending.length === 0) return results;
		if (waited + delay > maxWaitMs) {
			throw new NodeOperationError(
				ctx.getNode(),
				`Bulk import still ${results.get(pending[0])!.status || 'running'} after ${Math.round(waited / 1000)} s`,
				{
					description: `Check later with Contact > Get Bulk Import Status for operation ID(s): ${pending.join(', ')}. Raise "Max Wait" to wait longer.`,
				},
			);
		}
		await sleep(delay);
		waited += delay;
		delay = Math.min(delay * 2, POLL.maxDelayMs);
	}
}

export function importError(ctx: IExecuteFunctions, info: BulkInfo): NodeApiError {
	const text = [info.errorMessage, info.errors].filter(Boolean).join(' ');
	const message = `Bulk import ${info.operationId} failed: ${text || 'Mail Komplet reported an error'}`;
	return new NodeApiError(ctx.getNode(), { message } as never, {
		message,
		description: text,
	});
}
