import { startSandbox } from '../../sandbox';
import type { Sandbox } from '../../sandbox';
import { call } from './helpers';

const ids = (body: { data: Array<{ contactId: number }> }) => body.data.map((c) => c.contactId);

describe('sandbox paging faults: a list endpoint that does not page as documented', () => {
	let sandbox: Sandbox;
	let first: number[];
	beforeAll(async () => {
		sandbox = await startSandbox();
	});
	afterAll(async () => await sandbox.close());
	beforeEach(() => {
		sandbox.reset();
		sandbox.store.addContacts(10);
		first = sandbox.store.contacts.rows.slice(0, 3).map((c) => c.contactId);
	});

	it('"pageIgnored" serves page 1 for every page and keeps the counts', async () => {
		sandbox.inject({ method: 'GET', path: '/contacts', kind: 'pageIgnored', times: 2 });

		const second = await call(sandbox, 'GET', '/contacts', { query: { page: 2, pageSize: 3 } });
		const fourth = await call(sandbox, 'GET', '/contacts', { query: { page: 4, pageSize: 3 } });
		const after = await call(sandbox, 'GET', '/contacts', { query: { page: 2, pageSize: 3 } });

		expect(second.body).toMatchObject({ totalRecordCount: 10, pageCount: 4 });
		expect([ids(second.body), ids(fourth.body)]).toEqual([first, first]);
		expect(ids(after.body)).not.toEqual(first);
		expect(sandbox.requests.map((r) => r.fault)).toEqual(['pageIgnored', 'pageIgnored', undefined]);
	});

	it('"countsMissing" leaves totalRecordCount and pageCount out', async () => {
		sandbox.inject({ method: 'GET', path: '/contacts', kind: 'countsMissing' });

		const page = await call(sandbox, 'GET', '/contacts', { query: { page: 2, pageSize: 3 } });

		expect(Object.keys(page.body)).toEqual(['data']);
		expect(ids(page.body)).toEqual(sandbox.store.contacts.rows.slice(3, 6).map((c) => c.contactId));
	});

	it('both at once: a server that neither pages nor counts', async () => {
		sandbox.inject({ method: 'GET', path: '/contacts', kind: 'pageIgnored' });
		sandbox.inject({ method: 'GET', path: '/contacts', kind: 'countsMissing' });

		const page = await call(sandbox, 'GET', '/contacts', { query: { page: 3, pageSize: 3 } });

		expect(page.body).toEqual({ data: expect.any(Array) });
		expect(ids(page.body)).toEqual(first);
		expect(sandbox.requests[0].fault).toBe('pageIgnored, countsMissing');
	});

	it('counts only list pages and leaves other faults alone', async () => {
		sandbox.inject({ path: '/contacts*', kind: 'pageIgnored' });
		sandbox.inject({ method: 'GET', path: '/contacts', status: 503 });
		const { email } = sandbox.store.contacts.rows[5];

		const single = await call(sandbox, 'GET', '/contacts/getContactActivity', {
			query: { email },
		});
		const refused = await call(sandbox, 'GET', '/contacts', { query: { page: 2, pageSize: 3 } });
		const ignored = await call(sandbox, 'GET', '/contacts', { query: { page: 2, pageSize: 3 } });

		expect([single.status, refused.status, ignored.status]).toEqual([200, 503, 200]);
		expect(ids(ignored.body)).toEqual(first);
	});

	it('are refused as chaos faults: chaos draws answers, not server behaviour', () => {
		expect(() =>
			sandbox.chaos({ seed: 1, rate: 0.5, faults: [{ kind: 'countsMissing' }] }),
		).toThrow('Paging faults are injected, not drawn by chaos.');
	});

	it('the request log says how many requests were unanswered when each arrived', async () => {
		sandbox.inject({ method: 'GET', path: '/contacts', kind: 'slow', times: 3 });

		const three = Promise.all(
			[1, 2, 3].map((page) => call(sandbox, 'GET', '/contacts', { query: { page } })),
		);
		await sandbox.held.untilHeld(3);
		sandbox.held.release();
		await three;
		await call(sandbox, 'GET', '/contacts');

		expect(sandbox.requests.map((r) => r.concurrent)).toEqual([0, 1, 2, 0]);
	});
});
