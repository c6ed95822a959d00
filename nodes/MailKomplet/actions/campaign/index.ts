import type { ResourceDefinition } from '../types';
import { create } from './create.operation';
import { deleteCampaign } from './delete.operation';
import { get } from './get.operation';
import { getAll } from './getAll.operation';
import { update } from './update.operation';

export const campaign: ResourceDefinition = {
	value: 'campaign',
	name: 'Campaign',
	description: 'Mass e-mail and SMS campaigns: their settings, sender and template',
	operations: [create, deleteCampaign, get, getAll, update],
};
