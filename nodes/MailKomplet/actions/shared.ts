import type { INodeProperties } from 'n8n-workflow';

import type { FieldSpec } from '../helpers/fields';
import { toProperty } from '../helpers/fields';

export interface IdOptions {
	name: string;
	label: string;
	description: string;
	/** listSearch method offering "From List"; without one only "By ID" is offered. */
	searchListMethod?: string;
}

/** A single ID, picked from a list or typed; the value reaches the API as a number. */
export function idLocator(options: IdOptions): INodeProperties {
	const { name, label, description, searchListMethod } = options;
	return {
		displayName: label,
		name,
		type: 'resourceLocator',
		default: { mode: searchListMethod ? 'list' : 'id', value: '' },
		required: true,
		description,
		modes: [
			...(searchListMethod
				? [
						{
							displayName: 'From List',
							name: 'list',
							type: 'list' as const,
							placeholder: `Select a ${label.replace(/ ID$/, '').toLowerCase()}...`,
							typeOptions: { searchListMethod, searchable: true },
						},
					]
				: []),
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 8947',
				validation: [
					{
						type: 'regex',
						properties: {
							regex: '^\\s*\\d+\\s*$',
							errorMessage: 'Use the numeric ID, digits only',
						},
					},
				],
			},
		],
	};
}

export const mailingListIdOptions: IdOptions = {
	name: 'mailingListId',
	label: 'Mailing List ID',
	description: 'The mailing list to work on',
	searchListMethod: 'searchMailingLists',
};

export const contactIdOptions: IdOptions = {
	name: 'contactId',
	label: 'Contact ID',
	description: 'The contact to work on',
	searchListMethod: 'searchContacts',
};

export const contactId = (description: string) => idLocator({ ...contactIdOptions, description });

export const mailingListIdsSpec = (description: string): FieldSpec => ({
	name: 'mailingListIds',
	label: 'Mailing List Names or IDs',
	type: 'idList',
	loadOptionsMethod: 'getMailingLists',
	description: `${description}. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.`,
});

export const mailingListIds = (options: { description: string }) => {
	const spec = mailingListIdsSpec(options.description);
	return { spec, property: toProperty(spec, { required: true }) };
};

export const campaignIdOptions: IdOptions = {
	name: 'campaignId',
	label: 'Campaign ID',
	description: 'The campaign to work on',
	searchListMethod: 'searchCampaigns',
};

export const distributionIdOptions: IdOptions = {
	name: 'generatorExecutionId',
	label: 'Distribution ID',
	description:
		'The distribution: one sending of a campaign (Mail Komplet calls it a generator execution)',
	searchListMethod: 'searchDistributions',
};
