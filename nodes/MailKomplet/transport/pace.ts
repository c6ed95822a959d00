import { timing } from './settings';

/**
 * The pace the requests of one run share. When Mail Komplet asks to slow down (a 429, or a
 * Retry-After), every request waits the pause out, not only the one that was told, and fewer
 * go at once from then on.
 */
export class Pace {
	private resumeAt = 0;
	private stopped = false;

	/** @param inFlight how many requests may be under way at once; halved by each pause. */
	constructor(public inFlight: number) {}

	/** Mail Komplet asked to wait `ms`: a pause for all, and half as many at once after it. */
	slowDown(ms: number): void {
		const now = timing.now();
		// Requests answered together are one signal: one halving per pause.
		if (now >= this.resumeAt) this.inFlight = Math.max(1, Math.floor(this.inFlight / 2));
		this.resumeAt = Math.max(this.resumeAt, now + ms);
	}

	/** Resolves once no pause runs; rejects once the run has ended, so nothing is sent for it. */
	async ready(): Promise<void> {
		for (let wait = this.resumeAt - timing.now(); wait > 0; wait = this.resumeAt - timing.now()) {
			await timing.sleep(wait);
		}
		if (this.stopped) throw new Error('The run these requests belonged to has ended');
	}

	/** The run has ended: requests still retrying stop. */
	stop(): void {
		this.stopped = true;
	}
}
