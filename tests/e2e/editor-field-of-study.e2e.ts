import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startApp, type RunningApp } from '../support/app-server';
import { chromiumAvailable, expectAccessible, launchBrowser, screenshot } from '../support/browser';
import { acceptInvite, createCourse, createInviteLink, newPerson } from '../support/flows';
import { openEditor, viewportShot } from './editor-support';

describe.skipIf(!chromiumAvailable())('picking the ISCED-F field of study', () => {
	let app: RunningApp;
	let browser: Browser;
	let owner: Page;
	let viewer: Page;
	let courseUrl: string;

	beforeAll(async () => {
		app = await startApp();
		browser = await launchBrowser();
		owner = await newPerson(browser, app.url, 'Liisa Lecturer');
		courseUrl = await createCourse(owner, app.url, 'Circular product design');
		const link = await createInviteLink(owner, courseUrl, app.url, 'viewer', 'student');
		viewer = await newPerson(browser, app.url, 'Ville Viewer');
		await acceptInvite(viewer, link);
		await openEditor(owner, courseUrl);
		await openEditor(viewer, courseUrl);
	});
	afterAll(async () => {
		await browser?.close();
		await app?.stop();
	});

	const picker = (page: Page) => page.locator('input#field-fieldOfStudy');
	const listbox = (page: Page) => page.getByRole('listbox', { name: 'Fields of study' });
	const activeOption = (page: Page) =>
		page.evaluate(() => {
			const id = document.activeElement?.getAttribute('aria-activedescendant');
			return id ? (document.getElementById(id)?.textContent ?? '') : '';
		});

	it('filters by words, groups broad → narrow → detailed with codes, and picks by keyboard alone', async () => {
		// From the field before, Tab passes the field's Comment and Suggest buttons, then reaches the picker.
		await owner.getByLabel('Add a topic').focus();
		const passed: string[] = [];
		for (let i = 0; i < 4 && (await owner.evaluate(() => document.activeElement?.id)) !== 'field-fieldOfStudy'; i++) {
			await owner.keyboard.press('Tab');
			passed.push(await owner.evaluate(() => document.activeElement?.textContent?.trim() ?? ''));
		}
		expect(await owner.evaluate(() => document.activeElement?.id)).toBe('field-fieldOfStudy');
		expect(passed.length).toBeLessThanOrEqual(3);
		expect(await picker(owner).getAttribute('role')).toBe('combobox');

		await owner.keyboard.type('industrial design');
		await expect.poll(() => listbox(owner).isVisible()).toBe(true);
		expect(await picker(owner).getAttribute('aria-expanded')).toBe('true');
		const options = listbox(owner).getByRole('option');
		// The match comes with its broad and narrow fields, in that order, each with its code.
		await expect.poll(() => options.allTextContents()).toEqual([
			expect.stringMatching(/^02\s*Arts and humanities/),
			expect.stringMatching(/^021\s*Arts/),
			expect.stringMatching(/^0212\s*Fashion, interior and industrial design/)
		]);
		expect(await owner.getByRole('status').filter({ hasText: /field.* match/ }).textContent()).toMatch(/1 field matches/);
		await screenshot(owner, 'editor-field-of-study-open');
		await viewportShot(owner, 'editor-field-of-study-open-view');
		await expectAccessible(owner);

		await owner.keyboard.press('ArrowDown');
		await owner.keyboard.press('ArrowDown');
		await owner.keyboard.press('ArrowDown');
		expect(await activeOption(owner)).toMatch(/^0212/);
		await owner.keyboard.press('Enter');
		await expect.poll(() => listbox(owner).isVisible()).toBe(false);
		expect(await picker(owner).inputValue()).toBe('0212 Fashion, interior and industrial design');
		expect(await owner.locator('#field-fieldOfStudy-wrapper').textContent()).toContain('02 Arts and humanities › 021 Arts');

		// Everyone sees it, and it is what the spec stores.
		await expect.poll(() => picker(viewer).inputValue()).toBe('0212 Fashion, interior and industrial design');
		await owner.reload();
		await openEditor(owner, courseUrl);
		expect(await picker(owner).inputValue()).toBe('0212 Fashion, interior and industrial design');
	});

	it('finds by code, tells duplicates apart by code, and Escape keeps the chosen field', async () => {
		await picker(owner).focus();
		await owner.keyboard.press('ControlOrMeta+A');
		await owner.keyboard.type('011');
		const options = listbox(owner).getByRole('option');
		await expect.poll(() => options.allTextContents()).toContain('011 Education');
		const texts = await options.allTextContents();
		expect(texts[0]).toMatch(/^01\s*Education/);
		expect(texts.every((t) => /^01/.test(t))).toBe(true);

		await owner.keyboard.press('ControlOrMeta+A');
		await owner.keyboard.type('zzzz');
		await expect.poll(() => owner.getByRole('status').filter({ hasText: 'No field matches' }).count()).toBe(1);
		await owner.keyboard.press('Escape');
		await expect.poll(() => listbox(owner).isVisible()).toBe(false);
		expect(await picker(owner).inputValue()).toBe('0212 Fashion, interior and industrial design');

		// Alt+ArrowDown opens the full list on the chosen field.
		await owner.keyboard.press('Alt+ArrowDown');
		await expect.poll(() => listbox(owner).isVisible()).toBe(true);
		expect(await activeOption(owner)).toMatch(/^0212/);
		expect(await options.count()).toBeGreaterThan(200);
		await viewportShot(owner, 'editor-field-of-study-full-list');
		await owner.keyboard.press('Escape');
	});

	it('is read-only for a viewer', async () => {
		expect(await picker(viewer).getAttribute('readonly')).not.toBeNull();
		await picker(viewer).click();
		await viewer.keyboard.press('ArrowDown');
		await viewer.keyboard.type('edu');
		expect(await listbox(viewer).count()).toBe(0);
		expect(await picker(viewer).inputValue()).toBe('0212 Fashion, interior and industrial design');
	});
});
