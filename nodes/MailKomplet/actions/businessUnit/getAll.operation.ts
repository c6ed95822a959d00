import type { IExecuteFunctions } from 'n8n-workflow';

import { limit, returnAll, simplifyProperty } from '../common.descriptions';
import { readList, simplify } from '../common';
import type { ItemOperation } from '../types';
import type { Endpoints } from '../../transport';

const endpoints = { main: { endpoint: 'GET /businessUnits' } } satisfies Endpoints;

export const getAll: ItemOperation = {
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many business units',
	description:
		'List the business units (accounts) the credential may work with, e.g. the accounts of an agency login. Returns one item per unit with its name and baseCrypt; with Authentication set to Login, the node works with the unit chosen in Business Unit.',
	endpoints,
	properties: [returnAll, limit, simplifyProperty],
	runs: 'perItem',
	async execute(this: IExecuteFunctions, itemIndex: number) {
		// The reference documents no paging for this list.
		const units = await readList(this, { endpoint: endpoints.main }, itemIndex, {
			paged: false,
		});
		return simplify(this, itemIndex, units, ['businessUnitId', 'name', 'baseCrypt']);
	},
};
