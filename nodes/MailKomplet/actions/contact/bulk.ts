import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { asNodeError } from '../../helpers/errors';
import { fail } from '../../helpers/parameters';
import type { Convert } from '../../helpers/values';
import type { ReadSpec, WriteSpec } from '../../transport';
import { AmbiguousWriteError, apiRequest, timing } from '../../transport';
import { unwrap } from '../common';

const BULK_STATUS = {
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

/** An import's status, read from `status` (GET /contacts/getBulkInfo). */
export async function getBulkInfo(
	ctx: IExecuteFunctions,
	status: ReadSpec,
	operationId: string,
	itemIndex?: number,
): Promise<BulkInfo> {
	const [info] = unwrap(
		await apiRequest.call(ctx, {
			endpoint: status,
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

function isDone(info: BulkInfo | undefined): boolean {
	return info?.status === BULK_STATUS.finished || info?.status === BULK_STATUS.error;
}

const POLL = { firstDelayMs: 500, maxDelayMs: 10_000 };

/** preImportAction 1: adds the contacts and leaves everyone already on the lists alone. */
const ADD_ONLY = 1;

type NodeError = NodeApiError | NodeOperationError;

/** One request's worth of contacts and what became of it. */
export interface ImportBatch {
	contacts: IDataObject[];
	/** The input items its contacts came from. */
	items: number[];
	/** Whether Mail Komplet queued it: 'unsent' until its request goes out, 'unknown' when the answer was lost. */
	queued: 'unsent' | 'yes' | 'no' | 'unknown';
	operationId?: string;
	/** Its status when last polled. */
	info?: BulkInfo;
	/** Why it failed, or was not sent. */
	error?: NodeError;
}

export interface ImportPlan {
	/** preImportAction, contactOverwriteMode and mailingListIds, as sent with the first batch. */
	settings: IDataObject;
	/** The first batch's request: it carries preImportAction, which can make repeating it unsafe. */
	firstBatch: WriteSpec;
	/** The other batches' request: they only add. */
	laterBatches: WriteSpec;
	status: ReadSpec;
	/** Stops the import with the error `failed` makes, unless On Error > Continue is set. */
	stopUnlessContinuing: (failed: () => Error) => void;
	waitForCompletion: boolean;
	maxWaitMs: number;
}

/**
 * Polls the batches' imports each round, backing off between rounds, until all are done or
 * `budget` (shared by every wait of one import) is spent. A batch still running then, or whose
 * poll failed, gets the error; its status stays the last one read.
 */
async function waitForBatches(
	ctx: IExecuteFunctions,
	status: ReadSpec,
	batches: ImportBatch[],
	budget: { leftMs: number; waitedMs: number },
): Promise<void> {
	let delay = POLL.firstDelayMs;
	try {
		for (;;) {
			for (const batch of batches) {
				if (!isDone(batch.info)) batch.info = await getBulkInfo(ctx, status, batch.operationId!);
			}
			const pending = batches.filter((batch) => !isDone(batch.info));
			if (pending.length === 0) return;
			if (delay > budget.leftMs) {
				throw new NodeOperationError(
					ctx.getNode(),
					`Bulk import still ${pending[0].info!.status || 'running'} after ${Math.round(budget.waitedMs / 1000)} s`,
					{
						description:
							'Check later with Contact > Get Bulk Import Status. Raise "Max Wait" to wait longer.',
					},
				);
			}
			await timing.sleep(delay);
			budget.waitedMs += delay;
			budget.leftMs -= delay;
			delay = Math.min(delay * 2, POLL.maxDelayMs);
		}
	} catch (error) {
		const nodeError = asNodeError(ctx, error);
		for (const batch of batches) if (!isDone(batch.info)) batch.error = nodeError;
	}
}

/**
 * Whether a bulk request that failed was queued. Only a refusal proves it was not; a lost answer,
 * or retries that ended in a 429 or a failed connection after an earlier try may have got through,
 * leave it open.
 */
function queuedAfter(error: unknown): ImportBatch['queued'] {
	if (error instanceof AmbiguousWriteError) return 'unknown';
	const status = Number((error as NodeApiError).httpCode);
	return status >= 400 && status < 500 && status !== 429 ? 'no' : 'unknown';
}

async function queueBatch(
	ctx: IExecuteFunctions,
	batch: ImportBatch,
	settings: IDataObject,
	request: WriteSpec,
): Promise<void> {
	try {
		const [result] = unwrap(
			await apiRequest.call(ctx, {
				endpoint: request,
				body: { ...settings, contacts: batch.contacts },
			}),
		);
		batch.operationId = String(result?.operationId ?? '');
		batch.queued = 'yes';
	} catch (error) {
		if (error instanceof AmbiguousWriteError) {
			// Its own words are about one record; this was a whole batch.
			error.message = error.message.replace(
				/^.*?:/,
				'Mail Komplet may or may not have queued the import:',
			);
			error.description =
				"It was not sent again: a second import deleting the lists' contacts would delete the ones the first one created.";
		}
		batch.queued = queuedAfter(error);
		batch.error = asNodeError(ctx, error);
	}
}

const itemRange = (from: number, to: number) =>
	from === to ? `item ${from}` : `items ${from}-${to}`;

/** What became of every batch, one line each (unsent ones in runs), for an error's description. */
function batchReport(batches: ImportBatch[]): string {
	const lines: string[] = [];
	const count = batches.length;
	for (let index = 0; index < count; index++) {
		const batch = batches[index];
		if (batch.queued === 'unsent') {
			let last = index;
			while (batches[last + 1]?.queued === 'unsent') last++;
			const which = last === index ? `Batch ${index + 1}` : `Batches ${index + 1}-${last + 1}`;
			const range = itemRange(batch.items[0], batches[last].items.at(-1)!);
			lines.push(`${which} of ${count} (${range}): not sent.`);
			index = last;
			continue;
		}
		const which = `Batch ${index + 1} of ${count} (${itemRange(batch.items[0], batch.items.at(-1)!)})`;
		if (batch.queued === 'yes') {
			const status = batch.info?.status;
			const when = status && !isDone(batch.info) ? ' when last checked' : '';
			lines.push(`${which}: queued as ${batch.operationId}${status ? `, ${status}${when}` : ''}.`);
		} else if (batch.queued === 'unknown') {
			lines.push(`${which}: may have been queued (${batch.error?.message}); not sent again.`);
		} else {
			lines.push(`${which}: refused, not queued (${batch.error?.message}).`);
		}
	}
	return lines.join('\n');
}

/** The failed batch's error, with what became of every batch in its description. */
function reportedError(batches: ImportBatch[], failed: ImportBatch): NodeError {
	const error = failed.error!;
	const hints = [
		batches.some((batch) => batch.queued === 'yes' && !isDone(batch.info)) &&
			'Check the imports still running with Contact > Get Bulk Import Status.',
		batches.some((batch) => batch.queued === 'unknown') &&
			'A batch that may have been queued has no operation ID to check: look in Mail Komplet whether its contacts arrived before sending them again.',
	];
	error.description = [error.description, batchReport(batches), ...hints]
		.filter(Boolean)
		.join('\n\n');
	if (batches.length > 1) {
		error.message = `${error.message} (batch ${batches.indexOf(failed) + 1} of ${batches.length})`;
	}
	return error;
}

/**
 * Sends the batches and, with Wait for Completion, waits until Mail Komplet has processed them.
 * preImportAction goes with the first batch only and later ones just add: sent with every batch,
 * 2 or 3 would empty the lists each time, leaving only the last batch on them. As Mail Komplet
 * imports asynchronously, the first batch must have finished before the others are sent.
 * A batch that fails stops the import (its error tells what became of every batch); with On
 * Error > Continue it is marked and the others go on, except after a first batch that was to
 * empty the lists, whose failure leaves the rest unsent.
 */
export async function runImport(
	ctx: IExecuteFunctions,
	batches: ImportBatch[],
	plan: ImportPlan,
): Promise<void> {
	const replacing = plan.settings.preImportAction !== ADD_ONLY;
	const budget = { leftMs: plan.maxWaitMs, waitedMs: 0 };
	const failed = (batch: ImportBatch) =>
		plan.stopUnlessContinuing(() => reportedError(batches, batch));
	const [first, ...rest] = batches;

	await queueBatch(ctx, first, plan.settings, plan.firstBatch);
	if (first.error) failed(first);
	if (rest.length && replacing && !first.error) {
		await waitForBatches(ctx, plan.status, [first], budget);
		if (first.info?.status === BULK_STATUS.error) first.error = importError(ctx, first.info);
		if (first.error) failed(first);
	}
	if (rest.length && replacing && first.error) {
		const notSent = new NodeOperationError(
			ctx.getNode(),
			'Not sent: the first batch, which was to empty the lists, failed or did not finish',
			{
				description:
					'Later batches only add, so they go only after the first batch has emptied the lists.',
			},
		);
		for (const batch of rest) batch.error = notSent;
		return;
	}
	for (const batch of rest) {
		await queueBatch(
			ctx,
			batch,
			{ ...plan.settings, preImportAction: ADD_ONLY },
			plan.laterBatches,
		);
		if (batch.error) failed(batch);
	}

	if (!plan.waitForCompletion) return;
	await waitForBatches(
		ctx,
		plan.status,
		batches.filter((batch) => batch.queued === 'yes' && !isDone(batch.info)),
		budget,
	);
	for (const batch of batches) {
		if (batch.info?.status === BULK_STATUS.error && !batch.error) {
			batch.error = importError(ctx, batch.info);
		}
		if (batch.error && batch.queued === 'yes') failed(batch);
	}
}

function importError(ctx: IExecuteFunctions, info: BulkInfo): NodeApiError {
	const text = [info.errorMessage, info.errors].filter(Boolean).join(' ');
	const message = `Bulk import ${info.operationId} failed: ${text || 'Mail Komplet reported an error'}`;
	return new NodeApiError(ctx.getNode(), { message } as never, {
		message,
		description: text,
	});
}
