import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { fail } from '../../helpers/parameters';
import { asId, readRequired } from '../../helpers/values';
import { apiRequest } from '../../transport';
import { contactRLC, simplifyProperty } from '../common.descriptions';
import { simplify, unwrap } from '../common';
import type { ItemOperation } from '../types';
import { CONTACT_MAIN_FIELDS } from './contact.descriptions';

const contactId: INodeProperties = {
	...contactRLC,
	required: true,
	description: 'The contact to read',
};

export const get: ItemOperation = {
	value: 'get',
	name: 'Get',
	action: 'Get a contact',
	description:
		'Read one contact by its ID. Returns its e-mail, names, phone, company, custom columns and the dates it was created, updated and last opened and clicked an e-mail.',
	endpoints: ['GET /contacts'],
	properties: [contactId, simplifyProperty],
	repeat: { safe: true, why: 'a read' },
	runs: 'perItem',
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const id = readRequired<number>(this, contactId, itemIndex, asId);
		const found = unwrap(
			await apiRequest.call(this, {
				method: 'GET',
				path: ['contacts'],
				qs: { contactId: id, page: 1, pageSize: 1 },
				itemIndex,
			}),
		);
		if (found.length === 0) {
			fail(
				this,
				itemIndex,
				`No contact with ID ${id}`,
				'The contact may have been deleted. Check the Contact.',
			);
		}
		return simplify(this, itemIndex, found, CONTACT_MAIN_FIELDS);
	},
};
