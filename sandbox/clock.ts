/**
 * The sandbox's "now" (session expiry, created dates, Retry-After dates, when a request
 * arrived): the real clock unless a test stops it, so it can date records exactly and move
 * time on without waiting.
 */
export class Clock {
	private stoppedAt: number | undefined;

	now(): number {
		return this.stoppedAt ?? Date.now();
	}

	date(): Date {
		return new Date(this.now());
	}

	/** Stops the clock at `at`; from then on only `advance` moves it. */
	set(at: Date | number | string): void {
		this.stoppedAt = new Date(at).getTime();
	}

	/** Moves the clock on by `ms` (stopping it there if it ran). */
	advance(ms: number): void {
		this.stoppedAt = this.now() + ms;
	}

	/** Back to the real clock. */
	runReal(): void {
		this.stoppedAt = undefined;
	}
}
