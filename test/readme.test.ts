import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { ICredentialType } from 'n8n-workflow';

import { MailKompletApi } from '../credentials/MailKompletApi.credentials';
import { MailKompletLoginApi } from '../credentials/MailKompletLoginApi.credentials';
import { MailKompletWebhookBasicAuthApi } from '../credentials/MailKompletWebhookBasicAuthApi.credentials';
import { MailKompletWebhookSecretApi } from '../credentials/MailKompletWebhookSecretApi.credentials';
import { MailKomplet } from '../nodes/MailKomplet/MailKomplet.node';
import { operationsTable, README, withTable } from '../scripts/readme';

const readme = readFileSync(README, 'utf8');

/** The anchors GitHub gives the README's headings. */
function anchors(markdown: string): string[] {
	return [...markdown.replace(/```[\s\S]*?```/g, '').matchAll(/^#+ (.+)$/gm)].map(([, heading]) =>
		heading
			.toLowerCase()
			.replace(/[^\w\- ]/g, '')
			.replace(/ /g, '-'),
	);
}

/** Every credential the package declares in package.json. */
const credentialTypes: ICredentialType[] = [
	new MailKompletApi(),
	new MailKompletLoginApi(),
	new MailKompletWebhookBasicAuthApi(),
	new MailKompletWebhookSecretApi(),
];

test('the README operations table matches the node description (run `npm run docs` to refresh)', () => {
	expect(readme).toBe(withTable(readme, operationsTable(new MailKomplet().description)));
});

test('stays sized for users: at most 300 lines', () => {
	expect(readme.split('\n').length).toBeLessThanOrEqual(300);
});

test("every credential's documentation link opens a section of the README on GitHub", () => {
	const manifest = JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8'));
	expect(credentialTypes).toHaveLength(manifest.n8n.credentials.length);
	for (const type of credentialTypes) {
		const [page, anchor] = String(type.documentationUrl).split('#');
		expect(page).toBe('https://github.com/mail-komplet/n8n-nodes-mail-komplet');
		expect(anchors(readme)).toContain(anchor);
	}
});

test("every node's documentation links (its codex file) open the README on GitHub", () => {
	const codexFiles = [
		'MailKomplet/MailKomplet.node.json',
		'MailKompletTrigger/MailKompletTrigger.node.json',
	];
	for (const file of codexFiles) {
		const codex = JSON.parse(readFileSync(join(__dirname, '..', 'nodes', file), 'utf8'));
		const links: Array<{ url: string }> = Object.values(codex.resources).flat() as never;
		for (const { url } of links) {
			const [page, anchor] = url.split('#');
			expect(page).toBe('https://github.com/mail-komplet/n8n-nodes-mail-komplet');
			if (anchor !== undefined) expect(anchors(readme)).toContain(anchor);
		}
	}
});
