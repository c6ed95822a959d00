/**
 * Creates are not safe to repeat. When the answer is lost the node looks the record up by what
 * identifies it, and once more after a short wait: found, it is the result; not found, the
 * create is sent once more. Either way exactly one record exists afterwards.
 */
import type { INodeParameters } from 'n8n-workflow';

import { LATE_COMMIT_MS } from '../../nodes/MailKomplet/transport';
import { jsonOf, runNode } from '../harness';
import { AMBIGUOUS_FAULTS, FAST, useFakeClock } from '../helpers/faults';
import { beforeRunEnds, byId, useSandbox } from '../helpers/sandbox';

const t = useSandbox();
const clock = useFakeClock();

interface CreateCase {
	title: string;
	path: string;
	parameters: () => INodeParameters;
	/** The records the create should have made (exactly one expected). */
	made: () => object[];
	/** The output field holding the new record's ID (none where the API answers with an empty body). */
	idKey?: string;
}

const cases: CreateCase[] = [
	{
		title: 'Mailing List > Create',
		path: '/mailingLists',
		parameters: () => ({
			resource: 'mailingList',
			operation: 'create',
			name: 'Customers',
			isTest: false,
		}),
		made: () => t.sandbox.store.mailingLists.rows.filter((l) => l.name === 'Customers'),
		idKey: 'mailingListId',
	},
	{
		title: 'Campaign > Create',
		path: '/campaigns',
		parameters: () => ({
			resource: 'campaign',
			operation: 'create',
			name: 'Spring',
			mailFromAddress: 'info@example.cz',
			unsubscribeTypeId: 3,
		}),
		made: () => t.sandbox.store.campaigns.rows.filter((c) => c.name === 'Spring'),
		idKey: 'campaignId',
	},
	{
		title: 'Custom Column > Create',
		path: '/customColumns',
		parameters: () => ({
			resource: 'customColumn',
			operation: 'create',
			dataTypeId: 2,
			name: 'loyalty_points',
		}),
		made: () => t.sandbox.store.customColumns.rows.filter((c) => c.name === 'loyalty_points'),
		idKey: 'customColumnId',
	},
	{
		title: 'Coupon Group > Create',
		path: '/saleCouponGroups',
		parameters: () => ({
			resource: 'couponGroup',
			operation: 'create',
			name: 'Black Friday',
			color: '#000000',
		}),
		made: () => t.sandbox.store.saleCouponGroups.rows.filter((g) => g.name === 'Black Friday'),
		idKey: 'couponGroupId',
	},
	{
		title: 'Unsubscribe > Create',
		path: '/excludeLists',
		parameters: () => ({ resource: 'unsubscribe', operation: 'create', email: 'jan@example.cz' }),
		made: () => t.sandbox.store.excludeLists.rows.filter((e) => e.email === 'jan@example.cz'),
	},
	{
		title: 'Coupon > Create',
		path: '/saleCoupons',
		parameters: () => ({
			resource: 'coupon',
			operation: 'create',
			couponGroupId: byId(
				t.sandbox.store.addSaleCouponGroup({ name: 'Spring', color: '#00ff00' }).couponGroupId,
			),
			codesInput: 'text',
			codes: 'SPRING-1, SPRING-2',
		}),
		made: () => t.sandbox.store.saleCoupons.rows.filter((c) => c.coupon === 'SPRING-1'),
	},
];

const posts = (path: string) =>
	t.sandbox.requests.filter((r) => r.method === 'POST' && r.path.endsWith(path));

/** The POSTs and GETs of `path`, in the order they came. */
const calls = (path: string) =>
	t.sandbox.requests.filter((r) => r.path.endsWith(path)).map((r) => r.method);

