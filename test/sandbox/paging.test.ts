import { startSandbox } from '../../sandbox';
import type { Sandbox } from '../../sandbox';
import { call } from './helpers';

describe('sandbox paging', () => {
	let sandbox: Sandbox;
	let capped: Sandbox;
	let listId: number;
	beforeAll(async () => {
		sandbox = await startSandbox();
		capped = await startSandbox({ maxPageSize: 10 });
		listId = sandbox.store.addMailingList({ name: 'Big' }).mailingListId;
		sandbox.store.addContacts(100_000, { mailingListIds: [listId] });
		capped.store.addContacts(57);
	});
	afterAll(async () => {
		await sandbox.close();
		await capped.close();
	});

	it('defaults to page 1 with 25 records and the documented envelope', async () => {
		const res = await call(sandbox, 'GET', '/contacts');
		expect(res.status).toBe(200);
		expect(Object.keys(res.body).sort()).toEqual(['data', 'pageCount', 'totalRecordCount']);
		expect(res.body.totalRecordCount).toBe(100_000);
		expect(res.body.pageCount).toBe(4000);
		expect(res.body.data).toHaveLength(25);
		expect(res.body.data[0].contactId).toBe(sandbox.store.contacts.rows[0].contactId);
	});

	it('pages through in ID order without gaps', async () => {
		const second = await call(sandbox, 'GET', '/contacts', { query: { page: 2, pageSize: 3 } });
		const ids = sandbox.store.contacts.rows.slice(3, 6).map((c) => c.contactId);
		expect(second.body.data.map((c: { contactId: number }) => c.contactId)).toEqual(ids);
		expect(second.body.pageCount).toBe(33_334);
		const beyond = await call(sandbox, 'GET', '/contacts', { query: { page: 5000, pageSize: 25 } });
		expect(beyond.body).toMatchObject({ totalRecordCount: 100_000, pageCount: 4000, data: [] });
	});

	it.each([['0'], ['-1'], ['abc'], ['1.5']])(
		'rejects page or pageSize = %s with 400',
		async (value) => {
			expect((await call(sandbox, 'GET', '/contacts', { query: { page: value } })).status).toBe(
				400,
			);
			const res = await call(sandbox, 'GET', '/contacts', { query: { pageSize: value } });
			expect(res.status).toBe(400);
			expect(res.body.message).toContain('pageSize');
		},
	);

	// How fast it serves them is the benchmark's business (npm run bench), never a timed assertion.
	it('serves the last page of 1,000 out of 100,000, filtered or not', async () => {
		const deep = await call(sandbox, 'GET', '/contacts', { query: { page: 100, pageSize: 1000 } });
		expect(deep.body.data).toHaveLength(1000);
		expect(deep.body.data[999].contactId).toBe(sandbox.store.contacts.rows[99_999].contactId);
		const filtered = await call(sandbox, 'GET', '/contacts', {
			query: { page: 90, pageSize: 1000, mailingListId: listId },
		});
		expect(filtered.body.totalRecordCount).toBe(100_000);
		expect(filtered.body.data).toHaveLength(1000);
	});

	it('caps the page size when maxPageSize is set and computes pageCount with the effective size', async () => {
		const res = await call(capped, 'GET', '/contacts', { query: { pageSize: 50 } });
		expect(res.body.data).toHaveLength(10);
		expect(res.body.totalRecordCount).toBe(57);
		expect(res.body.pageCount).toBe(6);
		const last = await call(capped, 'GET', '/contacts', { query: { page: 6, pageSize: 50 } });
		expect(last.body.data).toHaveLength(7);
		expect(last.body.data[0].contactId).toBe(capped.store.contacts.rows[50].contactId);
		const small = await call(capped, 'GET', '/contacts', { query: { pageSize: 5 } });
		expect(small.body).toMatchObject({ pageCount: 12 });
		expect(small.body.data).toHaveLength(5);
	});

	it('uses the envelope each endpoint documents', async () => {
		const demo = await startSandbox({ seed: 'demo' });
		try {
			const sms = await call(demo, 'GET', '/transactionalSms', { query: { pageSize: 2 } });
			expect(Object.keys(sms.body).sort()).toEqual(['data', 'totalRecordCount']);
			expect(sms.body.data).toHaveLength(2);
			const coupons = await call(demo, 'GET', '/saleCoupons', { query: { pageSize: 5 } });
			expect(Object.keys(coupons.body).sort()).toEqual(['data', 'totalRecordCount']);
			expect(coupons.body.data).toHaveLength(5);
			const groups = await call(demo, 'GET', '/saleCouponGroups');
			expect(Object.keys(groups.body).sort()).toEqual(['data', 'totalRecordCount']);
			const bounce = await call(demo, 'GET', '/transactionalEmails/bounceInfo', {
				query: { emailId: demo.store.deliveryInfos.rows[0].emailId },
			});
			expect(Object.keys(bounce.body)).toEqual(['data']);
			for (const path of [
				'/mailingLists',
				'/templates',
				'/campaigns',
				'/dispatchers',
				'/generatorExecutions',
				'/customColumns',
				'/excludeLists',
				'/transactionalEmails',
				'/transactionalEmails/opens',
				'/transactionalEmails/clicks',
			]) {
				const res = await call(demo, 'GET', path);
				expect([path, Object.keys(res.body).sort()]).toEqual([
					path,
					['data', 'pageCount', 'totalRecordCount'],
				]);
			}
		} finally {
			await demo.close();
		}
	});
});
