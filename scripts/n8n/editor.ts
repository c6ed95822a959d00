/**
 * The few n8n editor screens the suite and the README screenshot use, driven through the
 * data-test-id attributes n8n's own UI tests rely on (the same in 1.123 and 2.40).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import type { Locator, Page } from 'playwright-core';

import { OWNER } from './rest';

export class Editor {
	private shots = 0;

	constructor(
		readonly page: Page,
		readonly baseUrl: string,
		/** Folder for numbered screenshots of each step. */
		readonly shotDir?: string,
	) {}

	/** Saves a numbered screenshot of the current screen (no-op without a folder). */
	async shot(name: string): Promise<string | undefined> {
		if (!this.shotDir) return undefined;
		fs.mkdirSync(this.shotDir, { recursive: true });
		const file = path.join(this.shotDir, `${String(++this.shots).padStart(2, '0')}-${name}.png`);
		await this.page.screenshot({ path: file });
		return file;
	}

	private byTestId(id: string): Locator {
		return this.page.locator(`[data-test-id="${id}"]`);
	}

	/** The first-run form of a fresh n8n: creates the owner account and lands signed in. */
	async setUpOwner(owner = OWNER): Promise<void> {
		await this.page.goto(`${this.baseUrl}/setup`);
		await this.page.fill('input[name=email]', owner.email);
		await this.page.fill('input[name=firstName]', owner.firstName);
		await this.page.fill('input[name=lastName]', owner.lastName);
		await this.page.fill('input[name=password]', owner.password);
		await this.shot('owner-setup');
		await this.byTestId('form-submit-button').click();
		await this.page.waitForURL((url) => !url.pathname.startsWith('/setup'), { timeout: 30_000 });
	}

	async signIn(owner = OWNER): Promise<void> {
		await this.page.goto(`${this.baseUrl}/signin`);
		await this.page.fill('input[name=emailOrLdapLoginId]', owner.email);
		await this.page.fill('input[name=password]', owner.password);
		await this.byTestId('form-submit-button').click();
		await this.page.waitForURL((url) => !url.pathname.startsWith('/signin'), { timeout: 30_000 });
	}

	async openWorkflow(id = 'new'): Promise<void> {
		await this.page.goto(`${this.baseUrl}/workflow/${id}`);
		await this.byTestId('canvas-wrapper').waitFor();
	}

	/** Opens the nodes panel from the empty canvas and searches it. */
	async searchNodes(text: string): Promise<void> {
		await this.byTestId('canvas-plus-button').click();
		await this.byTestId('node-creator').waitFor();
		await this.page.keyboard.type(text);
	}

	/** A row of the nodes panel whose text is exactly `text` (node, category or action). */
	panelItem(text: string): Locator {
		const exact = new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
		return this.byTestId('node-creator').locator('[data-test-id="item-iterator-item"]', {
			hasText: exact,
		});
	}

	/** Opens a node of the search results and its "Actions" section. */
	async openNodeActions(nodeName: string): Promise<void> {
		await this.byTestId('node-creator')
			.locator('[data-test-id="item-iterator-item"]', {
				has: this.page.locator(`[data-test-id="node-creator-item-name"]`, { hasText: nodeName }),
			})
			.first()
			.click();
		await this.byTestId('node-creator-category-item')
			.filter({ hasText: /^\s*Actions/ })
			.click();
	}

	/** Waits until the search results show a node of this name. */
	async waitForNode(nodeName: string): Promise<void> {
		await this.byTestId('node-creator')
			.locator('[data-test-id="node-creator-item-name"]', { hasText: nodeName })
			.first()
			.waitFor();
	}

	/**
	 * Every row text of the nodes panel, in order ("Contact Actions", "Create a contact", ...).
	 * n8n renders long lists in batches, so the rows are read once their count stops growing.
	 */
	async panelTexts(): Promise<string[]> {
		const rows = this.byTestId('node-creator').locator('[data-test-id="item-iterator-item"]');
		let count = -1;
		for (let stable = 0; stable < 3; ) {
			await this.page.waitForTimeout(250);
			const now = await rows.count();
			stable = now === count ? stable + 1 : 0;
			count = now;
		}
		return (await rows.allTextContents()).map((text) => text.replace(/\s+/g, ' ').trim());
	}

	/** Runs the node open in the parameters panel; resolves with the output's item count text ("4 items"). */
	async executeOpenNode(): Promise<string> {
		await this.byTestId('node-execute-button').click();
		const count = this.byTestId('output-panel').locator('[data-test-id="ndv-items-count"]');
		await count.waitFor({ timeout: 60_000 });
		return ((await count.textContent()) ?? '').trim();
	}

	/** The text of the node's parameters and output panel (what a person sees in it). */
	async nodePanelText(): Promise<string> {
		return (await this.byTestId('ndv').textContent()) ?? '';
	}

	async closeNodePanel(): Promise<void> {
		await this.byTestId('ndv-close-button').click();
	}

	/** Hides the "executed successfully" toasts so they do not cover screenshots (they animate, so clicking them away is flaky). */
	async hideToasts(): Promise<void> {
		await this.page.addStyleTag({ content: '.el-notification { display: none !important; }' });
	}

	/** Runs the whole workflow from the canvas and waits until every node shows success. */
	async executeWorkflow(): Promise<void> {
		await this.byTestId('execute-workflow-button').click();
		await this.byTestId('canvas-node-status-success').first().waitFor({ timeout: 60_000 });
	}
}
