import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { asId, asIdList, readFields, readRequired } from '../../helpers/values';
import { apiRequest } from '../../transport';
import { mailingListRLC } from '../common.descriptions';
import { successResult } from '../common';
import type { ItemOperation } from '../types';
import type { Endpoints } from '../../transport';

const contactIds: INodeProperties = {
	displayName: 'Contact Names or IDs',
	name: 'contactIds',
	type: 'multiOptions',
	typeOptions: { loadOptionsMethod: 'getContacts' },
	required: true,
	default: [],
	description:
		'Contacts to delete; the list offers the first 1,000, and an expression may give a list of IDs or text separated by commas. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

const options: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			...mailingListRLC,
			displayName: 'Only From Mailing List',
			description:
				'Remove the contacts from this mailing list only. Without it the contacts are deleted from the whole account.',
		},
	],
};

const endpoints = {
	main: {
		endpoint: 'DELETE /contacts',
		repeat: {
			safe: true,
			why: 'deleting or unassigning the same contacts again changes nothing more',
		},
	},
} satisfies Endpoints;

export const deleteOperation: ItemOperation = {
	value: 'delete',
	name: 'Delete',
	action: 'Delete contacts',
	description:
		'Remove contacts from one mailing list, or, without a list, delete them from the account for good. Needs the contact IDs; returns them with the list they were removed from.',
	endpoints,
	properties: [
		contactIds,
		{
			displayName:
				'Without "Only From Mailing List" the contacts are deleted from the whole account. This cannot be undone.',
			name: 'deleteNotice',
			type: 'notice',
			default: '',
		},
		options,
	],
	runs: 'perItem',
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const ids = readRequired<number[]>(this, contactIds, itemIndex, asIdList);
		const { mailingListId } = readFields(this, options, itemIndex, { mailingListId: asId });
		const response = await apiRequest.call(this, {
			endpoint: endpoints.main,
			qs: { contactIds: ids.join(','), ...(mailingListId ? { mailingListId } : {}) },
			itemIndex,
		});
		return successResult(response, {
			contactIds: ids,
			...(mailingListId ? { mailingListId } : {}),
		});
	},
};
