import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { asId, readFields } from '../../helpers/values';
import {
	limit,
	pagingOptions,
	returnAll,
	simplifyProperty,
	templateRLC,
} from '../common.descriptions';
import { readList, simplify } from '../common';
import type { ItemOperation } from '../types';
import type { Endpoints } from '../../transport';

const filters: INodeProperties = {
	displayName: 'Filters',
	name: 'filters',
	type: 'collection',
	placeholder: 'Add Filter',
	default: {},
	options: [
		{
			...templateRLC,
			description: 'Return only this template',
		},
	],
};

const endpoints = { main: { endpoint: 'GET /templates' } } satisfies Endpoints;

export const getAll: ItemOperation = {
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many templates',
	description:
		'List the e-mail and SMS templates of the account, or one template by its ID. Returns one item per template with templateId, name, subject, type (1 WYSIWYG editor, 2 Clever editor, 3 SMS), created and updated; with Simplify off also the body and thumbnail URL.',
	endpoints,
	properties: [returnAll, limit, filters, simplifyProperty, pagingOptions],
	runs: 'perItem',
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const qs = readFields(this, filters, itemIndex, { templateId: asId });
		const templates = await readList(this, { endpoint: endpoints.main, qs }, itemIndex);
		return simplify(this, itemIndex, templates, [
			'templateId',
			'name',
			'subject',
			'type',
			'created',
			'updated',
		]);
	},
};
