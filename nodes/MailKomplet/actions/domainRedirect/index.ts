import type { ResourceDefinition } from '../types';
import { getAll } from './getAll.operation';

export const domainRedirect: ResourceDefinition = {
	value: 'domainRedirect',
	name: 'Domain Redirect',
	description:
		'Domains (dispatchers) that carry tracked links and the subscribe and unsubscribe pages',
	operations: [getAll],
};
