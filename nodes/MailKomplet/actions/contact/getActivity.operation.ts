import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { asEmail, readRequired } from '../../helpers/values';
import { limit, returnAll } from '../common.descriptions';
import { readList } from '../common';
import type { ItemOperation } from '../types';
import type { Endpoints } from '../../transport';
import { email } from './contact.descriptions';

const contactEmail: INodeProperties = {
	...email,
	required: true,
	description: 'E-mail address of the contact whose history to read',
};

const endpoints = { main: { endpoint: 'GET /contacts/getContactActivity' } } satisfies Endpoints;

export const getActivity: ItemOperation = {
	value: 'getActivity',
	name: 'Get Activity',
	action: 'Get the activity of a contact',
	description:
		'Read what happened with a contact, found by e-mail: mass and transactional e-mails sent, opened and clicked, flows started, unsubscribes and bounces. Returns one item per action with actionTypeId (1-3 mass e-mail sent, opened, clicked; 4-6 transactional e-mail sent, opened, clicked; 7 flow started; 8 unsubscribe; 9 bounce), created and the related IDs.',
	endpoints,
	properties: [contactEmail, returnAll, limit],
	runs: 'perItem',
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const qs = { email: readRequired<string>(this, contactEmail, itemIndex, asEmail) };
		const request = { endpoint: endpoints.main, qs };
		// The endpoint answers the whole history at once: Limit applies here.
		return await readList(this, request, itemIndex, { paged: false });
	},
};
