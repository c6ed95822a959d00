/**
 * Takes the README's screenshots in a real headless chromium: the n8n editor holding an example
 * workflow after a run, and the Mail Komplet node's output.
 *
 *   node .build/scripts/n8n/screenshot.js   (after npm run build && npm run build:tools)
 */
import * as path from 'node:path';

import { launchBrowser } from './browser';
import { startDemo } from './demo-env';
import { Editor } from './editor';
import { REPO_ROOT } from './paths';
import { runCommand } from './process';
import { assertNodeRuntime } from './runtime';
import { DEFAULT_RELEASE } from './versions';

const OUT_DIR = path.join(REPO_ROOT, 'docs', 'screenshots');
/** The example shown: contacts added to a list, a first thing most users try. */
const WORKFLOW_ID = 'mkExContacts0001';
const NODE_NAME = 'Add to the newsletter list';

async function main(): Promise<void> {
	assertNodeRuntime();
	const demo = await startDemo({ release: DEFAULT_RELEASE, label: 'screenshot', log: console.log });
	const browser = await launchBrowser();
	try {
		const page = await browser.newPage({
			viewport: { width: 1440, height: 860 },
			deviceScaleFactor: 1,
		});
		const editor = new Editor(page, demo.n8n.baseUrl);
		await editor.signIn();
		await editor.openWorkflow(WORKFLOW_ID);
		await editor.hideToasts();
		await editor.executeWorkflow();
		await page.locator('[data-test-id="canvas-node-status-success"]').nth(1).waitFor();
		await page.mouse.move(0, 0);
		await page.waitForTimeout(500);
		await page.screenshot({ path: path.join(OUT_DIR, 'editor-example-workflow.png') });

		await page.locator('[data-test-id="canvas-node"]', { hasText: NODE_NAME }).dblclick();
		await page.locator('[data-test-id="ndv"]').waitFor();
		await page.waitForTimeout(500);
		await page.screenshot({ path: path.join(OUT_DIR, 'node-output.png') });
		console.log(`Screenshots saved in ${OUT_DIR}`);
	} finally {
		await browser.close();
		await demo.stop();
	}
}

runCommand(main);
