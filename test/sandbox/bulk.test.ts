import { startSandbox } from '../../sandbox';
import type { Sandbox } from '../../sandbox';
import { call } from './helpers';

describe('sandbox bulk import of contacts', () => {
	let sandbox: Sandbox;
	let listId: number;
	beforeAll(async () => {
		sandbox = await startSandbox({ bulkPollsPerPhase: 1 });
	});
	afterAll(() => sandbox.close());
	beforeEach(() => {
		sandbox.reset();
		listId = sandbox.store.addMailingList({ name: 'Import' }).mailingListId;
		sandbox.store.addCustomColumn({ name: 'last_order', dataTypeId: 4 });
	});

	const start = async (body: unknown): Promise<string> => {
		const res = await call(sandbox, 'POST', '/contacts/bulk', { body });
		expect(res.status).toBe(200);
		expect(res.body).toEqual({ data: { operationId: expect.stringMatching(/^[0-9a-f-]{36}$/) } });
		return res.body.data.operationId;
	};
	const poll = async (operationId: string) =>
		(await call(sandbox, 'GET', '/contacts/getBulkInfo', { query: { operationId } })).body.data;

	it('moves Queued -> Processing -> SuccessfulyFinished and applies the import at the end', async () => {
		const operationId = await start({
			preImportAction: 1,
			contactOverwriteMode: 1,
			mailingListIds: [listId],
			contacts: [
				{
					name: 'Jan',
					surname: 'Novák',
					title: 'Dear Mr.',
					email: 'jan@webkomplet.cz',
					sex: true,
					company: 'Webkomplet',
					customData: null,
					customColumns: { last_order: '2020-01-28T11:46:17' },
				},
				{ name: 'Jana', email: 'jana@webkomplet.cz', sex: false, customColumns: {} },
				{ email: 'martin@webkomplet.cz' },
			],
		});
		expect(await poll(operationId)).toEqual({ status: 'Queued', errors: null, errorMessage: null });
		expect(sandbox.store.contacts.size).toBe(0);
		expect((await poll(operationId)).status).toBe('Processing');
		expect(await poll(operationId)).toEqual({
			status: 'SuccessfulyFinished',
			errors: null,
			errorMessage: null,
		});
		expect((await poll(operationId)).status).toBe('SuccessfulyFinished');
		const members = await call(sandbox, 'GET', '/contacts', { query: { mailingListId: listId } });
		expect(members.body.totalRecordCount).toBe(3);
		expect(members.body.data[0]).toMatchObject({
			email: 'jan@webkomplet.cz',
			title: 'Dear Mr.',
			customColumns: { cc_last_order: '2020-01-28T11:46:17' },
		});
	});

	it('ends with Error naming the bad row and imports nothing', async () => {
		const operationId = await start({
			preImportAction: 1,
			contactOverwriteMode: 1,
			contacts: [{ email: 'ok@example.cz' }, { name: 'No e-mail' }, { email: 'broken@' }],
		});
		await poll(operationId);
		await poll(operationId);
		const info = await poll(operationId);
		expect(info.status).toBe('Error');
		expect(info.errorMessage).toContain('Row 2');
		expect(info.errors).toContain(
			'Row 3: The contacts[2].email field is not a valid e-mail address.',
		);
		expect(sandbox.store.contacts.size).toBe(0);
	});

	it.each([
		[{ contactOverwriteMode: 1, contacts: [{ email: 'a@b.cz' }] }, 'preImportAction'],
		[
			{ preImportAction: 4, contactOverwriteMode: 1, contacts: [{ email: 'a@b.cz' }] },
			'preImportAction',
		],
		[
			{ preImportAction: 1, contactOverwriteMode: 0, contacts: [{ email: 'a@b.cz' }] },
			'contactOverwriteMode',
		],
		[{ preImportAction: 1, contactOverwriteMode: 1 }, 'contacts'],
		[{ preImportAction: 1, contactOverwriteMode: 1, contacts: [] }, 'contacts'],
		[{ preImportAction: 1, contactOverwriteMode: 1, contacts: ['a@b.cz'] }, 'contacts[0]'],
		[
			{ preImportAction: 2, contactOverwriteMode: 1, contacts: [{ email: 'a@b.cz' }] },
			'mailingListIds',
		],
	])('refuses a structurally bad body at once: %j', async (body, field) => {
		const res = await call(sandbox, 'POST', '/contacts/bulk', { body });
		expect([res.status, res.body.message]).toEqual([400, expect.stringContaining(field)]);
	});

	it('404 for an unknown operationId, 400 for a malformed one', async () => {
		expect(
			(
				await call(sandbox, 'GET', '/contacts/getBulkInfo', {
					query: { operationId: '6f1c8a52-1111-4222-8333-444455556666' },
				})
			).status,
		).toBe(404);
		expect(
			(await call(sandbox, 'GET', '/contacts/getBulkInfo', { query: { operationId: 'nope' } }))
				.status,
		).toBe(400);
		expect((await call(sandbox, 'GET', '/contacts/getBulkInfo')).status).toBe(400);
	});

	it('honours preImportAction and contactOverwriteMode', async () => {
		const instant = await startSandbox({ bulkPollsPerPhase: 0 });
		try {
			const store = instant.store;
			const list = store.addMailingList({ name: 'L' }).mailingListId;
			const other = store.addMailingList({ name: 'Other' }).mailingListId;
			const run = async (body: object) => {
				const res = await call(instant, 'POST', '/contacts/bulk', {
					body: { mailingListIds: [list], ...body },
				});
				return (
					await call(instant, 'GET', '/contacts/getBulkInfo', {
						query: { operationId: res.body.data.operationId },
					})
				).body.data.status;
			};
			const member = store.addContact({
				email: 'member@x.cz',
				name: 'Old',
				company: 'Old s.r.o.',
				mailingListIds: [list],
			});
			const outsider = store.addContact({
				email: 'outsider@x.cz',
				name: 'Out',
				company: 'Keep',
				mailingListIds: [other],
			});

			// 1 + merge: members of the chosen list are skipped; others are merged and assigned.
			expect(
				await run({
					preImportAction: 1,
					contactOverwriteMode: 1,
					contacts: [
						{ email: 'member@x.cz', name: 'New' },
						{ email: 'outsider@x.cz', name: 'Merged', company: '' },
						{ email: 'fresh@x.cz' },
					],
				}),
			).toBe('SuccessfulyFinished');
			expect(member.name).toBe('Old');
			expect(outsider).toMatchObject({ name: 'Merged', company: 'Keep' });
			expect(outsider.lists.has(list)).toBe(true);
			expect(store.findContactByEmail('fresh@x.cz')?.lists.has(list)).toBe(true);

			// 1 + overwrite on a non-member: missing values become null.
			const loner = store.addContact({ email: 'loner@x.cz', name: 'Lone', company: 'Firm' });
			await run({
				preImportAction: 1,
				contactOverwriteMode: 2,
				contacts: [{ email: 'loner@x.cz', surname: 'Only' }],
			});
			expect(loner).toMatchObject({ name: null, surname: 'Only', company: null });

			// 3 (skip existing values) still assigns to the list.
			const skip = store.addContact({ email: 'skip@x.cz', name: 'Same' });
			await run({
				preImportAction: 1,
				contactOverwriteMode: 3,
				contacts: [{ email: 'skip@x.cz', name: 'Changed' }],
			});
			expect(skip.name).toBe('Same');
			expect(skip.lists.has(list)).toBe(true);

			// 2: current members are unassigned first, imported ones assigned.
			await run({
				preImportAction: 2,
				contactOverwriteMode: 1,
				contacts: [{ email: 'fresh@x.cz' }],
			});
			expect(store.membersOf(list).map((c) => c.email)).toEqual(['fresh@x.cz']);
			expect(store.findContactByEmail('member@x.cz')).toBeDefined();

			// 3: current members are deleted from the database first.
			const freshId = store.findContactByEmail('fresh@x.cz')?.contactId;
			await run({
				preImportAction: 3,
				contactOverwriteMode: 1,
				contacts: [{ email: 'fresh@x.cz' }, { email: 'brand@x.cz' }],
			});
			expect(store.findContactByEmail('fresh@x.cz')?.contactId).not.toBe(freshId);
			expect(store.membersOf(list).map((c) => c.email)).toEqual(['fresh@x.cz', 'brand@x.cz']);
		} finally {
			await instant.close();
		}
	});

	const emailsOn = (id: number) => sandbox.store.membersOf(id).map((c) => c.email);
	const pollToEnd = async (operationId: string) => {
		for (let i = 0; i < 2; i++) await poll(operationId);
		return (await poll(operationId)).status;
	};

	it.each([2, 3])(
		'preImportAction %i empties the list when the import runs, not when it is accepted',
		async (preImportAction) => {
			sandbox.store.addContact({ email: 'old@x.cz', mailingListIds: [listId] });
			const operationId = await start({
				preImportAction,
				contactOverwriteMode: 1,
				mailingListIds: [listId],
				contacts: [{ email: 'new@x.cz' }],
			});

			expect((await poll(operationId)).status).toBe('Queued');
			expect((await poll(operationId)).status).toBe('Processing');
			expect(emailsOn(listId)).toEqual(['old@x.cz']);
			expect((await poll(operationId)).status).toBe('SuccessfulyFinished');
			expect(emailsOn(listId)).toEqual(['new@x.cz']);
		},
	);

	it.each([
		[2, ['old@x.cz', 'a1@x.cz', 'a2@x.cz']],
		[3, []],
	])(
		'two imports with preImportAction %i queued together leave only the second one on the list',
		async (preImportAction, inAccount) => {
			sandbox.store.addContact({ email: 'old@x.cz', mailingListIds: [listId] });
			const body = { preImportAction, contactOverwriteMode: 1, mailingListIds: [listId] };
			const first = await start({
				...body,
				contacts: [{ email: 'a1@x.cz' }, { email: 'a2@x.cz' }],
			});
			const second = await start({ ...body, contacts: [{ email: 'b1@x.cz' }] });

			expect(await pollToEnd(second)).toBe('SuccessfulyFinished');
			expect(emailsOn(listId)).toEqual(['b1@x.cz']);
			// 2 only takes contacts off the list; 3 deletes them from the account.
			expect(sandbox.store.contacts.rows.map((c) => c.email)).toEqual([...inAccount, 'b1@x.cz']);
			expect((await poll(first)).status).toBe('SuccessfulyFinished');
		},
	);

	it('runs imports in the order it accepted them: one ends only after every earlier one', async () => {
		const body = { preImportAction: 1, contactOverwriteMode: 1, mailingListIds: [listId] };
		const first = await start({ ...body, contacts: [{ email: 'first@x.cz' }] });
		const second = await start({ ...body, contacts: [{ email: 'second@x.cz' }] });
		const third = await start({ ...body, contacts: [{ email: 'third@x.cz' }] });

		expect(await pollToEnd(second)).toBe('SuccessfulyFinished');
		expect(emailsOn(listId)).toEqual(['first@x.cz', 'second@x.cz']);
		expect(sandbox.store.bulkOperations.get(first)?.finalStatus).toBe('SuccessfulyFinished');
		expect(sandbox.store.bulkOperations.get(third)?.finalStatus).toBeNull();
	});

	it('accepts 5,000 contacts (several MB) in one request', async () => {
		const contacts = Array.from({ length: 5000 }, (_, i) => ({
			email: `bulk.${i}@example.cz`,
			name: 'Hromadný',
			surname: `Import ${i}`,
			company: 'Velká firma s dlouhým názvem a.s.',
			customColumns: { last_order: '2024-12-24T18:00:00' },
			customData: { note: 'x'.repeat(400) },
		}));
		const operationId = await start({
			preImportAction: 1,
			contactOverwriteMode: 1,
			mailingListIds: [listId],
			contacts,
		});
		expect(sandbox.requests.at(-1)?.rawBody.length).toBeGreaterThan(2_000_000);
		for (let i = 0; i < 2; i++) await poll(operationId);
		expect((await poll(operationId)).status).toBe('SuccessfulyFinished');
		expect(sandbox.store.contacts.size).toBe(5000);
	});
});
