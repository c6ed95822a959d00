import type { IExecuteFunctions } from 'n8n-workflow';

import { toProperty } from '../../helpers/fields';
import { getId } from '../../helpers/parameters';
import { postRecord } from '../common';
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
		const body = {
			...(await readNewContact(this, itemIndex)),
			dispatcherId: getId(this, 'dispatcherId', itemIndex, 'Domain Redirect ID'),
		};
		return await postRecord(this, 'subscribeContacts', body, itemIndex);
	},
};
