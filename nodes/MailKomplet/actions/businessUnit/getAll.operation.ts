import type { IExecuteFunctions } from 'n8n-workflow';

import { limit, returnAll, simplifyProperty } from '../common.descriptions';
import { readList, simplify } from '../common';
import type { ItemOperation } from '../types';

export const getAll: ItemOperation = {
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many business units',
	description:
		'List the business units (accounts) the credential may work with, e.g. the accounts of an agency login. Returns one item per unit with its name and baseCrypt; with Authentication set to Login, the node works with the unit chosen in Business Unit.',
	endpoints: ['GET /businessUnits'],
	properties: [returnAll, limit, simplifyProperty],
	repeat: { safe: true, why: 'a read' },
	runs: 'perItem',
	async execute(this: IExecuteFunctions, itemIndex: number) {
		// The reference documents no paging for this list.
		const units = await readList(this, { method: 'GET', path: ['businessUnits'] }, itemIndex, {
			paged: false,
		});
		return simplify(this, itemIndex, units, ['businessUnitId', 'name', 'baseCrypt']);
	},
};
