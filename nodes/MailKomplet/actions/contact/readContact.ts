import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { Convert } from '../../helpers/values';
import { asEmail, asIdList, asNullableBoolean, readFields } from '../../helpers/values';
import { readCustomColumns } from './customColumns';

/** How contact fields given by a person become the API's values; the rest pass as they are. */
export const contactConverters: Record<string, Convert> = {
	email: asEmail,
	mailingListIds: asIdList,
	sex: asNullableBoolean,
};

/** The contact fields set in `collection` plus the custom columns, as the API's contact object. */
export async function readContact(
	ctx: IExecuteFunctions,
	collection: INodeProperties,
	itemIndex: number,
): Promise<IDataObject> {
	const contact = readFields(ctx, collection, itemIndex, contactConverters);
	const customColumns = await readCustomColumns(ctx, itemIndex);
	if (customColumns) contact.customColumns = customColumns;
	return contact;
}
