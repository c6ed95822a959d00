import { Agent, request } from 'undici';

import type { Flight, Sandbox, TlsLatency } from '../../sandbox';
import { startSandbox, startTlsLatency } from '../../sandbox';
import { defaultHeaders } from './helpers';

/** Flights the proxy holds until the test lets each go; what the sandbox had received by then. */
class Gate {
	private readonly held: Array<{ flight: Flight; release: () => void }> = [];
	private wake?: () => void;

	constructor(private readonly sandbox: Sandbox) {}

	readonly delay = (flight: Flight) =>
		new Promise<void>((release) => {
			this.held.push({ flight, release });
			this.wake?.();
		});

	/** The oldest held flight, once there is one. */
	async next() {
		while (this.held.length === 0) await new Promise<void>((wake) => (this.wake = wake));
		return this.held.shift()!;
	}

	get received() {
		return this.sandbox.requests.length;
	}
}

/** Consecutive flights the same way are one leg of a round trip. */
const legs = (directions: string[]) => directions.filter((d, i) => d !== directions[i - 1]);

describe('sandbox TLS latency mode', () => {
	let sandbox: Sandbox;
	let latency: TlsLatency | undefined;
	let agent: Agent | undefined;
	beforeAll(async () => {
		sandbox = await startSandbox();
	});
	afterEach(async () => {
		await agent?.destroy();
		await latency?.close();
		agent = latency = undefined;
		sandbox.reset();
	});
	afterAll(() => sandbox.close());

	const start = async (delay?: (flight: Flight) => Promise<void>) => {
		latency = await startTlsLatency({ target: { host: '127.0.0.1', port: sandbox.port }, delay });
		return latency;
	};
	const get = (origin: string, ca?: string) => {
		agent = new Agent({ connect: ca === undefined ? {} : { ca } });
		return request(`${origin}/api/${sandbox.baseCrypt}/mailingLists?page=1&pageSize=1`, {
			headers: defaultHeaders(sandbox),
			dispatcher: agent,
		});
	};

	it('answers over TLS a client trusting its certificate, and refuses one that does not', async () => {
		const { origin, ca } = await start();

		const trusted = await get(origin, ca);
		expect(origin).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
		expect(trusted.statusCode).toBe(200);
		expect(await trusted.body.json()).toEqual({ data: [], pageCount: 0, totalRecordCount: 0 });
		expect(sandbox.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
			`GET /api/${sandbox.baseCrypt}/mailingLists`,
		]);

		await agent?.destroy();
		await expect(get(origin)).rejects.toThrow(/self-signed certificate/);
	});

	it('holds every flight of a new connection, the TCP and TLS handshakes before the request', async () => {
		const gate = new Gate(sandbox);
		const { origin, ca } = await start(gate.delay);
		let answered = false;
		const answer = get(origin, ca).then(async (response) => {
			answered = true;
			return response;
		});

		const passed: Array<Flight & { received: number }> = [];
		while (!answered) {
			const next = await Promise.race([gate.next(), answer.then(() => undefined)]);
			if (!next) break;
			passed.push({ ...next.flight, received: gate.received });
			next.release();
		}

		expect((await answer).statusCode).toBe(200);
		expect(passed.slice(0, 2)).toEqual([
			{ direction: 'toServer', bytes: 0, received: 0 },
			{ direction: 'toClient', bytes: 0, received: 0 },
		]);
		// SYN / SYN-ACK, ClientHello / ServerHello..Finished, Finished + request / answer (TLS 1.3).
		expect(legs(passed.map((f) => f.direction))).toEqual([
			'toServer',
			'toClient',
			'toServer',
			'toClient',
			'toServer',
			'toClient',
		]);
		// The request reached the sandbox only once the last flight toward it was let through.
		const lastToServer = passed.map((f) => f.direction).lastIndexOf('toServer');
		expect(passed.slice(0, lastToServer + 1).every((f) => f.received === 0)).toBe(true);
		expect(passed.at(-1)).toMatchObject({ direction: 'toClient', received: 1 });
	});
});
