import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { ICredentialType } from 'n8n-workflow';

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

function credentialTypes(): ICredentialType[] {
	const dir = join(__dirname, '..', 'credentials');
	return readdirSync(dir)
		.filter((file) => file.endsWith('.credentials.ts'))
		.flatMap((file) =>
			Object.values(require(join(dir, file)) as Record<string, new () => ICredentialType>),
		)
		.map((Type) => new Type());
}

test('the README operations table matches the node description (run `npm run docs` to refresh)', () => {
	expect(readme).toBe(withTable(readme, operationsTable(new MailKomplet().description)));
});

test('stays sized for users: at most 300 lines', () => {
	expect(readme.split('\n').length).toBeLessThanOrEqual(300);
});

test("every credential's documentation link opens a section of the README on GitHub", () => {
	const types = credentialTypes();
	expect(types.length).toBeGreaterThan(0);
	for (const type of types) {
		const [page, anchor] = String(type.documentationUrl).split('#');
		expect(page).toBe('https://github.com/mail-komplet/n8n-nodes-mail-komplet');
		expect(anchors(readme)).toContain(anchor);
	}
});
