import type { ResourceDefinition } from '../types';
import { getAll } from './getAll.operation';

export const template: ResourceDefinition = {
	value: 'template',
	name: 'Template',
	description: 'E-mail and SMS templates that campaigns are built from',
	operations: [getAll],
};
