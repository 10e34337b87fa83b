import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function chromiumAvailable(): boolean {
	return fs.existsSync(CHROMIUM_PATH);
}

const cspViolations: string[] = [];

/**
 * Violations of the Content-Security-Policy seen in any page since the last call. Every e2e file checks
 * this after each test (tests/support/e2e-setup.ts), so the whole browser suite runs under the policy.
 */
export function takeCspViolations(): string[] {
	return cspViolations.splice(0);
}

declare global {
	interface Window {
		__reportCspViolation?: (text: string) => void;
	}
}

async function watchCsp(context: BrowserContext): Promise<void> {
	// The DOM event catches what the page's scripts see; the console line catches the rest (also with
	// JavaScript disabled, where no listener can run), and a Permissions-Policy header Chromium rejects.
	await context.exposeBinding('__reportCspViolation', ({ page }, text: string) => {
		cspViolations.push(`${page?.url() ?? '?'}: ${text}`);
	});
	await context.addInitScript(() => {
		document.addEventListener('securitypolicyviolation', (e) => {
			window.__reportCspViolation?.(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`);
		});
	});
	context.on('console', (message) => {
		if (message.type() === 'error' && /Content Security Policy|Permissions-Policy/.test(message.text())) {
			cspViolations.push(`${message.page()?.url() ?? '?'}: ${message.text()}`);
		}
	});
}

export async function launchBrowser(): Promise<Browser> {
	const browser = await launch();
	// browser.newPage() goes through newContext too, so every page of every test is watched.
	const newContext = browser.newContext.bind(browser);
	browser.newContext = async (options) => {
		const context = await newContext(options);
		await watchCsp(context);
		return context;
	};
	return browser;
}

function launch(): Promise<Browser> {
	return chromium.launch({
		executablePath: CHROMIUM_PATH,
		headless: true,
		// This machine has no network beyond loopback: keep Chromium from trying to phone home.
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync'
		]
	});
}

const screenshotDir = path.resolve(import.meta.dirname, '../.artifacts/screenshots');

/** Full-page PNG under tests/.artifacts/screenshots, for people to look at. */
export async function screenshot(page: Page, name: string): Promise<void> {
	fs.mkdirSync(screenshotDir, { recursive: true });
	await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });
}

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Runs axe-core in the page and fails on serious or critical accessibility violations. */
export async function expectAccessible(page: Page): Promise<void> {
	// Evaluated through DevTools rather than added as an inline <script>, which the page's CSP refuses.
	await page.evaluate(axeSource);
	const violations = await page.evaluate(async () => {
		// @ts-expect-error axe is injected above
		const result = await window.axe.run(document, { resultTypes: ['violations'] });
		return (result.violations as { id: string; impact: string; help: string; nodes: { target: string[] }[] }[])
			.filter((v) => v.impact === 'serious' || v.impact === 'critical')
			.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
	});
	expect(violations, `axe violations on ${page.url()}`).toEqual([]);
}
