import type { IExecuteFunctions } from 'n8n-workflow';

import { asId, readRequired } from '../../helpers/values';
import { limit, pagingOptions, returnAll, simplifyProperty } from '../common.descriptions';
import { readList, simplify } from '../common';
import type { ItemOperation } from '../types';
import { generatorExecutionId } from './marketingEmail.descriptions';

export const getOpens: ItemOperation = {
	value: 'getOpens',
	name: 'Get Opens',
	action: 'Get opens of marketing e-mails',
	description:
		'List every time an e-mail of one distribution was opened; needs the distribution. Returns one item per open with openId, emailId, toAddress and created (when it was opened); with Simplify off also campaign, IP address, user agent and variant.',
	endpoints: ['GET /marketingEmails/opens'],
	properties: [generatorExecutionId, returnAll, limit, simplifyProperty, pagingOptions],
	repeat: { safe: true, why: 'a read' },
	runs: 'perItem',
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const qs = {
			generatorExecutionId: readRequired<number>(this, generatorExecutionId, itemIndex, asId),
		};
		const opens = await readList(
			this,
			{ method: 'GET', path: ['marketingEmails', 'opens'], qs },
			itemIndex,
		);
		return simplify(this, itemIndex, opens, ['openId', 'emailId', 'toAddress', 'created']);
	},
};
