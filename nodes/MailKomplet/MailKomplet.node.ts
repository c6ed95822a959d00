import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { describeProperties } from './actions';
import { getCustomColumnFields } from './actions/contact/customColumns';
import { route } from './actions/router';
import { listSearch, loadOptions } from './methods';

export class MailKomplet implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Mail Komplet',
		name: 'mailKomplet',
		icon: {
			light: 'file:../../icons/mailKomplet.svg',
			dark: 'file:../../icons/mailKomplet.dark.svg',
		},
		group: ['transform'],
		version: [1, 1.1],
		defaultVersion: 1.1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Manage contacts and mailing lists, send transactional e-mails and SMS, and read campaign results in Mail Komplet',
		defaults: { name: 'Mail Komplet' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'mailKompletApi',
				required: true,
				displayOptions: { show: { authentication: ['apiKey'] } },
			},
			{
				name: 'mailKompletLoginApi',
				required: true,
				displayOptions: { show: { authentication: ['login'] } },
			},
		],
		properties: [
			{
				displayName: 'Authentication',
				name: 'authentication',
				type: 'options',
				options: [
					{ name: 'API Key', value: 'apiKey' },
					{ name: 'Login', value: 'login' },
				],
				default: 'apiKey',
				description:
					'API Key works with one account. Login signs in with a Mail Komplet user name and password and can work with any business unit that login may use.',
			},
			{
				displayName: 'Business Unit',
				name: 'businessUnit',
				type: 'resourceLocator',
				default: { mode: 'list', value: '' },
				displayOptions: { show: { authentication: ['login'] } },
				description:
					'The account to work with. Leave empty for the one Mail Komplet signs the login in to.',
				modes: [
					{
						displayName: 'From List',
						name: 'list',
						type: 'list',
						placeholder: 'Select a business unit...',
						typeOptions: { searchListMethod: 'searchBusinessUnits', searchable: true },
					},
					{
						displayName: 'By BaseCrypt',
						name: 'id',
						type: 'string',
						placeholder: 'e.g. a1b2c3d4e5',
					},
				],
			},
			...describeProperties(),
		],
	};

	methods = { listSearch, loadOptions, resourceMapping: { getCustomColumnFields } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route.call(this);
	}
}
