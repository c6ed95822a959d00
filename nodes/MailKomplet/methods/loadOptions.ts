import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { pickerOptions, pickerSources } from './sources';

/** Options of the multi-selects of IDs (lists of IDs cannot be resource locators). */

export async function getMailingLists(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	return await pickerOptions(this, pickerSources.MailingLists);
}

export async function getContacts(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await pickerOptions(this, pickerSources.Contacts);
}
