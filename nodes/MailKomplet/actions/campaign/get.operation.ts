import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { fail } from '../../helpers/parameters';
import { asId, readRequired } from '../../helpers/values';
import { apiRequest } from '../../transport';
import { campaignRLC, simplifyProperty } from '../common.descriptions';
import { simplify, unwrap } from '../common';
import { CAMPAIGN_TYPE, describeValues } from '../enums';
import type { ItemOperation } from '../types';
import type { Endpoints } from '../../transport';

const campaignId: INodeProperties = {
	...campaignRLC,
	required: true,
	description: 'The campaign to read',
};

const endpoints = { main: { endpoint: 'GET /campaigns' } } satisfies Endpoints;

export const get: ItemOperation = {
	value: 'get',
	name: 'Get',
	action: 'Get a campaign',
	description: `Read one campaign by its ID. Returns its settings: campaignId, name, sender, reply-to, templateId, dispatcherId (domain redirect), tracking, link tagging, unsubscribeTypeId and campaignType (${describeValues(CAMPAIGN_TYPE)}).`,
	endpoints,
	properties: [campaignId, simplifyProperty],
	runs: 'perItem',
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const id = readRequired<number>(this, campaignId, itemIndex, asId);
		// With campaignId the list endpoint answers one campaign's detail as `{ data: {...} }`.
		const [detail] = unwrap(
			await apiRequest.call(this, {
				endpoint: endpoints.main,
				qs: { campaignId: id },
				itemIndex,
			}),
		);
		if (!detail) {
			fail(
				this,
				itemIndex,
				`No campaign with ID ${id}`,
				'The campaign may have been deleted. Check the Campaign.',
			);
		}
		return simplify(
			this,
			itemIndex,
			[detail],
			[
				'campaignId',
				'campaignGroupId',
				'name',
				'description',
				'campaignType',
				'status',
				'nextRunTime',
				'templateId',
				'dispatcherId',
				'mailFromDisplayName',
				'mailFromAddress',
				'replyToAddress',
				'unsubscribeTypeId',
			],
		);
	},
};