describe.each(cases.map((c) => [c.title, c] as const))('%s', (_title, createCase) => {
	it.each(AMBIGUOUS_FAULTS)(
		'after %s, exactly one record exists and is the result',
		async (_kind, fault) => {
			t.sandbox.inject({ ...fault, method: 'POST', path: createCase.path });
			clock.holdWaits();
			const run = t.run({ ...createCase.parameters(), requestOptions: FAST });

			// Struck before the write: nothing found, so it waits for a late commit and looks again.
			const written = fault.applied || fault.kind === 'cut' || fault.kind === 'slow';
			if (!written) {
				await beforeRunEnds(run, clock.untilWaiting(1), 'the late-commit wait');
				expect(calls(createCase.path)).toEqual(['POST', 'GET']);
				clock.advance(LATE_COMMIT_MS);
			}
			const result = await run;

			expect(result.error).toBeUndefined();
			const made = createCase.made();
			expect(made).toHaveLength(1);
			if (createCase.idKey) {
				expect(jsonOf(result)).toHaveLength(1);
				expect(jsonOf(result)[0][createCase.idKey]).toBe(
					(made[0] as Record<string, unknown>)[createCase.idKey],
				);
			}
			// Sent again only when neither lookup found it, i.e. the fault struck before the write.
			expect(calls(createCase.path)).toEqual(
				written ? ['POST', 'GET'] : ['POST', 'GET', 'GET', 'POST'],
			);
			expect(clock.waits).toEqual(written ? [] : [LATE_COMMIT_MS]);
		},
	);

	it('after a 429, sends again without a lookup (Mail Komplet did not act on it)', async () => {
		t.sandbox.inject({ method: 'POST', path: createCase.path, status: 429 });

		const result = await t.run({ ...createCase.parameters(), requestOptions: FAST });

		expect(result.error).toBeUndefined();
		expect(createCase.made()).toHaveLength(1);
		expect(posts(createCase.path)).toHaveLength(2);
		expect(
			t.sandbox.requests.some((r) => r.method === 'GET' && r.path.endsWith(createCase.path)),
		).toBe(false);
	});
});

describe('a create whose answer is lost twice', () => {
	it('fails the item saying the record may or may not exist, after two sends, each looked up twice', async () => {
		t.sandbox.inject({ method: 'POST', path: '/mailingLists', status: 503, times: 2 });

		const result = await t.run({ ...cases[0].parameters(), requestOptions: FAST });

		expect(result.error?.message).toBe(
			'Mail Komplet may or may not have created the record: the answer was lost (503, 1 try)',
		);
		expect(t.sandbox.requests.map((r) => r.method)).toEqual([
			'POST',
			'GET',
			'GET',
			'POST',
			'GET',
			'GET',
		]);
		expect(clock.waits).toEqual([LATE_COMMIT_MS, LATE_COMMIT_MS]);
		expect(cases[0].made()).toHaveLength(0);
	});

	it('is never sent again when the lookup itself fails', async () => {
		t.sandbox.inject({ method: 'POST', path: '/mailingLists', status: 503, applied: true });
		t.sandbox.inject({ method: 'GET', path: '/mailingLists', status: 403 });

		const result = await t.run({ ...cases[0].parameters(), requestOptions: FAST });

		expect(result.error?.message).toBe(
			'Mail Komplet may or may not have created the record: the answer was lost (503, 1 try)',
		);
		expect(posts('/mailingLists')).toHaveLength(1);
		expect(cases[0].made()).toHaveLength(1);
	});
});

