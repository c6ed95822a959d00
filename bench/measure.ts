/** Wall time and peak resident memory of one async step, sampled while it runs. */
export interface Measurement {
	ms: number;
	peakRssMb: number;
}

export async function measure<T>(step: () => Promise<T>): Promise<{ result: T } & Measurement> {
	const before = process.memoryUsage().rss;
	let peak = before;
	const sampler = setInterval(() => {
		peak = Math.max(peak, process.memoryUsage().rss);
	}, 5);
	const started = process.hrtime.bigint();
	try {
		const result = await step();
		const ms = Number(process.hrtime.bigint() - started) / 1e6;
		peak = Math.max(peak, process.memoryUsage().rss);
		return { result, ms, peakRssMb: Math.round(peak / 1048576) };
	} finally {
		clearInterval(sampler);
	}
}

const collectGarbage = (globalThis as { gc?: () => void }).gc ?? (() => {});

/**
 * Median of several runs after one untimed warm-up run (module loading and JIT): single runs on
 * a shared 2-core machine are noisy.
 */
export async function median<T>(
	runs: number,
	step: () => Promise<T>,
): Promise<{ result: T } & Measurement> {
	await step();
	const results: Array<{ result: T } & Measurement> = [];
	for (let i = 0; i < runs; i++) {
		collectGarbage();
		results.push(await measure(step));
	}
	results.sort((a, b) => a.ms - b.ms);
	return results[Math.floor(runs / 2)];
}

export interface Row {
	name: string;
	node: Measurement & { requests: number };
	baseline: Measurement & { requests: number };
	target: string;
	ok: boolean;
}

export function report(rows: Row[]): string {
	const lines = [
		'| Benchmark | Node ms | Baseline ms | Ratio | Node requests | Baseline requests | Node peak RSS MB | Baseline peak RSS MB | Target | Met |',
		'| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |',
	];
	for (const row of rows) {
		lines.push(
			`| ${row.name} | ${row.node.ms.toFixed(0)} | ${row.baseline.ms.toFixed(0)} | ${(row.node.ms / row.baseline.ms).toFixed(2)}x | ${row.node.requests} | ${row.baseline.requests} | ${row.node.peakRssMb} | ${row.baseline.peakRssMb} | ${row.target} | ${row.ok ? 'yes' : 'NO'} |`,
		);
	}
	return lines.join('\n');
}
