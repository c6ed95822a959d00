/** Promises that resolve once a count reaches a number: "n answers held", "n waits under way". */
export class CountWaiters {
	private waiting: Array<{ count: number; resolve: () => void }> = [];

	constructor(private readonly current: () => number) {}

	async until(count: number): Promise<void> {
		if (this.current() >= count) return;
		await new Promise<void>((resolve) => this.waiting.push({ count, resolve }));
	}

	/** The count went up: resolves the promises waiting for it. */
	check(): void {
		this.waiting = this.waiting.filter((waiter) => {
			if (this.current() < waiter.count) return true;
			waiter.resolve();
			return false;
		});
	}
}
