import type { ResourceDefinition } from '../types';
import { bulkImport } from './bulkImport.operation';
import { deleteOperation } from './delete.operation';
import { get } from './get.operation';
import { getActivity } from './getActivity.operation';
import { getAll } from './getAll.operation';
import { getBulkImportStatus } from './getBulkImportStatus.operation';
import { update } from './update.operation';
import { upsert } from './upsert.operation';

export const contact: ResourceDefinition = {
	value: 'contact',
	name: 'Contact',
	description: 'Recipients of e-mails and SMS, with their custom columns and history',
	operations: [
		bulkImport,
		deleteOperation,
		get,
		getActivity,
		getAll,
		getBulkImportStatus,
		update,
		upsert,
	],
};
