import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startApp, type RunningApp } from '../support/app-server';
import { chromiumAvailable, launchBrowser, screenshot } from '../support/browser';
import { acceptInvite, createCourse, createInviteLink, newPerson } from '../support/flows';

// The server only relays a caret whose label is the peer's own name and whose colour is #rrggbb:
// the carets the real editor draws must pass that check.

const connected = (page: Page) =>
	page.locator('[data-testid="connection-status"][data-status="connected"]').waitFor({ timeout: 20_000 });

describe.skipIf(!chromiumAvailable())('remote carets in rich text', () => {
	let app: RunningApp;
	let browser: Browser;
	let owner: Page;
	let partner: Page;

	beforeAll(async () => {
		app = await startApp();
		browser = await launchBrowser();
		owner = await newPerson(browser, app.url, 'Liisa Lecturer');
		const courseUrl = await createCourse(owner, app.url, 'Carets for everyone');
		const link = await createInviteLink(owner, courseUrl, app.url, 'editor');
		partner = await newPerson(browser, app.url, 'Pekka Partner');
		await acceptInvite(partner, link);
		for (const page of [owner, partner]) {
			await page.goto(courseUrl);
			await connected(page);
		}
	});
	afterAll(async () => {
		await browser?.close();
		await app?.stop();
	});

	it('shows the partner’s caret, labelled with the partner’s name, to the owner', async () => {
		await partner.getByRole('textbox', { name: 'Summary' }).click();
		await partner.keyboard.type('Where the partner types.');
		const label = owner.locator('.collaboration-carets__label', { hasText: 'Pekka Partner' });
		await expect.poll(() => label.count()).toBe(1);
		expect(await owner.locator('.collaboration-carets__label', { hasText: 'Liisa Lecturer' }).count()).toBe(0);
		await screenshot(owner, 'editor-remote-caret');
	});
});
