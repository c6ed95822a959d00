import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { asEmail, readRequired } from '../../helpers/values';
import { apiRequest } from '../../transport';
import { createdRecord } from '../common';
import type { ItemOperation } from '../types';
import type { Endpoints } from '../../transport';
import {
	customColumnsJson,
	customColumnsMode,
	customColumnValues,
	email,
	newContactFields,
} from './contact.descriptions';
import { readContact } from './readContact';

const contactEmail: INodeProperties = {
	...email,
	required: true,
	description:
		'E-mail address of the contact. Mail Komplet updates the contact that has it, or creates one; the output carries its contactId.',
};

const endpoints = {
	main: {
		endpoint: 'POST /contacts',
		repeat: {
			safe: true,
			why: 'Mail Komplet finds the contact by e-mail and updates it, so a repeat sets the same values again',
		},
	},
} satisfies Endpoints;

export const upsert: ItemOperation = {
	value: 'upsert',
	name: 'Create or Update',
	action: 'Create or update a contact by e-mail',
	// n8n's lint requires this exact text for an upsert; Email's description says the rest.
	description: 'Create a new record, or update the current one if it already exists (upsert)',
	endpoints,
	properties: [
		contactEmail,
		newContactFields,
		customColumnsMode,
		customColumnValues,
		customColumnsJson,
	],
	runs: 'perItem',
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const body = {
			email: readRequired<string>(this, contactEmail, itemIndex, asEmail),
			...(await readContact(this, newContactFields, itemIndex)),
		};
		const response = await apiRequest.call(this, {
			endpoint: endpoints.main,
			body,
			itemIndex,
		});
		return createdRecord(response, body);
	},
};
