import type { INodeProperties } from 'n8n-workflow';

import { transactionalEmailRLC } from '../common.descriptions';

/** Filters that Get Opens and Get Clicks share, besides the record's own ID. */

export const emailFilter: INodeProperties = {
	...transactionalEmailRLC,
	description: 'Return only the records of this e-mail',
};

export const fromFilter: INodeProperties = {
	displayName: 'From Date',
	name: 'from',
	type: 'dateTime',
	default: '',
	description: 'Return only records from this date and time on',
};

export const toFilter: INodeProperties = {
	displayName: 'To Date',
	name: 'to',
	type: 'dateTime',
	default: '',
	description: 'Return only records up to this date and time',
};
