/**
 * n8n loads the built package as a community package: both nodes and the credentials are
 * listed, nothing about the package is logged as an error, and the credential test runs
 * against the sandbox the way the editor's "Test" button runs it.
 */
import { N8nRest } from '../scripts/n8n/rest';
import { majorOf, selectedReleases } from '../scripts/n8n/versions';
import { builtCredentials, builtNodes, nodeType } from '../scripts/n8n/package-contents';
import { useEnvironment } from './support/lifecycle';

describe.each(selectedReleases().map((release) => [release.version, release] as const))(
	'n8n %s',
	(_version, release) => {
		const env = useEnvironment({ release, label: 'load' });
		let rest: N8nRest;

		beforeAll(async () => {
			await env().n8n.start();
			rest = new N8nRest(env().n8n.baseUrl);
			await rest.signIn();
		});

		test('lists both nodes and every credential of the package', async () => {
			const nodes = await rest.request<Array<{ name: string }>>('GET', '/types/nodes.json');
			const credentials = await rest.request<Array<{ name: string }>>(
				'GET',
				'/types/credentials.json',
			);
			const nodeNames = nodes.map((node) => node.name);
			const credentialNames = credentials.map((credential) => credential.name);

			expect(
				builtNodes()
					.map((node) => node.name)
					.sort(),
			).toEqual(['mailKomplet', 'mailKompletTrigger']);
			for (const node of builtNodes()) expect(nodeNames).toContain(nodeType(node.name));
			for (const credential of builtCredentials())
				expect(credentialNames).toContain(credential.name);
		});

		test('declares every credential its nodes use', () => {
			const declared = builtCredentials().map((credential) => credential.name);
			const used = builtNodes().flatMap((node) =>
				(node.credentials ?? []).map((credential) => credential.name),
			);
			expect(used.filter((name) => !declared.includes(name))).toEqual([]);
		});

		test('logs no error or warning about the package', () => {
			const suspicious = env()
				.n8n.log()
				.split('\n')
				.filter(
					(line) =>
						/mail-?komplet/i.test(line) &&
						/error|warn|fail|cannot|unrecognized|invalid/i.test(line),
				);
			expect(suspicious).toEqual([]);
		});

		test('the credential test succeeds against the sandbox', async () => {
			const { sandbox } = env();
			await sandbox.client.clearRequests();
			const data = { ...sandbox.client.account };
			const { id } = await rest.createCredential('Mail Komplet sandbox', 'mailKompletApi', data);

			const result = await rest.testCredential(id, 'Mail Komplet sandbox', 'mailKompletApi', data);

			expect(result).toMatchObject({ status: 'OK' });
			const requests = await sandbox.client.requests();
			expect(requests).toContainEqual(
				expect.objectContaining({
					method: 'GET',
					path: sandbox.client.apiPath('mailingLists'),
					query: { page: '1', pageSize: '1' },
					status: 200,
				}),
			);
		});

		test('the credential test fails with a wrong API key', async () => {
			const { sandbox } = env();
			await sandbox.client.clearRequests();
			const data = { ...sandbox.client.account, apiKey: 'wrong-key' };
			const { id } = await rest.createCredential('Mail Komplet wrong key', 'mailKompletApi', data);

			const result = await rest.testCredential(
				id,
				'Mail Komplet wrong key',
				'mailKompletApi',
				data,
			);

			// n8n 1.x reports the 403 in its own words; 2.x with the credential's rule.
			const message =
				majorOf(release) === 1
					? 'Forbidden - perhaps check your credentials?'
					: 'API key or baseCrypt is wrong';
			expect(result).toEqual({ status: 'Error', message });
			const requests = await sandbox.client.requests();
			expect(requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
				`GET ${sandbox.client.apiPath('mailingLists')} 403`,
			]);
		});

		test('the Login credential test signs in', async () => {
			const { sandbox } = env();
			await sandbox.client.clearRequests();
			const data = { ...sandbox.sandbox.login, baseUrl: sandbox.client.account.baseUrl };
			const { id } = await rest.createCredential('Mail Komplet login', 'mailKompletLoginApi', data);

			const result = await rest.testCredential(
				id,
				'Mail Komplet login',
				'mailKompletLoginApi',
				data,
			);

			expect(result).toMatchObject({ status: 'OK' });
			const signIns = (await sandbox.client.requests()).filter((r) =>
				r.path.endsWith('/authentication/signIn'),
			);
			// n8n's pre-authentication signs in, then the test request does.
			expect(signIns.map((r) => r.status)).toEqual([200, 200]);
		});

		test('the Login credential test fails with a wrong password, without showing it', async () => {
			const { sandbox } = env();
			await sandbox.client.clearRequests();
			const data = {
				...sandbox.sandbox.login,
				password: 'wrong-password',
				baseUrl: sandbox.client.account.baseUrl,
			};
			const { id } = await rest.createCredential(
				'Mail Komplet wrong login',
				'mailKompletLoginApi',
				data,
			);

			const result = await rest.testCredential(
				id,
				'Mail Komplet wrong login',
				'mailKompletLoginApi',
				data,
			);

			expect(result).toEqual({
				status: 'Error',
				message: 'Mail Komplet sign-in failed (403): check the server, user name and password',
			});
			expect(JSON.stringify(result)).not.toContain('wrong-password');
			// Refused at n8n's pre-authentication: the test request is never sent.
			const requests = await sandbox.client.requests();
			expect(requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
				'POST /api/authentication/signIn 403',
			]);
		});
	},
);
