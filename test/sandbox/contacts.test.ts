import { startSandbox } from '../../sandbox';
import type { Sandbox } from '../../sandbox';
import { call } from './helpers';

describe('sandbox mailing lists, contacts, custom columns, subscribe', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox();
	});
	afterAll(() => sandbox.close());
	beforeEach(() => sandbox.reset());

	const createList = async (name: string, isTest = false): Promise<number> => {
		const res = await call(sandbox, 'POST', '/mailingLists', {
			body: { name, description: `${name} list`, isTest },
		});
		expect(res.status).toBe(200);
		return res.body.mailingListId;
	};

	it('mailing lists: create, list, filter, update, delete', async () => {
		const id = await createList('Zákazníci');
		const testId = await createList('Test', true);
		const list = await call(sandbox, 'GET', '/mailingLists');
		expect(list.body.totalRecordCount).toBe(2);
		expect(list.body.data[0]).toEqual({
			mailingListId: id,
			name: 'Zákazníci',
			description: 'Zákazníci list',
			created: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,3})?$/),
			updated: expect.any(String),
			availableForCampaign: true,
			availableForContact: true,
			contactAssigned: null,
			guid: expect.stringMatching(/^[0-9a-f-]{36}$/),
			isTest: false,
		});
		const testing = await call(sandbox, 'GET', '/mailingLists', { query: { isTesting: true } });
		expect(testing.body.data.map((l: { mailingListId: number }) => l.mailingListId)).toEqual([
			testId,
		]);

		const put = await call(sandbox, 'PUT', `/mailingLists/${id}`, {
			body: { description: 'Nový popis' },
		});
		expect(put.status).toBe(200);
		expect(put.text).toBe('');
		const one = await call(sandbox, 'GET', '/mailingLists', { query: { mailingListId: id } });
		expect(one.body.data[0]).toMatchObject({
			name: 'Zákazníci',
			description: 'Nový popis',
			isTest: false,
		});

		expect((await call(sandbox, 'PUT', '/mailingLists/999', { body: { name: 'x' } })).status).toBe(
			404,
		);
		const missingName = await call(sandbox, 'POST', '/mailingLists', { body: { isTest: false } });
		expect(missingName.status).toBe(400);
		expect(missingName.body.message).toContain('name');
		const missingIsTest = await call(sandbox, 'POST', '/mailingLists', { body: { name: 'x' } });
		expect(missingIsTest.body.message).toContain('isTest');

		expect(
			(await call(sandbox, 'DELETE', '/mailingLists', { query: { mailingListIds: `${id};999` } }))
				.status,
		).toBe(404);
		const del = await call(sandbox, 'DELETE', '/mailingLists', {
			query: { mailingListIds: `${id}|${testId}`, unassign: true },
		});
		expect(del.status).toBe(200);
		expect((await call(sandbox, 'GET', '/mailingLists')).body.totalRecordCount).toBe(0);
	});

	it('mailing list delete with unassign=false also deletes the member contacts', async () => {
		const keep = await createList('Keep');
		const drop = await createList('Drop');
		const a = await call(sandbox, 'POST', '/contacts', {
			body: { email: 'a@example.cz', mailingListIds: [drop] },
		});
		const b = await call(sandbox, 'POST', '/contacts', {
			body: { email: 'b@example.cz', mailingListIds: [keep] },
		});
		await call(sandbox, 'DELETE', '/mailingLists', {
			query: { mailingListIds: String(drop), unassign: false },
		});
		const left = await call(sandbox, 'GET', '/contacts');
		expect(left.body.data.map((c: { contactId: number }) => c.contactId)).toEqual([
			b.body.contactId,
		]);
		expect(sandbox.store.contacts.has(a.body.contactId)).toBe(false);
	});

	it('contacts: create, upsert by e-mail, filter, update, unassign, delete', async () => {
		const listA = await createList('A');
		const listB = await createList('B');
		const created = await call(sandbox, 'POST', '/contacts', {
			body: {
				email: 'jan@webkomplet.cz',
				name: 'Jan',
				surname: 'Novák',
				sex: true,
				mobilePhone: '775123456',
				company: 'Webkomplet',
				title: null,
				mailingListIds: [listA],
			},
		});
		expect(created.status).toBe(200);
		const contactId = created.body.contactId;
		const upsert = await call(sandbox, 'POST', '/contacts', {
			body: { email: 'JAN@webkomplet.cz', company: 'WK', mailingListIds: [listB] },
		});
		expect(upsert.body).toEqual({ contactId });

		const got = await call(sandbox, 'GET', '/contacts', { query: { contactId } });
		expect(got.body.data[0]).toMatchObject({
			contactId,
			name: 'Jan',
			surname: 'Novák',
			email: 'jan@webkomplet.cz',
			sex: true,
			mobilePhone: '+420775123456',
			company: 'WK',
			customColumns: {},
			lastOpen: null,
			confirmed: null,
		});
		const inB = await call(sandbox, 'GET', '/contacts', {
			query: { mailingListId: listB, email: 'WEBKOMPLET' },
		});
		expect(inB.body.totalRecordCount).toBe(1);
		const lists = await call(sandbox, 'GET', '/mailingLists', { query: { contactId } });
		expect(lists.body.data).toHaveLength(2);
		expect(lists.body.data[0].contactAssigned).toEqual(expect.any(String));

		const put = await call(sandbox, 'PUT', `/contacts/${contactId}`, {
			body: { sex: null, name: 'Honza' },
		});
		expect(put.status).toBe(200);
		expect(sandbox.store.contacts.get(contactId)).toMatchObject({
			sex: null,
			name: 'Honza',
			surname: 'Novák',
		});
		expect((await call(sandbox, 'PUT', '/contacts/1', { body: { name: 'x' } })).status).toBe(404);

		const other = await call(sandbox, 'POST', '/contacts', {
			body: { email: 'jana@webkomplet.cz' },
		});
		const clash = await call(sandbox, 'PUT', `/contacts/${other.body.contactId}`, {
			body: { email: 'jan@webkomplet.cz' },
		});
		expect(clash.status).toBe(400);

		const unassign = await call(sandbox, 'DELETE', '/contacts', {
			query: { contactIds: String(contactId), mailingListId: listA },
		});
		expect(unassign.status).toBe(200);
		expect(
			(await call(sandbox, 'GET', '/contacts', { query: { mailingListId: listA } })).body
				.totalRecordCount,
		).toBe(0);
		expect(sandbox.store.contacts.has(contactId)).toBe(true);

		const del = await call(sandbox, 'DELETE', '/contacts', {
			query: { contactIds: `${contactId},${other.body.contactId}` },
		});
		expect(del.status).toBe(200);
		expect((await call(sandbox, 'GET', '/contacts')).body.totalRecordCount).toBe(0);
		expect(
			(await call(sandbox, 'DELETE', '/contacts', { query: { contactIds: String(contactId) } }))
				.status,
		).toBe(404);
	});

	it('contacts: validation errors name the field', async () => {
		const cases: Array<[unknown, string]> = [
			[{ name: 'No e-mail' }, 'email'],
			[{ email: 'not-an-email' }, 'The email field is not a valid e-mail address.'],
			[{ email: 'a@b.cz', sex: 'male' }, 'sex'],
			[{ email: 'a@b.cz', mailingListIds: [424242] }, 'mailingListIds'],
			[{ email: 'a@b.cz', customColumns: { nope: 1 } }, 'nope'],
			[[{ email: 'a@b.cz' }], 'JSON object'],
		];
		for (const [body, fragment] of cases) {
			const res = await call(sandbox, 'POST', '/contacts', { body });
			expect([res.status, res.body.message]).toEqual([400, expect.stringContaining(fragment)]);
		}
	});

	it('custom columns: CRUD, use on contacts with or without cc_ prefix, type checks', async () => {
		const create = await call(sandbox, 'POST', '/customColumns', {
			body: { dataTypeId: 4, name: 'last_order', caption: 'Poslední objednávka' },
		});
		expect(create.status).toBe(200);
		const columnId = create.body.customColumnId;
		const points = (
			await call(sandbox, 'POST', '/customColumns', { body: { dataTypeId: 2, name: 'points' } })
		).body.customColumnId;
		expect(
			(
				await call(sandbox, 'POST', '/customColumns', {
					body: { dataTypeId: 1, name: 'last_order' },
				})
			).status,
		).toBe(400);
		expect(
			(await call(sandbox, 'POST', '/customColumns', { body: { dataTypeId: 9, name: 'x' } })).body
				.message,
		).toContain('dataTypeId');

		const list = await call(sandbox, 'GET', '/customColumns', {
			query: { customColumnId: columnId },
		});
		expect(list.body.data[0]).toMatchObject({
			customColumnId: columnId,
			dataTypeId: 4,
			name: 'last_order',
			originalName: 'cc_last_order',
			system: false,
			customColumnTypeId: 1,
		});
		expect(
			(await call(sandbox, 'GET', '/customColumns', { query: { isSystem: true } })).body
				.totalRecordCount,
		).toBe(0);

		const contact = await call(sandbox, 'POST', '/contacts', {
			body: {
				email: 'c@example.cz',
				customColumns: { last_order: '2020-01-09T09:46:17', cc_points: 12 },
			},
		});
		expect(contact.status).toBe(200);
		const bad = await call(sandbox, 'POST', '/contacts', {
			body: { email: 'd@example.cz', customColumns: { points: 'many' } },
		});
		expect(bad.status).toBe(400);
		expect(bad.body.message).toContain('points');
		const got = await call(sandbox, 'GET', '/contacts', {
			query: { contactId: contact.body.contactId },
		});
		expect(got.body.data[0].customColumns).toEqual({
			cc_last_order: '2020-01-09T09:46:17',
			cc_points: 12,
		});

		expect(
			(
				await call(sandbox, 'PUT', `/customColumns/${columnId}`, {
					body: { name: 'posledni_objednavka', caption: 'Objednávka' },
				})
			).status,
		).toBe(200);
		expect(sandbox.store.contacts.get(contact.body.contactId)?.customColumns).toEqual({
			cc_posledni_objednavka: '2020-01-09T09:46:17',
			cc_points: 12,
		});
		expect(
			(await call(sandbox, 'PUT', '/customColumns/1', { body: { caption: 'x' } })).status,
		).toBe(404);

		expect(
			(await call(sandbox, 'DELETE', '/customColumns', { query: { id: points } })).status,
		).toBe(200);
		expect(sandbox.store.contacts.get(contact.body.contactId)?.customColumns).toEqual({
			cc_posledni_objednavka: '2020-01-09T09:46:17',
		});
		expect(
			(await call(sandbox, 'DELETE', '/customColumns', { query: { id: points } })).status,
		).toBe(404);
	});

	it('subscribe requests need an existing dispatcher', async () => {
		const dispatcher = sandbox.store.addDispatcher();
		const confirming = sandbox.store.addDispatcher({ useSubscribeAuthentication: true });
		const missing = await call(sandbox, 'POST', '/subscribeContacts', {
			body: { email: 'new@example.cz' },
		});
		expect([missing.status, missing.body.message]).toEqual([
			400,
			expect.stringContaining('dispatcherId'),
		]);
		const unknown = await call(sandbox, 'POST', '/subscribeContacts', {
			body: { email: 'new@example.cz', dispatcherId: 99 },
		});
		expect(unknown.status).toBe(400);
		const ok = await call(sandbox, 'POST', '/subscribeContacts', {
			body: { email: 'new@example.cz', name: 'Nový', dispatcherId: dispatcher.dispatcherId },
		});
		expect(ok.body).toEqual({ subscribeRequestId: expect.any(Number) });
		expect(sandbox.store.findContactByEmail('new@example.cz')).toBeDefined();
		await call(sandbox, 'POST', '/subscribeContacts', {
			body: { email: 'pending@example.cz', dispatcherId: confirming.dispatcherId },
		});
		expect(sandbox.store.findContactByEmail('pending@example.cz')).toBeUndefined();
	});

	it('contact activity lists the recipient history', async () => {
		const demo = await startSandbox({ seed: 'demo' });
		try {
			const res = await call(demo, 'GET', '/contacts/getContactActivity', {
				query: { email: 'jan.novak@seznam.cz' },
			});
			expect(res.status).toBe(200);
			expect(res.body.data.length).toBeGreaterThan(0);
			expect(res.body.data[0]).toEqual(
				expect.objectContaining({
					actionTypeId: expect.any(Number),
					email: 'jan.novak@seznam.cz',
					created: expect.any(String),
					cfssId: null,
				}),
			);
			expect(res.body.data.some((a: { actionTypeId: number }) => a.actionTypeId === 1)).toBe(true);
			expect((await call(demo, 'GET', '/contacts/getContactActivity')).status).toBe(400);
		} finally {
			await demo.close();
		}
	});
});