describe('the lookup after a lost answer', () => {
	it('looks again after a short wait, and finds a create that was committed late instead of sending it again', async () => {
		t.sandbox.inject({ method: 'POST', path: '/mailingLists', status: 504 });
		clock.holdWaits();
		const run = t.run({ ...cases[0].parameters(), requestOptions: FAST });

		await beforeRunEnds(run, clock.untilWaiting(1), 'the late-commit wait');
		expect(calls('/mailingLists')).toEqual(['POST', 'GET']);
		t.sandbox.store.addMailingList({ name: 'Customers' });
		clock.advance(LATE_COMMIT_MS);
		const result = await run;

		expect(result.error).toBeUndefined();
		expect(t.sent().map((r) => `${r.method} ${r.path}`)).toEqual([
			'POST /mailingLists',
			'GET /mailingLists',
			'GET /mailingLists',
		]);
		expect(clock.waits).toEqual([LATE_COMMIT_MS]);
		expect(cases[0].made()).toHaveLength(1);
		expect(jsonOf(result)[0].mailingListId).toBe(
			t.sandbox.store.mailingLists.rows[0].mailingListId,
		);
	});

	it("uses each item's own business unit, not the first item's", async () => {
		const login = { ...t.sandbox.login, baseUrl: t.sandbox.url };
		// Item 0's unit is refused (two tries, signing in again between them); item 1's create then loses its answer.
		t.sandbox.inject({
			method: 'POST',
			path: '/mailingLists',
			status: 503,
			applied: true,
			skip: 2,
		});

		const result = await runNode({
			parameters: {
				authentication: 'login',
				...cases[0].parameters(),
				name: '={{ $json.name }}',
				businessUnit: byId('={{ $json.unit }}'),
				requestOptions: FAST,
			},
			credentials: t.credentials,
			login,
			items: [
				{ json: { unit: 'otherUnit', name: 'Other' } },
				{ json: { unit: t.sandbox.baseCrypt, name: 'Customers' } },
			],
			continueOnFail: true,
		});

		expect(t.sandbox.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
			'POST /api/authentication/signIn 200',
			'POST /api/otherUnit/mailingLists 403',
			'POST /api/authentication/signIn 200',
			'POST /api/otherUnit/mailingLists 403',
			'POST /api/sandboxBaseCrypt/mailingLists 503',
			'GET /api/sandboxBaseCrypt/mailingLists 200',
		]);
		const [list] = t.sandbox.store.mailingLists.rows;
		expect(result.items.map((item) => item.json.error ?? item.json.mailingListId)).toEqual([
			'Mail Komplet refused the session for this business unit',
			list.mailingListId,
		]);
	});

	it('matches a name exactly: a list whose name differs only in case is another list', async () => {
		const other = t.sandbox.store.addMailingList({ name: 'customers' });
		t.sandbox.inject({ method: 'POST', path: '/mailingLists', status: 503 });

		const result = await t.run({ ...cases[0].parameters(), requestOptions: FAST });

		expect(result.error).toBeUndefined();
		expect(t.sent().map((r) => r.method)).toEqual(['POST', 'GET', 'GET', 'POST']);
		expect(jsonOf(result)[0].mailingListId).not.toBe(other.mailingListId);
		expect(cases[0].made()).toHaveLength(1);
	});

	it('matches an e-mail address whatever its case, as Mail Komplet does', async () => {
		t.sandbox.inject({ method: 'POST', path: '/excludeLists', status: 503, applied: true });

		const result = await t.run({
			resource: 'unsubscribe',
			operation: 'create',
			email: 'Jan@Example.cz',
			requestOptions: FAST,
		});

		expect(result.error).toBeUndefined();
		expect(t.sent().map((r) => r.method)).toEqual(['POST', 'GET']);
		expect(t.sandbox.store.excludeLists.size).toBe(1);
	});

	it.each([
		[
			'a deleted custom column',
			() =>
				t.sandbox.store.addCustomColumn({
					name: 'loyalty_points',
					dataTypeId: 2,
					deleted: '2026-01-01T00:00:00',
				}),
			{ resource: 'customColumn', operation: 'create', dataTypeId: 2, name: 'loyalty_points' },
			'/customColumns',
		],
		[
			'an unsubscribe that expired',
			() =>
				t.sandbox.store.addExcludeListEntry({
					email: 'jan@example.cz',
					validTo: '2025-12-31T23:59:59',
				}),
			{ resource: 'unsubscribe', operation: 'create', email: 'jan@example.cz' },
			'/excludeLists',
		],
	])(
		'does not take %s for the one just created: it sends the create again',
		async (_title, seed, parameters, path) => {
			seed();
			t.sandbox.inject({ method: 'POST', path, status: 503 });

			await t.run({ ...parameters, requestOptions: FAST });

			expect(t.sent().map((r) => `${r.method} ${r.path}`)).toEqual([
				`POST ${path}`,
				`GET ${path}`,
				`GET ${path}`,
				`POST ${path}`,
			]);
		},
	);
});
