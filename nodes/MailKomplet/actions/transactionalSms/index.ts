import type { ResourceDefinition } from '../types';
import { getAll } from './getAll.operation';
import { send } from './send.operation';

export const transactionalSms: ResourceDefinition = {
	value: 'transactionalSms',
	name: 'Transactional SMS',
	description: 'SMS sent one at a time by your systems, e.g. order or delivery notices',
	operations: [getAll, send],
};
