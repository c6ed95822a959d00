import { listOperation } from '../common';

export const getAll = listOperation({
	noun: 'domain redirects',
	path: 'dispatchers',
	description:
		'List the domain redirects (dispatchers) of the account: the domains that carry tracked links and subscribe and unsubscribe pages. Returns one item per redirect with dispatcherId, name, url, status (0 Not Verified, 1 DNS Verified, 2 Active) and its subscribe settings.',
	filters: [
		{
			name: 'dispatcherId',
			label: 'Domain Redirect ID',
			type: 'id',
			description: 'Return only the domain redirect with this ID',
		},
	],
});
