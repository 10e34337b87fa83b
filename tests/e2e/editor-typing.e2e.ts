import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startApp, type RunningApp } from '../support/app-server';
import { chromiumAvailable, launchBrowser, screenshot } from '../support/browser';
import { acceptInvite, createCourse, createInviteLink, newPerson } from '../support/flows';
import { openEditor } from './editor-support';

describe.skipIf(!chromiumAvailable())('typing in the editor', () => {
	let app: RunningApp;
	let browser: Browser;
	let owner: Page;
	let partner: Page;
	let courseUrl: string;

	beforeAll(async () => {
		app = await startApp();
		browser = await launchBrowser();
		owner = await newPerson(browser, app.url, 'Liisa Lecturer');
		courseUrl = await createCourse(owner, app.url, 'Platform economy for small businesses');
		const link = await createInviteLink(owner, courseUrl, app.url, 'editor');
		partner = await newPerson(browser, app.url, 'Pekka Partner');
		await acceptInvite(partner, link);
		await openEditor(owner, courseUrl);
		await openEditor(partner, courseUrl);
	});
	afterAll(async () => {
		await browser?.close();
		await app?.stop();
	});

	it('updates the page heading and tab title as the title is typed, for everyone in the editor', async () => {
		const title = owner.locator('#field-title');
		await title.click();
		await owner.keyboard.press('End');
		await title.pressSequentially(' (pilot)');
		const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();
		await expect.poll(() => heading(owner)).toBe('Platform economy for small businesses (pilot)');
		await expect.poll(() => heading(partner)).toBe('Platform economy for small businesses (pilot)');
		await expect.poll(() => partner.title()).toBe('Platform economy for small businesses (pilot) · Co-course');

		// Emptying the field leaves the last title in the heading rather than a blank one.
		await owner.keyboard.press('ControlOrMeta+A');
		await owner.keyboard.press('Backspace');
		await expect.poll(() => partner.locator('#field-title').inputValue()).toBe('');
		expect(await heading(partner)).toBe('Platform economy for small businesses (pilot)');
		await owner.keyboard.type('Platform economy in practice');
		await expect.poll(() => heading(partner)).toBe('Platform economy in practice');
	});

	it('keeps the focus in the text while Bold or List is pressed, so the next key lands in the text', async () => {
		const summary = owner.getByRole('textbox', { name: 'Summary' });
		await summary.click();
		await owner.keyboard.type('Platforms ');
		const bold = owner.locator('#field-summary-wrapper').getByRole('button', { name: 'Bold' });
		const box = (await bold.boundingBox())!;
		await owner.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
		await owner.mouse.down();
		// Between pressing and releasing, the caret must still be in the text.
		expect(await owner.evaluate(() => document.activeElement?.getAttribute('contenteditable'))).toBe('true');
		await owner.mouse.up();
		await owner.keyboard.type('x');
		await expect.poll(() => summary.innerHTML()).toContain('<strong>x</strong>');

		const list = owner.locator('#field-summary-wrapper').getByRole('button', { name: /List \(bulleted\)/ });
		await list.click();
		await owner.keyboard.type('y');
		await expect.poll(() => summary.innerHTML()).toMatch(/<ul><li><p>.*y.*<\/p><\/li><\/ul>/);
		await screenshot(owner, 'editor-typing');
	});
});
