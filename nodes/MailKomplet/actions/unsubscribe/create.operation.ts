import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { asEmail, asId, readFields, readRequired } from '../../helpers/values';
import { campaignRLC, distributionRLC, mailingListRLC } from '../common.descriptions';
import { createRecord } from '../common';
import type { ItemOperation } from '../types';
import type { Endpoints } from '../../transport';

const email: INodeProperties = {
	displayName: 'Email',
	name: 'email',
	type: 'string',
	placeholder: 'name@example.com',
	required: true,
	default: '',
	description: 'E-mail address to unsubscribe',
};

const additionalFields: INodeProperties = {
	displayName: 'Additional Fields',
	name: 'additionalFields',
	type: 'collection',
	placeholder: 'Add Field',
	default: {},
	options: [
		{
			...campaignRLC,
			description: 'Unsubscribe the address from this campaign only',
		},
		{
			...distributionRLC,
			description: 'Distribution the unsubscribe came from, recorded for statistics',
		},
		{
			// The reference's sample says mailingListsId; its filter, response and text say mailingListId.
			...mailingListRLC,
			description: 'Unsubscribe the address from this mailing list only',
		},
		{
			displayName: 'Reason',
			name: 'reason',
			type: 'string',
			default: '',
			description: 'Why the recipient unsubscribed, in free text',
		},
	],
};

const endpoints = {
	create: {
		endpoint: 'POST /excludeLists',
		repeat: {
			safe: false,
			kind: 'create',
			why: 'the reference does not say a second POST for the same address is refused, so it may record a second unsubscribe',
		},
	},
	lookUp: { endpoint: 'GET /excludeLists' },
} satisfies Endpoints;

export const create: ItemOperation = {
	value: 'create',
	name: 'Create',
	action: 'Unsubscribe an e-mail address',
	description:
		'Unsubscribe an e-mail address from one mailing list or campaign, or, with neither given, from everything in the account. Returns success with the values sent.',
	endpoints,
	properties: [
		email,
		{
			displayName:
				'Without a Mailing List or Campaign the address is unsubscribed globally: it gets no more campaigns from the account',
			name: 'notice',
			type: 'notice',
			default: '',
		},
		additionalFields,
	],
	runs: 'perItem',
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const body = {
			email: readRequired<string>(this, email, itemIndex, asEmail),
			...readFields(this, additionalFields, itemIndex, {
				mailingListId: asId,
				campaignId: asId,
				generatorExecutionId: asId,
			}),
		};
		return await createRecord(
			this,
			{
				create: endpoints.create,
				lookUp: endpoints.lookUp,
				body,
				identifiedBy: ['email', 'mailingListId', 'campaignId'],
			},
			itemIndex,
		);
	},
};
