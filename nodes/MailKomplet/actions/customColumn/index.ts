import type { ResourceDefinition } from '../types';
import { create } from './create.operation';
import { deleteCustomColumn } from './delete.operation';
import { getAll } from './getAll.operation';
import { update } from './update.operation';

export const customColumn: ResourceDefinition = {
	value: 'customColumn',
	name: 'Custom Column',
	description: 'Extra contact fields of the account, e.g. last order date',
	operations: [create, deleteCustomColumn, getAll, update],
};
