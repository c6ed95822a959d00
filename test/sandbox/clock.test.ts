/**
 * What tests control instead of waiting: the sandbox's clock (dates, session expiry,
 * Retry-After dates) and the answers 'slow' faults hold until the test releases them.
 */
import { startSandbox } from '../../sandbox';
import type { Sandbox } from '../../sandbox';
import { admin, call } from './helpers';

describe('the sandbox clock', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox({ sessionTtlMs: 60_000 });
	});
	afterAll(async () => await sandbox.close());
	beforeEach(() => sandbox.reset());

	it('dates what the API creates', async () => {
		sandbox.clock.set('2026-01-15T10:00:00Z');

		const created = await call(sandbox, 'POST', '/mailingLists', {
			body: { name: 'Customers', isTest: false },
		});

		expect(sandbox.store.mailingLists.get(created.body.mailingListId)?.created).toBe(
			'2026-01-15T10:00:00',
		);
		expect(sandbox.requests[0].receivedAt).toBe('2026-01-15T10:00:00.000Z');
	});

	it('ends a session when it has moved past the session length, not before', async () => {
		sandbox.clock.set('2026-01-15T10:00:00Z');
		const signIn = await call(sandbox, 'POST', '/signIn', {
			baseCrypt: 'authentication',
			body: sandbox.login,
		});
		const cookie = String(signIn.headers['set-cookie']).split(';')[0];
		const headers = { accept: 'application/json', 'x-requested-with': 'XMLHttpRequest', cookie };
		const list = async () =>
			(await call(sandbox, 'GET', '/mailingLists', { headers, replaceHeaders: true })).status;

		sandbox.clock.advance(59_999);
		const justBefore = await list();
		sandbox.clock.advance(1);

		expect([justBefore, await list()]).toEqual([200, 403]);
	});

	it('writes a Retry-After "date" as its own now', async () => {
		sandbox.clock.set('2026-01-15T10:00:00Z');
		sandbox.inject({ status: 503, headers: { 'retry-after': 'date' } });

		const answer = await call(sandbox, 'GET', '/mailingLists');

		expect(answer.headers['retry-after']).toBe('Thu, 15 Jan 2026 10:00:00 GMT');
	});

	it('runs real again after a reset', () => {
		sandbox.clock.set('2000-01-01T00:00:00Z');

		sandbox.reset();

		expect(sandbox.clock.now()).toBeGreaterThan(Date.parse('2026-01-01T00:00:00Z'));
	});
});

describe('answers held by a slow fault', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox();
	});
	afterAll(async () => await sandbox.close());
	beforeEach(() => sandbox.reset());

	it('come when the test releases them, the ones it picks first; the write was applied before', async () => {
		sandbox.inject({ method: 'POST', kind: 'slow', times: 2 });
		const answered: string[] = [];
		const create = async (name: string) => {
			const answer = await call(sandbox, 'POST', '/mailingLists', {
				body: { name, isTest: false },
			});
			answered.push(name);
			return answer.status;
		};
		const first = create('First');
		const second = create('Second');

		await sandbox.held.untilHeld(2);
		const names = sandbox.store.mailingLists.rows.map((list) => list.name);
		const named = (name: string) => (request: { body: unknown }) =>
			(request.body as { name: string }).name === name;
		expect(sandbox.held.release(named('Second'))).toBe(1);
		expect(await second).toBe(200);
		const whileFirstHeld = [...answered];
		expect(sandbox.held.release()).toBe(1);
		expect(await first).toBe(200);

		expect(names.sort()).toEqual(['First', 'Second']);
		expect(whileFirstHeld).toEqual(['Second']);
		expect(sandbox.requests.map((r) => r.fault)).toEqual([
			'slow after the write',
			'slow after the write',
		]);
	});

	it('are released by a reset and by the admin endpoint', async () => {
		sandbox.inject({ kind: 'slow', times: 2 });
		const first = call(sandbox, 'GET', '/mailingLists');
		await sandbox.held.untilHeld(1);

		expect((await admin(sandbox, 'POST', '/held/release')).body).toEqual({ released: 1 });
		expect((await first).status).toBe(200);

		const second = call(sandbox, 'GET', '/mailingLists');
		await sandbox.held.untilHeld(1);
		sandbox.reset();
		expect((await second).status).toBe(200);
	});

	it('with delayMs, answers after that long instead (benchmarks and the end-to-end suite)', async () => {
		sandbox.inject({ kind: 'slow', delayMs: 1 });

		const answer = await call(sandbox, 'GET', '/mailingLists');

		expect([answer.status, sandbox.held.size]).toEqual([200, 0]);
	});
});
