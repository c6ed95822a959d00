import { createHash } from 'crypto';
import type { IExecuteFunctions } from 'n8n-workflow';

import { AmbiguousWriteError, timing } from '../transport';

/**
 * What the writes of one node run did, so that n8n's Retry On Fail, which calls execute()
 * again in the same process with the same execution ID, node and run index, gets the first
 * answers back instead of writing again. A later run (next run index, another execution, a
 * manual re-run, other input items) has another key and is not affected.
 *
 * Kept in this process only: Retry On Fail reruns the node in the same process (the same
 * worker in queue mode). Expired lazily, as the lint forbids timers in node code.
 */

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

interface Run {
	touched: number;
	outcomes: Map<string | number, Outcome>;
}

export const RUN_MEMORY_LIMITS = {
	/** A run untouched this long is forgotten: Retry On Fail reruns a node within seconds. */
	idleMs: 60 * 60 * 1000,
	/** Outcomes kept over all runs; the oldest runs go first. */
	maxOutcomes: 200_000,
};

/** Oldest-touched first: a touched run is moved to the end. */
const runs = new Map<string, Run>();
let outcomeCount = 0;

function drop(key: string): void {
	outcomeCount -= runs.get(key)?.outcomes.size ?? 0;
	runs.delete(key);
}

/** Forgets idle runs, then the oldest ones while over the bound, except `keep`. */
function sweep(keep: string): void {
	const now = timing.now();
	for (const [key, run] of runs) {
		const idle = now - run.touched > RUN_MEMORY_LIMITS.idleMs;
		if (!idle && outcomeCount <= RUN_MEMORY_LIMITS.maxOutcomes) break;
		if (idle || key !== keep) drop(key);
	}
}

export interface RunMemory {
	/**
	 * Runs `write` once for `key` in this node run: when n8n reruns the node, the first
	 * answer comes back, or the first AmbiguousWriteError is thrown again (the write may have
	 * happened, so it must not be tried again).
	 */
	once<T>(key: string | number, write: () => Promise<T>): Promise<T>;
	/** The run ended in a way n8n does not retry: nothing to remember any more. */
	forget(): void;
}

/** The memory of this node run; undefined when n8n gives no execution ID to tell runs apart. */
export function runMemory(ctx: IExecuteFunctions): RunMemory | undefined {
	const executionId = ctx.getExecutionId();
	if (!executionId) return undefined;
	const node = ctx.getNode();
	const runIndex = Number(ctx.getWorkflowDataProxy(0).$runIndex ?? 0);
	// Retry On Fail passes the same items; anything else that met this key is another run.
	const input = createHash('sha256')
		.update(JSON.stringify(ctx.getInputData().map((item) => item.json)))
		.digest('base64');
	const key = JSON.stringify([executionId, node.id, node.name, runIndex, input]);

	const touch = (): Run => {
		const run = runs.get(key) ?? { touched: 0, outcomes: new Map() };
		runs.delete(key);
		run.touched = timing.now();
		runs.set(key, run);
		return run;
	};
	sweep(key);

	return {
		async once<T>(item: string | number, write: () => Promise<T>): Promise<T> {
			const first = touch().outcomes.get(item);
			if (first?.ok) return first.value as T;
			if (first) throw first.error;
			const outcome: Outcome = await write().then(
				(value) => ({ ok: true, value }),
				(error: unknown) => ({ ok: false, error }),
			);
			// Other failures left nothing a rerun must not repeat (nothing written, or a safe write).
			if (outcome.ok || outcome.error instanceof AmbiguousWriteError) {
				// Touched again: the write may have taken long, and a sweep may have dropped the run.
				touch().outcomes.set(item, outcome);
				outcomeCount++;
				sweep(key);
			}
			if (outcome.ok) return outcome.value as T;
			throw outcome.error;
		},
		forget: () => drop(key),
	};
}
