import type { IExecuteFunctions } from 'n8n-workflow';

import { collection, readCollection, readRequired, toProperty } from '../../helpers/fields';
import { apiRequest } from '../../transport';
import { unwrap } from '../common';
import type { OperationDefinition } from '../types';
import { mailingListFields } from './fields';

const [name, description, isTest] = mailingListFields;

export const create: OperationDefinition = {
	value: 'create',
	name: 'Create',
	action: 'Create a mailing list',
	description: 'Create a new mailing list. Returns the new mailingListId.',
	endpoints: ['POST /mailingLists'],
	properties: [
		toProperty(name, { required: true }),
		toProperty(isTest),
		collection('additionalFields', 'Additional Fields', [description]),
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const body = {
			...readRequired(this, [name], itemIndex),
			isTest: this.getNodeParameter('isTest', itemIndex) as boolean,
			...readCollection(this, 'additionalFields', [description], itemIndex),
		};
		const [created] = unwrap(
			await apiRequest.call(this, {
				method: 'POST',
				path: ['mailingLists'],
				body,
				itemIndex,
			}),
		);
		return { ...created, ...body };
	},
};
