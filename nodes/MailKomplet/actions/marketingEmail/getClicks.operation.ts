import type { IExecuteFunctions } from 'n8n-workflow';

import { asId, readRequired } from '../../helpers/values';
import { limit, pagingOptions, returnAll, simplifyProperty } from '../common.descriptions';
import { readList, simplify } from '../common';
import type { ItemOperation } from '../types';
import type { Endpoints } from '../../transport';
import { generatorExecutionId } from './marketingEmail.descriptions';

const endpoints = { main: { endpoint: 'GET /marketingEmails/clicks' } } satisfies Endpoints;

export const getClicks: ItemOperation = {
	value: 'getClicks',
	name: 'Get Clicks',
	action: 'Get clicks in marketing e-mails',
	description:
		'List every click on a link in the e-mails of one distribution; needs the distribution. Returns one item per click with clickId, emailId, toAddress, created (when it was clicked) and linkUrl; with Simplify off also campaign, link position, IP address and user agent.',
	endpoints,
	properties: [generatorExecutionId, returnAll, limit, simplifyProperty, pagingOptions],
	runs: 'perItem',
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const qs = {
			generatorExecutionId: readRequired<number>(this, generatorExecutionId, itemIndex, asId),
		};
		const clicks = await readList(this, { endpoint: endpoints.main, qs }, itemIndex);
		return simplify(this, itemIndex, clicks, [
			'clickId',
			'emailId',
			'toAddress',
			'created',
			'linkUrl',
		]);
	},
};
