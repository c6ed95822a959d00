/**
 * The editor in a real browser: the owner sets n8n up, finds "Mail Komplet" in the nodes panel,
 * sees every resource with its operations, adds the node and runs it against the sandbox.
 * Screenshots of each step land in artifacts/editor/<version>/.
 */
import * as path from 'node:path';

import type { Browser, Page } from 'playwright-core';

import { launchBrowser } from '../scripts/n8n/browser';
import { importCredentials } from '../scripts/n8n/cli';
import { Editor } from '../scripts/n8n/editor';
import { builtResources } from '../scripts/n8n/package-contents';
import { ARTIFACTS_DIR } from '../scripts/n8n/paths';
import { sandboxCredential } from '../scripts/n8n/sandbox';
import { selectedReleases } from '../scripts/n8n/versions';
import { useEnvironment } from './support/lifecycle';
import { describeRequest } from './support/requests';

/** Sections of the node's action list: "<Resource> Actions" headings, each with its actions. */
function actionSections(rows: string[]): Map<string, string[]> {
	const sections = new Map<string, string[]>();
	let current: string[] | undefined;
	for (const row of rows) {
		const heading = /^(.+) Actions$/.exec(row);
		if (heading) sections.set(heading[1], (current = []));
		else current?.push(row);
	}
	return sections;
}

/** E2E_SKIP_BROWSER=1 skips this file, for machines that cannot install chromium. */
const describeEditor = process.env.E2E_SKIP_BROWSER === '1' ? describe.skip : describe;

describeEditor.each(selectedReleases().map((release) => [release.version, release] as const))(
	'n8n %s editor',
	(version, release) => {
		const env = useEnvironment({ release, label: 'editor' });
		let browser: Browser;
		let page: Page;
		let editor: Editor;

		beforeAll(async () => {
			const { n8n, sandbox } = env();
			await importCredentials(n8n, [sandboxCredential(sandbox.client.account)]);
			await n8n.start();
			browser = await launchBrowser();
			page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
			editor = new Editor(page, n8n.baseUrl, path.join(ARTIFACTS_DIR, 'editor', version));
		});

		afterAll(async () => {
			await browser?.close();
		});

		/** Keeps a screenshot of the screen a failing step ended on. */
		async function step(name: string, body: () => Promise<void>): Promise<void> {
			try {
				await body();
				await editor.shot(name);
			} catch (error) {
				await editor.shot(`${name}-FAILED`).catch(() => undefined);
				throw error;
			}
		}

		test('the owner sets up n8n and finds Mail Komplet in the nodes panel', async () => {
			await step('signed-in', () => editor.setUpOwner());
			await step('search', async () => {
				await editor.openWorkflow('new');
				await editor.searchNodes('Mail Komplet');
				await editor.waitForNode('Mail Komplet');
			});
			const names = await page.locator('[data-test-id="node-creator-item-name"]').allTextContents();
			expect(names.map((name) => name.trim())).toContain('Mail Komplet');
		});

		test('the node lists every resource with its operations', async () => {
			await step('actions', () => editor.openNodeActions('Mail Komplet'));
			const sections = actionSections(await editor.panelTexts());
			const expected = new Map(
				builtResources().map((r) => [r.name, r.operations.map((o) => o.action ?? o.name).sort()]),
			);
			const shown = new Map(
				[...sections].map(([resource, actions]) => [resource, [...actions].sort()]),
			);
			expect(Object.fromEntries(shown)).toEqual(Object.fromEntries(expected));
		});

		test('an operation added from the panel runs against the sandbox', async () => {
			const { sandbox } = env();
			const mailingLists = builtResources().find((r) => r.value === 'mailingList');
			const getMany = mailingLists?.operations.find((o) => o.value === 'getAll');
			expect(getMany?.action).toBeDefined();
			await step('node-added', async () => {
				await editor.panelItem(getMany!.action!).click();
				await page.locator('[data-test-id="node-execute-button"]').waitFor();
			});
			await sandbox.client.clearRequests();

			let itemCount = '';
			await step('executed', async () => {
				itemCount = await editor.executeOpenNode();
			});

			const seeded = sandbox.sandbox.store.mailingLists.rows.map((list) => list.name);
			expect(itemCount).toBe(`${seeded.length} items`);
			const shown = await editor.nodePanelText();
			for (const name of seeded) expect(shown).toContain(name);
			const requests = (await sandbox.client.requests()).map(
				(r) => `${describeRequest(sandbox.client, r)} ${r.status}`,
			);
			expect(requests).toContain('GET /mailingLists 200');
		});
	},
);
