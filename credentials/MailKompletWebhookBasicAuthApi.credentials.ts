import type { Icon, ICredentialType, INodeProperties } from 'n8n-workflow';

/**
 * User name and password that Mail Komplet's webhook calls must carry as HTTP Basic Auth
 * ("Authorization: Basic ..."). Nothing is called with it: the Mail Komplet Trigger checks it
 * with its own credential test (testedBy).
 */
export class MailKompletWebhookBasicAuthApi implements ICredentialType {
	name = 'mailKompletWebhookBasicAuthApi';

	displayName = 'Mail Komplet Webhook Basic Auth API';

	icon: Icon = {
		light: 'file:../icons/mailKomplet.svg',
		dark: 'file:../icons/mailKomplet.dark.svg',
	};

	documentationUrl =
		'https://github.com/mail-komplet/n8n-nodes-mail-komplet#webhook-authentication';

	properties: INodeProperties[] = [
		{
			displayName: 'User',
			name: 'user',
			type: 'string',
			default: '',
			required: true,
			description: 'User name the webhook calls must send',
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'Password the webhook calls must send (at least 16 characters). Calls without Basic Auth are answered 401, calls with other values 403.',
		},
	];
}
