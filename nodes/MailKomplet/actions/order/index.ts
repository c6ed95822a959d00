import type { ResourceDefinition } from '../types';
import { create } from './create.operation';

export const order: ResourceDefinition = {
	value: 'order',
	name: 'Order',
	description:
		'Orders from an e-shop, for segmenting contacts by what they bought (not in the API reference)',
	operations: [create],
};
