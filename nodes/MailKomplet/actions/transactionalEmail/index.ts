import type { ResourceDefinition } from '../types';
import { getAll } from './getAll.operation';
import { getBounceInfo } from './getBounceInfo.operation';
import { getClicks } from './getClicks.operation';
import { getOpens } from './getOpens.operation';
import { send } from './send.operation';

export const transactionalEmail: ResourceDefinition = {
	value: 'transactionalEmail',
	name: 'Transactional Email',
	description:
		'E-mails sent one at a time by your systems (orders, passwords), with opens, clicks and bounces',
	operations: [getAll, getBounceInfo, getClicks, getOpens, send],
};
