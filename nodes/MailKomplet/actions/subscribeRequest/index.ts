import type { ResourceDefinition } from '../types';
import { create } from './create.operation';

export const subscribeRequest: ResourceDefinition = {
	value: 'subscribeRequest',
	name: 'Subscribe Request',
	description: 'Double opt-in requests that Mail Komplet confirms by e-mail',
	operations: [create],
};
