import type { IExecuteFunctions } from 'n8n-workflow';

import { asId, readRequired } from '../../helpers/values';
import { limit, pagingOptions, returnAll, simplifyProperty } from '../common.descriptions';
import { readList, simplify } from '../common';
import type { ItemOperation } from '../types';
import type { Endpoints } from '../../transport';
import { generatorExecutionId } from './marketingEmail.descriptions';

const endpoints = { main: { endpoint: 'GET /marketingEmails/opens' } } satisfies Endpoints;

export const getOpens: ItemOperation = {
	value: 'getOpens',
	name: 'Get Opens',
	action: 'Get opens of marketing e-mails',
	description:
		'List every time an e-mail of one distribution was opened; needs the distribution. Returns one item per open with openId, emailId, toAddress and created (when it was opened); with Simplify off also campaign, IP address, user agent and variant.',
	endpoints,
	properties: [generatorExecutionId, returnAll, limit, simplifyProperty, pagingOptions],
	runs: 'perItem',
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const qs = {
			generatorExecutionId: readRequired<number>(this, generatorExecutionId, itemIndex, asId),
		};
		const opens = await readList(this, { endpoint: endpoints.main, qs }, itemIndex);
		return simplify(this, itemIndex, opens, ['openId', 'emailId', 'toAddress', 'created']);
	},
};
