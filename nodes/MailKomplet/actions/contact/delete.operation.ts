import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { FieldSpec } from '../../helpers/fields';
import { collection, readCollection, readRequired, toProperty } from '../../helpers/fields';
import { compact } from '../../helpers/parameters';
import { apiRequest } from '../../transport';
import { done } from '../common';
import type { OperationDefinition } from '../types';

const contactIds: FieldSpec = {
	name: 'contactIds',
	label: 'Contact Names or IDs',
	type: 'idList',
	loadOptionsMethod: 'getContacts',
	description:
		'Contacts to delete. Choose from the list (the first 1,000 contacts), or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>: a list, or text separated by commas.',
};

const options: FieldSpec[] = [
	{
		name: 'mailingListId',
		label: 'Only From Mailing List ID',
		type: 'id',
		description:
			'Remove the contacts from this mailing list only. Without it the contacts are deleted from the whole account.',
	},
];

export const deleteOperation: OperationDefinition = {
	value: 'delete',
	name: 'Delete',
	action: 'Delete contacts',
	description:
		'Remove contacts from one mailing list, or, without a list, delete them from the account for good',
	endpoints: ['DELETE /contacts'],
	properties: [
		toProperty(contactIds, { required: true }),
		{
			displayName:
				'Without "Only From Mailing List ID" the contacts are deleted from the whole account. This cannot be undone.',
			name: 'deleteNotice',
			type: 'notice',
			default: '',
		},
		collection('options', 'Options', options, 'Add Option'),
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const { contactIds: ids } = readRequired(this, [contactIds], itemIndex);
		const { mailingListId } = readCollection(this, 'options', options, itemIndex);
		const qs: IDataObject = {
			contactIds: (ids as number[]).join(','),
			mailingListId,
		};
		const response = await apiRequest.call(this, {
			method: 'DELETE',
			path: ['contacts'],
			qs: compact(qs),
			itemIndex,
			repeat: {
				safe: true,
				why: 'deleting or unassigning the same contacts again changes nothing more',
			},
		});
		return done(response, {
			contactIds: ids,
			...(mailingListId ? { mailingListId } : {}),
		});
	},
};
