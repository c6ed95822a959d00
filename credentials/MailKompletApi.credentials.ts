import type {
	Icon,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import {
	API_HEADERS,
	baseUrlOf,
	DEFAULT_BASE_URL,
	insecureBaseUrl,
} from '../nodes/MailKomplet/transport/api';

export class MailKompletApi implements ICredentialType {
	name = 'mailKompletApi';

	displayName = 'Mail Komplet API';

	icon: Icon = {
		light: 'file:../icons/mailKomplet.svg',
		dark: 'file:../icons/mailKomplet.dark.svg',
	};

	documentationUrl = 'https://github.com/mail-komplet/n8n-nodes-mail-komplet#credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'Generate it in Mail Komplet under Settings > API keys. It is sent as "Authorization: Basic &lt;key&gt;" exactly as Mail Komplet expects.',
		},
		{
			displayName: 'BaseCrypt',
			name: 'baseCrypt',
			type: 'string',
			default: '',
			required: true,
			description:
				'Identifies your Mail Komplet account. Shown in the text field at the top of the Settings > API keys page; it becomes part of every request URL.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: DEFAULT_BASE_URL,
			description:
				'Leave the default for the real Mail Komplet. Change it only to point the node at a local Mail Komplet sandbox.',
		},
	];

	// A function rather than a declarative block: n8n would evaluate an expression per request,
	// which costs more than the rest of a paged read.
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const insecure = insecureBaseUrl(baseUrlOf(credentials), 'the API key');
		if (insecure)
			throw new Error(`Mail Komplet API credential: ${insecure}. Use ${DEFAULT_BASE_URL}.`);
		requestOptions.headers = {
			...requestOptions.headers,
			Authorization: `Basic ${credentials.apiKey}`,
			...API_HEADERS,
		};
		return requestOptions;
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL:
				'={{$credentials.baseUrl.replace(/\\/+$/, "")}}/{{encodeURIComponent($credentials.baseCrypt)}}',
			url: '/mailingLists',
			qs: { page: 1, pageSize: 1 },
		},
		rules: [
			{
				type: 'responseCode',
				properties: { value: 403, message: 'API key or baseCrypt is wrong' },
			},
		],
	};
}
