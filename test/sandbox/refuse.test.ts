import type { Sandbox } from '../../sandbox';
import { startSandbox } from '../../sandbox';
import { admin, call } from './helpers';

/** The 'refuse' fault: Mail Komplet refusing one recipient with its documented 400. */
describe('sandbox fault: recipient refused', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox();
	});
	afterAll(() => sandbox.close());
	beforeEach(() => sandbox.reset());

	const email = (address: string) => ({
		body: {
			email: { fromAddress: 'shop@example.cz', subject: 'Hi', bodyText: 'Hi', to: [{ address }] },
		},
	});

	it('answers 400 to the request naming the recipient, whichever comes first, and applies nothing', async () => {
		sandbox.inject({ kind: 'refuse', recipient: 'Jana@Example.cz ' });

		const other = await call(sandbox, 'POST', '/transactionalEmails', email('petr@example.cz'));
		const refused = await call(sandbox, 'POST', '/transactionalEmails', email('jana@example.cz'));
		const again = await call(sandbox, 'POST', '/transactionalEmails', email('jana@example.cz'));

		expect(other.status).toBe(200);
		expect([refused.status, refused.body]).toEqual([
			400,
			{ message: 'The recipient Jana@Example.cz was refused.' },
		]);
		expect(again.status).toBe(200);
		expect(sandbox.store.transactionalEmails.rows.map((e) => e.toAddress)).toEqual([
			'petr@example.cz',
			'jana@example.cz',
		]);
		expect(sandbox.requests.map((r) => r.fault)).toEqual([
			undefined,
			'refuse before the write',
			undefined,
		]);
	});

	it('finds the recipient anywhere in the body, for as many requests as times says', async () => {
		sandbox.inject({ kind: 'refuse', recipient: 'jana@example.cz', path: '/contacts', times: 2 });

		const contact = { body: { email: 'jana@example.cz' } };
		expect(
			(await call(sandbox, 'POST', '/transactionalEmails', email('jana@example.cz'))).status,
		).toBe(200);
		expect((await call(sandbox, 'POST', '/contacts', contact)).status).toBe(400);
		expect((await call(sandbox, 'POST', '/contacts', contact)).status).toBe(400);
		expect((await call(sandbox, 'POST', '/contacts', contact)).status).toBe(200);
	});

	it('is injected through the admin endpoint, which wants a recipient', async () => {
		expect((await admin(sandbox, 'POST', '/faults', { kind: 'refuse' })).body).toEqual({
			message: 'The recipient field of a refuse fault must be a non-empty string.',
		});
		expect(
			(await admin(sandbox, 'POST', '/faults', { kind: 'refuse', recipient: 'a@b.cz' })).status,
		).toBe(200);
		expect((await call(sandbox, 'POST', '/transactionalEmails', email('a@b.cz'))).status).toBe(400);
	});
});
