/**
 * Creates are not safe to repeat. When the answer is lost the node looks the record up by what
 * identifies it: found, it is the result; not found, the create is sent once more. Either way
 * exactly one record exists afterwards.
 */
import type { INodeParameters } from 'n8n-workflow';

import { jsonOf } from '../harness';
import { AMBIGUOUS_FAULTS, FAST, useFakeClock } from '../helpers/faults';
import { byId, useSandbox } from '../helpers/sandbox';

const t = useSandbox();
useFakeClock();

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

describe.each(cases.map((c) => [c.title, c] as const))('%s', (_title, createCase) => {
	it.each(AMBIGUOUS_FAULTS)(
		'after %s, exactly one record exists and is the result',
		async (_kind, fault) => {
			t.sandbox.inject({ ...fault, method: 'POST', path: createCase.path });

			const result = await t.run({ ...createCase.parameters(), requestOptions: FAST });

			expect(result.error).toBeUndefined();
			const made = createCase.made();
			expect(made).toHaveLength(1);
			if (createCase.idKey) {
				expect(jsonOf(result)).toHaveLength(1);
				expect(jsonOf(result)[0][createCase.idKey]).toBe(
					(made[0] as Record<string, unknown>)[createCase.idKey],
				);
			}
			// Sent again only when the lookup found nothing, i.e. the fault struck before the write.
			expect(posts(createCase.path)).toHaveLength(
				fault.applied || fault.kind === 'cut' || fault.kind === 'slow' ? 1 : 2,
			);
			const lookups = t.sandbox.requests.filter(
				(r) => r.method === 'GET' && r.path.endsWith(createCase.path),
			);
			expect(lookups.length).toBeGreaterThanOrEqual(1);
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
	it('fails the item saying the record may or may not exist, after two sends and two lookups', async () => {
		t.sandbox.inject({ method: 'POST', path: '/mailingLists', status: 503, times: 2 });

		const result = await t.run({ ...cases[0].parameters(), requestOptions: FAST });

		expect(result.error?.message).toBe(
			'Mail Komplet may or may not have created the record: the answer was lost (503, 1 try)',
		);
		expect(t.sandbox.requests.map((r) => r.method)).toEqual(['POST', 'GET', 'POST', 'GET']);
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
