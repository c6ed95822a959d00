import type { ResourceDefinition } from '../types';
import { create } from './create.operation';
import { deleteOperation } from './delete.operation';
import { getAll } from './getAll.operation';
import { update } from './update.operation';

export const mailingList: ResourceDefinition = {
	value: 'mailingList',
	name: 'Mailing List',
	description: 'Lists that contacts belong to and campaigns are sent to',
	operations: [create, deleteOperation, getAll, update],
};
