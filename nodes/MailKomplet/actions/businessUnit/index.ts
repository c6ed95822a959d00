import type { ResourceDefinition } from '../types';
import { getAll } from './getAll.operation';

export const businessUnit: ResourceDefinition = {
	value: 'businessUnit',
	name: 'Business Unit',
	description: 'Accounts a Mail Komplet login may work with, each with its own baseCrypt',
	operations: [getAll],
};
