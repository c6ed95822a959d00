import type { ServerResponse } from 'node:http';
import { CountWaiters } from './countWaiters';
import type { RecordedRequest } from './types';

interface Held {
	request: RecordedRequest;
	answer: () => void;
}

/**
 * Answers a 'slow' fault without `delayMs` holds back until the test releases them: a test
 * that needs "the client gave up before the answer came", or "n requests under way at once",
 * waits for that state instead of racing a timer. A held answer whose client hung up is gone.
 */
export class HeldAnswers {
	private held: Held[] = [];
	private readonly waiters = new CountWaiters(() => this.held.length);

	/** How many answers are held now. */
	get size(): number {
		return this.held.length;
	}

	hold(res: ServerResponse, request: RecordedRequest, answer: () => void): void {
		const entry = { request, answer };
		this.held.push(entry);
		res.once('close', () => {
			this.held = this.held.filter((other) => other !== entry);
		});
		this.waiters.check();
	}

	/** Resolves once `count` answers are held at the same time. */
	async untilHeld(count: number): Promise<void> {
		await this.waiters.until(count);
	}

	/** Sends the held answers (those whose request `which` picks), oldest first; returns how many. */
	release(which: (request: RecordedRequest) => boolean = () => true): number {
		const released = this.held.filter((entry) => which(entry.request));
		this.held = this.held.filter((entry) => !released.includes(entry));
		for (const entry of released) entry.answer();
		return released.length;
	}
}
