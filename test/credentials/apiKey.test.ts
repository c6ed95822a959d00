import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { MailKompletApi } from '../../credentials/MailKompletApi.credentials';
import { runNode } from '../harness';
import { useSandbox } from '../helpers/sandbox';

const t = useSandbox();

const REFUSAL =
	'Mail Komplet API credential: the Base URL must start with https:// (plain http:// only for localhost), so the API key never travels unencrypted';

describe('the Mail Komplet API credential sends the API key only encrypted', () => {
	it.each(['http://api2.mail-komplet.cz/api', 'http://10.0.0.5/api'])(
		'a node run with the plain http:// Base URL %s is refused before anything is sent',
		async (baseUrl) => {
			const refused = await runNode({
				parameters: { resource: 'mailingList', operation: 'getAll', returnAll: true },
				credentials: { ...t.credentials, baseUrl },
			});

			expect(refused.error?.message).toBe(REFUSAL);
			expect(refused.error?.description).toBe(
				"Set the credential's Base URL to https://api.mail-komplet.cz/api, or to an https:// address.",
			);
			expect(t.sent()).toEqual([]);
		},
	);

	it('its credential test refuses a plain http:// Base URL, saying what to use', async () => {
		const credentials = {
			apiKey: 'sandbox-api-key',
			baseCrypt: 'sandboxBaseCrypt',
			baseUrl: 'http://api2.mail-komplet.cz/api',
		} as ICredentialDataDecryptedObject;

		await expect(
			new MailKompletApi().authenticate(credentials, { url: '/mailingLists' }),
		).rejects.toThrow(`${REFUSAL}. Use https://api.mail-komplet.cz/api.`);
	});

	it.each([
		'https://api.mail-komplet.cz/api',
		'http://localhost:8080/api',
		'http://127.0.0.1:9/api',
	])('accepts %s', async (baseUrl) => {
		const options = await new MailKompletApi().authenticate(
			{ apiKey: 'key', baseCrypt: 'b', baseUrl } as ICredentialDataDecryptedObject,
			{ url: '/mailingLists' },
		);
		expect(options.headers).toMatchObject({ Authorization: 'Basic key' });
	});
});
