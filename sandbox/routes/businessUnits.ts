import type { RouteDef } from '../router';

export const businessUnitRoutes: RouteDef[] = [
	{
		method: 'GET',
		path: '/businessUnits',
		// One account: the sandbox's own. The reference names only baseCrypt among the fields.
		handler: ({ store }) => ({
			body: {
				totalRecordCount: 1,
				pageCount: 1,
				data: [{ businessUnitId: 1, name: 'Sandbox account', baseCrypt: store.baseCrypt }],
			},
		}),
	},
];
