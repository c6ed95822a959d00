import { jsonOf } from '../harness';
import { byId, useSandbox } from '../helpers/sandbox';

const t = useSandbox();

describe('Subscribe Request > Create', () => {
	it('POSTs the contact fields with dispatcherId and returns the subscribeRequestId', async () => {
		const dispatcher = t.sandbox.store.addDispatcher();
		const listId = t.sandbox.store.addMailingList({ name: 'Newsletter' }).mailingListId;

		const result = await t.run({
			resource: 'subscribeRequest',
			operation: 'create',
			email: 'jana@webkomplet.cz',
			dispatcherId: byId(dispatcher.dispatcherId),
			additionalFields: { name: 'Jana', mailingListIds: [String(listId)] },
		});

		const body = {
			email: 'jana@webkomplet.cz',
			name: 'Jana',
			mailingListIds: [listId],
			dispatcherId: dispatcher.dispatcherId,
		};
		expect(t.sent()).toEqual([{ method: 'POST', path: '/subscribeContacts', query: {}, body }]);
		expect(jsonOf(result)).toEqual([{ subscribeRequestId: 81901, ...body }]);
	});

	it('refuses a domain redirect ID that is not a number', async () => {
		const result = await t.run(
			{
				resource: 'subscribeRequest',
				operation: 'create',
				email: 'jana@webkomplet.cz',
				dispatcherId: byId('={{ $json.redirect }}'),
			},
			{ items: [{ json: { redirect: 'abc' } }] },
		);

		expect(result.error?.message).toBe(
			'Domain Redirect must be a numeric ID, got "abc"',
		);
		expect(t.sent()).toEqual([]);
	});
});
