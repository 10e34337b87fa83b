import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startApp, type RunningApp } from '../support/app-server';
import { chromiumAvailable, expectAccessible, launchBrowser, screenshot } from '../support/browser';
import { createCourse, newPerson } from '../support/flows';

const connected = (page: Page) =>
	page.locator('[data-testid="connection-status"][data-status="connected"]').waitFor({ timeout: 20_000 });

const fitsWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

/** A field's row on the compare page. */
const fieldRow = (page: Page, key: string) => page.locator(`.pair[data-field="${key}"]`).first();

describe.skipIf(!chromiumAvailable())('comparing versions and automatic history', () => {
	let app: RunningApp;
	let browser: Browser;
	let owner: Page;
	let courseUrl: string;

	beforeAll(async () => {
		app = await startApp();
		browser = await launchBrowser();
		owner = await newPerson(browser, app.url, 'Liisa Lecturer');
		courseUrl = await createCourse(owner, app.url, 'Platform economy');
		await owner.goto(courseUrl);
		await connected(owner);
		await owner.getByRole('button', { name: '+ Add outcome' }).click();
		await owner.waitForFunction(() => document.activeElement?.id.startsWith('field-outcomeText-'));
		await owner.keyboard.type('Compare platform business models');
		await owner.goto(`${courseUrl}/history`);
		await owner.getByLabel('Version name').fill('First draft');
		await owner.getByRole('button', { name: 'Save version' }).click();
		await owner.getByRole('status').filter({ hasText: 'Saved v1' }).waitFor();
	});
	afterAll(async () => {
		await browser?.close();
		await app?.stop();
	});

	it('keeps an automatic snapshot when the last person leaves, and filters the list to named versions', async () => {
		await owner.goto(courseUrl);
		await connected(owner);
		const title = owner.locator('#field-title');
		await title.click();
		await owner.keyboard.press('End');
		await owner.keyboard.type(' (pilot)');
		await owner.locator('#field-ectsCredits').pressSequentially('3');
		await owner.getByRole('textbox', { name: 'Summary' }).click();
		await owner.keyboard.type('Learn how digital platforms change small business.');
		await owner.getByRole('button', { name: '+ Add outcome' }).click();
		await expect.poll(() => owner.evaluate(() => document.activeElement?.id ?? '')).toMatch(/^field-outcomeText-/);
		await owner.keyboard.type('Explain network effects');

		// Leaving the editor ends the burst: the server keeps a snapshot once the room is left.
		await owner.goto(`${courseUrl}/history`);
		const automaticRow = owner.locator('table.data tbody tr[data-kind="automatic"]');
		await expect
			.poll(
				async () => {
					await owner.reload();
					return automaticRow.count();
				},
				{ timeout: 30_000, interval: 1_000 }
			)
			.toBe(1);
		expect(await automaticRow.textContent()).toMatch(/v2.*Automatic snapshot.*Edits by Liisa Lecturer/);
		await screenshot(owner, 'history-automatic');

		await owner.getByRole('link', { name: 'Named only' }).click();
		await owner.waitForURL(`${courseUrl}/history?show=named`);
		const rows = owner.locator('table.data tbody tr');
		expect(await rows.count()).toBe(1);
		expect(await rows.first().textContent()).toContain('First draft');
		expect(await owner.getByRole('link', { name: 'Named only' }).getAttribute('aria-current')).toBe('page');
		await expectAccessible(owner);
		await owner.getByRole('link', { name: 'All', exact: true }).click();
		await owner.waitForURL(`${courseUrl}/history`);
		expect(await owner.locator('table.data tbody tr').count()).toBe(2);
	});

	it('compares a version with the current document, with inline insertions and deletions', async () => {
		await owner.goto(`${courseUrl}/history`);
		await owner.getByLabel('Compare', { exact: true }).selectOption('1');
		await owner.getByLabel('with', { exact: true }).selectOption('current');
		await owner.getByRole('button', { name: 'Compare' }).click();
		await owner.waitForURL(`${courseUrl}/history/compare?from=1&to=current`);

		await expect.poll(() => owner.getByRole('status').textContent()).toMatch(/4 changes/);
		expect(await fieldRow(owner, 'summary').locator('.block[data-status="added"] ins').textContent()).toBe(
			'Learn how digital platforms change small business.'
		);
		expect(await fieldRow(owner, 'title').locator('ins').textContent()).toBe(' (pilot)');
		expect(await fieldRow(owner, 'ectsCredits').locator('del').textContent()).toBe('Not filled in');
		expect(await fieldRow(owner, 'ectsCredits').locator('ins').textContent()).toBe('3 ECTS');
		// What a screen reader says around a mark (generated content, so copying the text leaves it out).
		const announced = (mark: 'ins' | 'del', pseudo: '::before' | '::after') =>
			fieldRow(owner, 'ectsCredits').locator(mark).evaluate((el, p) => getComputedStyle(el, p).content, pseudo);
		expect([await announced('ins', '::before'), await announced('del', '::before'), await announced('ins', '::after')]).toEqual([
			'" [inserted: "',
			'" [deleted: "',
			'"] "'
		]);
		const added = owner.locator('.item[data-status="added"]');
		expect(await added.count()).toBe(1);
		expect(await added.textContent()).toMatch(/LO2.*Added.*Explain network effects/);
		// Unchanged fields and items stay out of the way until asked for.
		expect(await fieldRow(owner, 'code').count()).toBe(0);
		expect(await owner.locator('.item[data-status="unchanged"]').count()).toBe(0);
		await screenshot(owner, 'history-compare');
		await expectAccessible(owner);

		await owner.getByRole('link', { name: 'Show unchanged fields' }).click();
		await owner.waitForURL(/unchanged=show/);
		expect(await fieldRow(owner, 'code').count()).toBe(1);
		expect(await owner.locator('.item[data-status="unchanged"]').textContent()).toContain('Compare platform business models');
		await screenshot(owner, 'history-compare-all');
		await expectAccessible(owner);

		// Backwards, from the snapshot to the first draft: what was added reads as removed.
		const v2 = await owner.goto(`${courseUrl}/history/compare?from=2&to=1`);
		expect(v2?.status()).toBe(200);
		expect(await owner.locator('.item[data-status="removed"]').textContent()).toMatch(/LO2.*Removed.*Explain network effects/);
		expect(await fieldRow(owner, 'title').locator('del').textContent()).toBe(' (pilot)');
	});

	it('says next to the field when a version does not exist', async () => {
		await owner.goto(`${courseUrl}/history/compare?from=1&to=99`);
		await expect.poll(() => owner.locator('#field-to-error').textContent()).toContain('There is no version 99');
		expect(await owner.locator('#field-to').getAttribute('aria-invalid')).toBe('true');
		await expectAccessible(owner);
	});

	it('works without JavaScript', async () => {
		const context = await browser.newContext({ javaScriptEnabled: false, storageState: await owner.context().storageState() });
		const page = await context.newPage();
		await page.goto(`${courseUrl}/history`);
		await page.getByLabel('Compare', { exact: true }).selectOption('1');
		await page.getByRole('button', { name: 'Compare' }).click();
		await page.waitForURL(/\/history\/compare\?from=1&to=current/);
		expect(await fieldRow(page, 'title').locator('ins').textContent()).toBe(' (pilot)');
		await page.goto(`${courseUrl}/history?show=named`);
		expect(await page.locator('table.data tbody tr').count()).toBe(1);
		await context.close();
	});

	it('fits a phone', async () => {
		await owner.setViewportSize({ width: 390, height: 844 });
		for (const [path, name] of [
			['/history', 'history-list-phone'],
			['/history/compare?from=1&to=current', 'history-compare-phone'],
			['/history/compare?from=1&to=current&unchanged=show', 'history-compare-all-phone']
		]) {
			await owner.goto(`${courseUrl}${path}`);
			await screenshot(owner, name);
			expect(await fitsWidth(owner), path).toBe(true);
			await expectAccessible(owner);
		}
		await owner.setViewportSize({ width: 1400, height: 900 });
	});
});
