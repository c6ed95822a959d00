import type { IExecuteFunctions } from 'n8n-workflow';

import { toProperty } from '../../helpers/fields';
import { getId } from '../../helpers/parameters';
import { sendOnce } from '../../transport';
import { createdRecord } from '../common';
import { customColumnProperties } from '../contact/customColumns';
import { contactCollection, emailSpec, readNewContact } from '../contact/fields';
import { idLocator } from '../shared';
import type { OperationDefinition } from '../types';

export const create: OperationDefinition = {
	value: 'create',
	name: 'Create',
	action: 'Create a subscribe request',
	description:
		'Start a double opt-in: Mail Komplet sends the contact a confirmation e-mail through the chosen domain redirect and adds the contact once confirmed. Returns the subscribeRequestId.',
	endpoints: ['POST /subscribeContacts'],
	properties: [
		toProperty(emailSpec, { required: true }),
		idLocator({
			name: 'dispatcherId',
			label: 'Domain Redirect ID',
			description:
				'Domain redirect (dispatcher) whose subscribe settings and confirmation campaign handle the request',
			searchListMethod: 'searchDomainRedirects',
		}),
		contactCollection('additionalFields', 'Additional Fields'),
		...customColumnProperties,
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const contact = await readNewContact(this, itemIndex);
		const body = {
			...contact,
			dispatcherId: getId(this, 'dispatcherId', itemIndex, 'Domain Redirect ID'),
		};
		const response = await sendOnce.call(
			this,
			{
				method: 'POST',
				path: ['subscribeContacts'],
				body,
				itemIndex,
				repeat: {
					safe: false,
					kind: 'send',
					why: 'e-mails the contact a confirmation; the API has no way to look a request up',
				},
			},
			`Ask ${String(contact.email)} whether the confirmation e-mail arrived, or look at the domain redirect's subscribe requests in Mail Komplet.`,
		);
		return createdRecord(response, body);
	},
};
