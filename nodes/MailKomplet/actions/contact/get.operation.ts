import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { fail } from '../../helpers/parameters';
import { asId, readRequired } from '../../helpers/values';
import { apiRequest } from '../../transport';
import { contactRLC, simplifyProperty } from '../common.descriptions';
import { simplify, unwrap } from '../common';
import type { ItemOperation } from '../types';
import type { Endpoints } from '../../transport';
import { CONTACT_MAIN_FIELDS } from './contact.descriptions';

const contactId: INodeProperties = {
	...contactRLC,
	required: true,
	description: 'The contact to read',
};

const endpoints = { main: { endpoint: 'GET /contacts' } } satisfies Endpoints;

export const get: ItemOperation = {
	value: 'get',
	name: 'Get',
	action: 'Get a contact',
	description:
		'Read one contact by its ID. Returns its e-mail, names, phone, company, custom columns and the dates it was created, updated and last opened and clicked an e-mail.',
	endpoints,
	properties: [contactId, simplifyProperty],
	runs: 'perItem',
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const id = readRequired<number>(this, contactId, itemIndex, asId);
		const found = unwrap(
			await apiRequest.call(this, {
				endpoint: endpoints.main,
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
