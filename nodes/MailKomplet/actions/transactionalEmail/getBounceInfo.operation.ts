import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { asId, readRequired } from '../../helpers/values';
import { limit, returnAll, transactionalEmailRLC } from '../common.descriptions';
import { readList } from '../common';
import type { ItemOperation } from '../types';
import type { Endpoints } from '../../transport';

const emailId: INodeProperties = {
	...transactionalEmailRLC,
	required: true,
	description: 'The transactional e-mail to check',
};

const endpoints = { main: { endpoint: 'GET /transactionalEmails/bounceInfo' } } satisfies Endpoints;

export const getBounceInfo: ItemOperation = {
	value: 'getBounceInfo',
	name: 'Get Bounce Info',
	action: 'Get bounce info of a transactional e-mail',
	description:
		"Read why a transactional e-mail bounced; needs the e-mail. Returns one item per delivery report with deliveryInfoId, guid, emailId, recipient email, created, dsnStatus (e.g. 5.1.1) and dsnInfo (the receiving server's text); no items when it did not bounce.",
	endpoints,
	// The endpoint has no paging; its few small reports come whole, so no Simplify either.
	properties: [emailId, returnAll, limit],
	runs: 'perItem',
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const qs = { emailId: readRequired<number>(this, emailId, itemIndex, asId) };
		return await readList(this, { endpoint: endpoints.main, qs }, itemIndex, { paged: false });
	},
};
