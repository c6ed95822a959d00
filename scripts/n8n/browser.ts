import * as fs from 'node:fs';

import { chromium, type Browser } from 'playwright-core';

import { onStop, runChecked } from './process';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Installs Debian's chromium when it is missing (CI on a fresh machine). Playwright's own browser
 * download is not used: it fetches from a CDN that may be unreachable.
 */
export async function ensureChromium(log: (line: string) => void = console.log): Promise<string> {
	if (fs.existsSync(CHROMIUM)) return CHROMIUM;
	const asRoot = process.getuid?.() === 0 ? [] : ['sudo', '-n'];
	const aptGet = (args: string[]) => {
		const [command, ...rest] = [...asRoot, 'apt-get', ...args];
		return runChecked(command, rest, {
			env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
		});
	};
	log('Installing chromium with apt-get (first run only)...');
	await aptGet(['update']);
	await aptGet(['install', '-y', '--no-install-recommends', 'chromium']);
	if (!fs.existsSync(CHROMIUM))
		throw new Error(`apt-get installed chromium, but ${CHROMIUM} is missing`);
	return CHROMIUM;
}

/**
 * A headless chromium; the flags keep it off the network it cannot reach. Playwright gives every
 * launch a fresh temporary profile (it refuses an explicit --user-data-dir here), removed on
 * close. Closed with the rest of what the command started (process.ts), not by Playwright's own
 * signal handlers, which would exit before n8n is stopped.
 */
export async function launchBrowser(): Promise<Browser> {
	const executablePath = await ensureChromium();
	const browser = await chromium.launch({
		executablePath,
		headless: true,
		handleSIGINT: false,
		handleSIGTERM: false,
		handleSIGHUP: false,
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
		],
	});
	const forget = onStop(() => browser.close());
	browser.on('disconnected', forget);
	return browser;
}
