/**
 * The memory behind Retry On Fail: one per execution, node and run index, kept in this
 * process, forgotten when idle for an hour or when more outcomes than the bound are kept.
 */
import type { IExecuteFunctions, INode, NodeApiError } from 'n8n-workflow';

import { RUN_MEMORY_LIMITS, runMemory } from '../nodes/MailKomplet/actions/runMemory';
import { AmbiguousWriteError, timing } from '../nodes/MailKomplet/transport';
import { useFakeClock } from './helpers/faults';

const clock = useFakeClock();

const node = (name = 'Send', id = 'node-1') => ({ id, name }) as INode;

/** What runMemory reads of n8n's execute context. */
function run(executionId: string, runIndex = 0, of = node(), input = [{ json: { n: 0 } }]) {
	return {
		getExecutionId: () => executionId,
		getNode: () => of,
		getWorkflowDataProxy: () => ({ $runIndex: runIndex }),
		getInputData: () => input,
	} as unknown as IExecuteFunctions;
}

let writes = 0;
const write = async () => `answer ${++writes}`;
/** What item 0 gives in that run: the remembered answer, or a new write's. */
const item0 = async (ctx: IExecuteFunctions) => await runMemory(ctx)!.once(0, write);

let execution = 0;
beforeEach(() => {
	writes = 0;
	execution++;
});

describe('the memory of a node run', () => {
	it('gives the rerun of the same execution, node and run index the first answer', async () => {
		const id = `e${execution}`;
		expect(await item0(run(id))).toBe('answer 1');
		expect(await item0(run(id))).toBe('answer 1');
		expect(writes).toBe(1);
	});

	it('is not shared with another execution, run index, node or input', async () => {
		const id = `e${execution}`;
		await item0(run(id));

		expect(await item0(run(`${id}-next`))).toBe('answer 2');
		expect(await item0(run(id, 1))).toBe('answer 3');
		expect(await item0(run(id, 0, node('Send', 'node-2')))).toBe('answer 4');
		expect(await item0(run(id, 0, node('Send copy')))).toBe('answer 5');
		expect(await item0(run(id, 0, node(), [{ json: { n: 1 } }]))).toBe('answer 6');
	});

	it('keeps nothing without an execution ID', () => {
		expect(runMemory(run(''))).toBeUndefined();
	});

	it('forgets a failure that wrote nothing, and throws a lost answer again without writing', async () => {
		const id = `e${execution}`;
		const refused = new Error('refused');
		const lost = new AmbiguousWriteError(
			node(),
			'send',
			{ type: 'status', status: 500, body: {}, headers: {} },
			1,
			1,
		);

		await expect(
			runMemory(run(id))!.once(1, async () => await Promise.reject(refused)),
		).rejects.toBe(refused);
		expect(await runMemory(run(id))!.once(1, write)).toBe('answer 1');

		await expect(runMemory(run(id))!.once(2, async () => await Promise.reject(lost))).rejects.toBe(
			lost,
		);
		await expect(runMemory(run(id))!.once(2, write)).rejects.toBe(lost as NodeApiError);
		expect(writes).toBe(1);
	});

	it('forgets a run once told it ended', async () => {
		const id = `e${execution}`;
		await item0(run(id));
		runMemory(run(id))!.forget();

		expect(await item0(run(id))).toBe('answer 2');
	});

	it('forgets a run idle for longer than an hour, without a timer', async () => {
		const id = `e${execution}`;
		await item0(run(id));
		clock.setNow(timing.now() + RUN_MEMORY_LIMITS.idleMs - 1);
		expect(await item0(run(id))).toBe('answer 1');

		clock.setNow(timing.now() + RUN_MEMORY_LIMITS.idleMs + 1);
		expect(await item0(run(id))).toBe('answer 2');
	});

	it('forgets the oldest runs first when it holds more outcomes than its bound', async () => {
		const bound = RUN_MEMORY_LIMITS.maxOutcomes;
		RUN_MEMORY_LIMITS.maxOutcomes = 3;
		try {
			const ids = [1, 2, 3, 4].map((n) => `e${execution}-${n}`);
			for (const id of ids) await item0(run(id));

			expect(await item0(run(ids[3]))).toBe('answer 4');
			expect(await item0(run(ids[1]))).toBe('answer 2');
			expect(await item0(run(ids[0]))).toBe('answer 5');
		} finally {
			RUN_MEMORY_LIMITS.maxOutcomes = bound;
		}
	});
});
