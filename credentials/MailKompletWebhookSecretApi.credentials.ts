import type { Icon, ICredentialType, INodeProperties } from 'n8n-workflow';

/**
 * A shared secret that Mail Komplet sends with every webhook call, in a header or in a query
 * parameter of the URL pasted into Mail Komplet. Mail Komplet does not sign its calls, so this
 * is the only proof that a call comes from your account. Nothing is called with it: the
 * Mail Komplet Trigger checks it with its own credential test (testedBy).
 */
export class MailKompletWebhookSecretApi implements ICredentialType {
	name = 'mailKompletWebhookSecretApi';

	displayName = 'Mail Komplet Webhook Shared Secret API';

	icon: Icon = {
		light: 'file:../icons/mailKomplet.svg',
		dark: 'file:../icons/mailKomplet.dark.svg',
	};

	documentationUrl =
		'https://github.com/mail-komplet/n8n-nodes-mail-komplet#webhook-authentication';

	properties: INodeProperties[] = [
		{
			displayName: 'Secret Location',
			name: 'location',
			type: 'options',
			options: [
				{
					name: 'Query Parameter',
					value: 'query',
					description:
						'Add the secret to the webhook URL you paste into Mail Komplet, e.g. ...?token=YOUR_SECRET',
				},
				{
					name: 'Header',
					value: 'header',
					description:
						'Mail Komplet (or a proxy in front of n8n) sends the secret in an HTTP header',
				},
			],
			default: 'query',
			description: 'Where the secret travels in the calls Mail Komplet makes',
		},
		{
			displayName: 'Query Parameter Name',
			name: 'queryParameterName',
			type: 'string',
			default: 'token',
			required: true,
			displayOptions: { show: { location: ['query'] } },
			description: 'Name of the query parameter in the webhook URL that carries the secret',
		},
		{
			displayName: 'Header Name',
			name: 'headerName',
			type: 'string',
			default: 'X-Webhook-Token',
			required: true,
			displayOptions: { show: { location: ['header'] } },
			description: 'Name of the HTTP header that carries the secret (case does not matter)',
		},
		{
			displayName: 'Secret',
			name: 'secret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'A long random value (at least 16 characters, e.g. from a password generator). Calls without it are answered 401, calls with a different value 403.',
		},
	];
}
