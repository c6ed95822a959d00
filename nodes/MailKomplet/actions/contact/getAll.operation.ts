import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { asId, readFields } from '../../helpers/values';
import {
	contactRLC,
	limit,
	mailingListRLC,
	pagingOptions,
	returnAll,
	simplifyProperty,
} from '../common.descriptions';
import { readList, simplify } from '../common';
import type { ItemOperation } from '../types';
import type { Endpoints } from '../../transport';
import { CONTACT_MAIN_FIELDS } from './contact.descriptions';

const filters: INodeProperties = {
	displayName: 'Filters',
	name: 'filters',
	type: 'collection',
	placeholder: 'Add Filter',
	default: {},
	options: [
		{
			...contactRLC,
			description: 'Return only the contact with this ID',
		},
		{
			displayName: 'Email Contains',
			name: 'email',
			type: 'string',
			placeholder: '@example.cz',
			default: '',
			description:
				'Return only contacts whose e-mail contains this text (a part of the address is enough)',
		},
		{
			...mailingListRLC,
			description: 'Return only contacts on this mailing list',
		},
	],
};

const endpoints = { main: { endpoint: 'GET /contacts' } } satisfies Endpoints;

export const getAll: ItemOperation = {
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many contacts, by e-mail or mailing list',
	description:
		'List contacts, optionally only those on a mailing list or whose e-mail contains some text. Returns one item per contact with contactId, e-mail, names, phone, company, custom columns and activity dates.',
	endpoints,
	properties: [returnAll, limit, filters, simplifyProperty, pagingOptions],
	runs: 'perItem',
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const qs = readFields(this, filters, itemIndex, { contactId: asId, mailingListId: asId });
		const contacts = await readList(this, { endpoint: endpoints.main, qs }, itemIndex);
		return simplify(this, itemIndex, contacts, CONTACT_MAIN_FIELDS);
	},
};
