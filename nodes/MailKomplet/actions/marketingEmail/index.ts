import type { ResourceDefinition } from '../types';
import { getAll } from './getAll.operation';
import { getClicks } from './getClicks.operation';
import { getOpens } from './getOpens.operation';

export const marketingEmail: ResourceDefinition = {
	value: 'marketingEmail',
	name: 'Marketing Email',
	description: 'E-mails a campaign distribution sent, with their opens and clicks',
	operations: [getAll, getClicks, getOpens],
};
