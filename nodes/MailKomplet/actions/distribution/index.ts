import type { ResourceDefinition } from '../types';
import { getAll } from './getAll.operation';

export const distribution: ResourceDefinition = {
	value: 'distribution',
	name: 'Distribution',
	description: 'Sendings of campaigns (generator executions) with their statistics',
	operations: [getAll],
};
