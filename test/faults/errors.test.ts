/**
 * Errors say what happened and to which item: the item index goes to n8n (never into the text),
 * the number of tries and the last answer are named, an unknown path is told apart from a
 * missing record, and the API key appears nowhere.
 */
import type { INodeParameters } from 'n8n-workflow';

import type { Fault } from '../../sandbox';
import { runNode } from '../harness';
import { expectNoSecret, FAST, useFakeClock } from '../helpers/faults';
import { byId, useSandbox } from '../helpers/sandbox';

const t = useSandbox();
useFakeClock();

/** Three items that update three mailing lists; a fault that skips one request hits item 1. */
function updateThreeLists(): INodeParameters {
	const ids = ['A', 'B', 'C'].map((name) => t.sandbox.store.addMailingList({ name }).mailingListId);
	return {
		resource: 'mailingList',
		operation: 'update',
		mailingListId: byId(`={{ [${ids.join(',')}][$itemIndex] }}`),
		updateFields: { name: '=New {{ $itemIndex }}' },
	};
}

const items = [{ json: {} }, { json: {} }, { json: {} }];

describe('an error points at its item and keeps the key out', () => {
	it.each<[string, () => INodeParameters, Fault, string]>([
		[
			'a read or update that kept failing',
			updateThreeLists,
			{ method: 'PUT', status: 503, times: 10, skip: 1 },
			'Mail Komplet had a server error (503, 5 tries)',
		],
		[
			'a connection that kept breaking',
			updateThreeLists,
			{ method: 'PUT', kind: 'drop', times: 10, skip: 1 },
			'Lost the connection to Mail Komplet: connection reset (ECONNRESET, 5 tries)',
		],
		[
			'a create whose answer was lost twice',
			() => ({
				resource: 'mailingList',
				operation: 'create',
				name: '=L{{ $itemIndex }}',
				isTest: false,
			}),
			{ method: 'POST', status: 502, times: 2, skip: 1 },
			'Mail Komplet may or may not have created the record: the answer was lost (502, 1 try)',
		],
		[
			'a send whose answer was lost',
			() => ({
				resource: 'transactionalSms',
				operation: 'send',
				sendMode: 'perItem',
				to: '=+42077500000{{ $itemIndex }}',
				text: 'Hi',
			}),
			{ method: 'POST', kind: 'drop', applied: true, skip: 1 },
			'The message may or may not have been sent: the answer was lost (connection reset (ECONNRESET), 1 try)',
		],
	])('%s', async (_title, parameters, fault, message) => {
		const params = parameters();
		t.sandbox.inject(fault);

		const result = await t.run({ ...params, requestOptions: FAST }, { items });

		expect(result.error?.message).toBe(message);
		expect(result.error?.context?.itemIndex).toBe(1);
		expect(result.error?.message).not.toMatch(/item/i);
		expectNoSecret(result.error, t.credentials.apiKey);
		expectNoSecret(result.run.data, t.credentials.apiKey);
	});
});

describe('an unknown path is not a missing record', () => {
	it('a wrong Base URL (the server knows no such route) says to check the Base URL', async () => {
		const result = await runNode({
			parameters: { resource: 'mailingList', operation: 'getAll', returnAll: true },
			credentials: { ...t.credentials, baseUrl: `${t.sandbox.origin}/wrong` },
		});

		expect(result.error?.message).toBe('Nothing at this address answers like Mail Komplet');
		expect(result.error?.description).toContain(
			'Check the Base URL in the Mail Komplet credential',
		);
		expect(result.error?.httpCode).toBe('404');
	});

	it('a proxy answering 404 with a web page says the same, without the page', async () => {
		t.sandbox.inject({
			status: 404,
			body: '<html><body><h1>404 Not Found</h1>nginx</body></html>',
		});

		const result = await t.run({ resource: 'mailingList', operation: 'getAll', returnAll: true });

		expect(result.error?.message).toBe('Nothing at this address answers like Mail Komplet');
		expect(result.error?.description).not.toContain('nginx');
	});

	it.each([
		['a Get Many', { resource: 'mailingList', operation: 'getAll', returnAll: true }, 'GET'],
		[
			'a create',
			{ resource: 'mailingList', operation: 'create', name: 'Customers', isTest: false },
			'POST',
		],
	])(
		'a JSON 404 to %s (which names no record) says the address is wrong, whatever it says',
		async (_title, parameters, method) => {
			t.sandbox.inject({ status: 404, body: { message: `No API endpoint ${method} /x` } });

			const result = await t.run({ ...parameters, requestOptions: FAST });

			expect(result.error?.message).toBe('Nothing at this address answers like Mail Komplet');
			expect(result.error?.description).toBe(
				`${method} /mailingLists names no record here, so the address itself is wrong. Check the Base URL in the Mail Komplet credential (normally https://api.mail-komplet.cz/api) and any proxy between n8n and Mail Komplet.`,
			);
			expect(t.sent()).toHaveLength(1);
			expect(t.sandbox.store.mailingLists.size).toBe(0);
		},
	);

	it('a record Mail Komplet does not have says to check the ID', async () => {
		const result = await t.run({
			resource: 'mailingList',
			operation: 'update',
			mailingListId: byId(999),
			updateFields: { name: 'X' },
		});

		expect(result.error?.message).toBe('The requested Mail Komplet record does not exist');
		expect(result.error?.description).toBe(
			'Mail Komplet said: Mailing list 999 was not found. Check the ID: it may have been deleted, or belong to another Mail Komplet account.',
		);
	});
});
