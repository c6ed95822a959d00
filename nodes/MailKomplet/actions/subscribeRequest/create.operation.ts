import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { asEmail, asId, readRequired } from '../../helpers/values';
import { domainRedirectRLC } from '../common.descriptions';
import { sendOnce } from '../../transport';
import { createdRecord } from '../common';
import {
	customColumnsJson,
	customColumnsMode,
	customColumnValues,
	email,
	newContactFields,
} from '../contact/contact.descriptions';
import { readContact } from '../contact/readContact';
import type { ItemOperation } from '../types';
import type { Endpoints } from '../../transport';

const contactEmail: INodeProperties = {
	...email,
	required: true,
	description: 'E-mail address to confirm; Mail Komplet sends the confirmation e-mail there',
};

const dispatcherId: INodeProperties = {
	...domainRedirectRLC,
	required: true,
	description:
		'Domain redirect (dispatcher) whose subscribe settings and confirmation campaign handle the request',
};

// A send, not a create: the API cannot look a subscribe request up to tell whether it was made.
const endpoints = {
	main: {
		endpoint: 'POST /subscribeContacts',
		repeat: {
			safe: false,
			kind: 'send',
			why: 'every POST makes another subscribe request and e-mails the contact another confirmation',
		},
	},
} satisfies Endpoints;

export const create: ItemOperation = {
	value: 'create',
	name: 'Create',
	action: 'Create a subscribe request',
	description:
		'Start a double opt-in: Mail Komplet sends the contact a confirmation e-mail through the chosen domain redirect and adds the contact, with the given fields and mailing lists, once confirmed. Needs the e-mail and the domain redirect; returns the subscribeRequestId with the fields sent.',
	endpoints,
	properties: [
		contactEmail,
		dispatcherId,
		newContactFields,
		customColumnsMode,
		customColumnValues,
		customColumnsJson,
	],
	runs: 'perItem',
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const address = readRequired<string>(this, contactEmail, itemIndex, asEmail);
		const redirect = readRequired<number>(this, dispatcherId, itemIndex, asId);
		const body = {
			email: address,
			...(await readContact(this, newContactFields, itemIndex)),
			dispatcherId: redirect,
		};
		const response = await sendOnce.call(
			this,
			{ endpoint: endpoints.main, body, itemIndex },
			`Ask ${address} whether the confirmation e-mail arrived, or look at the domain redirect's subscribe requests in Mail Komplet.`,
		);
		return createdRecord(response, body);
	},
};
