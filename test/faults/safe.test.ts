/**
 * Operations that are safe to repeat (reads, upserts, updates, deletes) survive every fault the
 * sandbox injects, a proxy's web page or redirect included: one retry, and the result is the one
 * a fault-free run gives.
 */
import type { INodeParameters } from 'n8n-workflow';

import { jsonOf } from '../harness';
import { FAST, FAULT_KINDS, PROXY_FAULT_KINDS, useFakeClock } from '../helpers/faults';
import { byId, useSandbox } from '../helpers/sandbox';

const t = useSandbox();
useFakeClock();

interface SafeCase {
	title: string;
	/** Method and path the fault strikes. */
	method: string;
	path: (ids: number[]) => string;
	/** Seeds the store; returns IDs the parameters need. */
	setup: () => number[];
	parameters: (ids: number[]) => INodeParameters;
	/** Requests to the faulted path a clean run makes (paged reads make several). */
	cleanRequests: number;
	/** Checks output and store after the run. */
	expectResult: (output: ReturnType<typeof jsonOf>, ids: number[]) => void;
}

const cases: SafeCase[] = [
	{
		title: 'Mailing List > Get Many (three pages)',
		method: 'GET',
		path: () => '/mailingLists',
		setup: () =>
			['A', 'B', 'C', 'D', 'E'].map(
				(name) => t.sandbox.store.addMailingList({ name }).mailingListId,
			),
		parameters: () => ({
			resource: 'mailingList',
			operation: 'getAll',
			returnAll: true,
			options: { pageSize: 2 },
		}),
		cleanRequests: 3,
		expectResult: (output, ids) => expect(output.map((l) => l.mailingListId)).toEqual(ids),
	},
	{
		title: 'Contact > Create or Update (POST, an upsert)',
		method: 'POST',
		path: () => '/contacts',
		setup: () => [],
		parameters: () => ({ resource: 'contact', operation: 'upsert', email: 'jana@example.cz' }),
		cleanRequests: 1,
		expectResult: (output) => {
			const contacts = t.sandbox.store.contacts.rows.filter((c) => c.email === 'jana@example.cz');
			expect(contacts).toHaveLength(1);
			expect(output).toEqual([{ contactId: contacts[0].contactId, email: 'jana@example.cz' }]);
		},
	},
	{
		title: 'Mailing List > Update (PUT)',
		method: 'PUT',
		path: ([id]) => `/mailingLists/${id}`,
		setup: () => [t.sandbox.store.addMailingList({ name: 'Old' }).mailingListId],
		parameters: ([id]) => ({
			resource: 'mailingList',
			operation: 'update',
			mailingListId: byId(id),
			updateFields: { name: 'New' },
		}),
		cleanRequests: 1,
		expectResult: (output, [id]) => {
			expect(output).toEqual([{ success: true, mailingListId: id, name: 'New' }]);
			expect(t.sandbox.store.mailingLists.get(id)?.name).toBe('New');
		},
	},
	{
		title: 'Custom Column > Delete (DELETE of one record)',
		method: 'DELETE',
		path: () => '/customColumns',
		setup: () => [
			t.sandbox.store.addCustomColumn({ name: 'old_column', dataTypeId: 1 }).customColumnId,
		],
		parameters: ([id]) => ({
			resource: 'customColumn',
			operation: 'delete',
			customColumnId: byId(id),
		}),
		cleanRequests: 1,
		expectResult: (output, [id]) => {
			expect(output).toEqual([{ success: true, customColumnId: id }]);
			expect(t.sandbox.store.customColumns.has(id)).toBe(false);
		},
	},
];

describe.each(cases.map((c) => [c.title, c] as const))('%s', (_title, safeCase) => {
	it.each([...FAULT_KINDS, ...PROXY_FAULT_KINDS])(
		'survives %s with one retry',
		async (_kind, fault) => {
			const ids = safeCase.setup();
			t.sandbox.inject({ ...fault, method: safeCase.method, path: safeCase.path(ids) });

			const result = await t.run({ ...safeCase.parameters(ids), requestOptions: FAST });

			expect(result.error).toBeUndefined();
			safeCase.expectResult(jsonOf(result), ids);
			const faulted = t.sandbox.requests.filter(
				(r) => r.method === safeCase.method && r.path.endsWith(safeCase.path(ids)),
			);
			expect(faulted).toHaveLength(safeCase.cleanRequests + 1);
			expect(faulted[0].fault).toBeDefined();
		},
	);
});
