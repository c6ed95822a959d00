import type { ResourceDefinition } from '../types';
import { create } from './create.operation';
import { deleteUnsubscribe } from './delete.operation';
import { getAll } from './getAll.operation';

export const unsubscribe: ResourceDefinition = {
	value: 'unsubscribe',
	name: 'Unsubscribe',
	description: 'Addresses unsubscribed from a mailing list, a campaign or the whole account',
	operations: [create, deleteUnsubscribe, getAll],
};
