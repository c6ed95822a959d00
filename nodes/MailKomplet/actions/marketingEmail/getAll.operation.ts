import type { IExecuteFunctions } from 'n8n-workflow';

import { asId, readRequired } from '../../helpers/values';
import { limit, pagingOptions, returnAll, simplifyProperty } from '../common.descriptions';
import { readList, simplify } from '../common';
import type { ItemOperation } from '../types';
import type { Endpoints } from '../../transport';
import { generatorExecutionId } from './marketingEmail.descriptions';

const endpoints = { main: { endpoint: 'GET /marketingEmails' } } satisfies Endpoints;

export const getAll: ItemOperation = {
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many marketing e-mails',
	description:
		'List the e-mails one distribution of a campaign sent; needs the distribution. Returns one item per e-mail with emailId, campaignId, generatorExecutionId, toAddress, sent and delivered dates and guid; with Simplify off also sender, created, variant and metadata.',
	endpoints,
	properties: [generatorExecutionId, returnAll, limit, simplifyProperty, pagingOptions],
	runs: 'perItem',
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const qs = {
			generatorExecutionId: readRequired<number>(this, generatorExecutionId, itemIndex, asId),
		};
		const emails = await readList(this, { endpoint: endpoints.main, qs }, itemIndex);
		return simplify(this, itemIndex, emails, [
			'emailId',
			'campaignId',
			'generatorExecutionId',
			'toAddress',
			'sent',
			'delivered',
			'guid',
		]);
	},
};
