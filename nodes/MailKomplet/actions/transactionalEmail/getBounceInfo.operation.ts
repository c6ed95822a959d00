import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { asId, readRequired } from '../../helpers/values';
import { limit, returnAll, transactionalEmailRLC } from '../common.descriptions';
import { readList } from '../common';
import type { ItemOperation } from '../types';

const emailId: INodeProperties = {
	...transactionalEmailRLC,
	required: true,
	description: 'The transactional e-mail to check',
};

export const getBounceInfo: ItemOperation = {
	value: 'getBounceInfo',
	name: 'Get Bounce Info',
	action: 'Get bounce info of a transactional e-mail',
	description:
		"Read why a transactional e-mail bounced; needs the e-mail. Returns one item per delivery report with deliveryInfoId, guid, emailId, recipient email, created, dsnStatus (e.g. 5.1.1) and dsnInfo (the receiving server's text); no items when it did not bounce.",
	endpoints: ['GET /transactionalEmails/bounceInfo'],
	// The endpoint has no paging; its few small reports come whole, so no Simplify either.
	properties: [emailId, returnAll, limit],
	repeat: { safe: true, why: 'a read' },
	runs: 'perItem',
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const qs = { emailId: readRequired<number>(this, emailId, itemIndex, asId) };
		return await readList(
			this,
			{ method: 'GET', path: ['transactionalEmails', 'bounceInfo'], qs },
			itemIndex,
			{ paged: false },
		);
	},
};
