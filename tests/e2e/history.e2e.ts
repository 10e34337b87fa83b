import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startApp, type RunningApp } from '../support/app-server';
import { chromiumAvailable, expectAccessible, launchBrowser, screenshot } from '../support/browser';
import { acceptInvite, createCourse, createInviteLink, newPerson } from '../support/flows';

const connected = (page: Page) =>
	page.locator('[data-testid="connection-status"][data-status="connected"]').waitFor({ timeout: 20_000 });

/** Replaces a plain-text field's content by typing, as a person would. */
async function retype(page: Page, selector: string, text: string): Promise<void> {
	const field = page.locator(selector);
	await field.click();
	await page.keyboard.press('ControlOrMeta+A');
	await page.keyboard.press('Backspace');
	await field.pressSequentially(text);
}

describe.skipIf(!chromiumAvailable())('saving, viewing and restoring versions', () => {
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
		const editorLink = await createInviteLink(owner, courseUrl, app.url, 'editor');
		partner = await newPerson(browser, app.url, 'Pekka Partner');
		await acceptInvite(partner, editorLink);
		for (const page of [owner, partner]) {
			await page.goto(courseUrl);
			await connected(page);
		}
	});
	afterAll(async () => {
		await browser?.close();
		await app?.stop();
	});

	it('saves named versions of the live text, with a message next to a missing name', async () => {
		await retype(owner, '#field-targetGroup', 'Owners of small businesses');
		await owner.getByRole('textbox', { name: 'Summary' }).click();
		await owner.keyboard.type('Learn how digital platforms change small business.');
		await owner.locator('#field-ectsCredits').pressSequentially('2');
		await owner.getByRole('button', { name: '+ Add outcome' }).click();
		await expect.poll(() => owner.evaluate(() => document.activeElement?.id ?? '')).toMatch(/^field-outcomeText-/);
		await owner.keyboard.type('Compare the business models of digital platforms');
		await owner.getByRole('button', { name: '+ Add module' }).click();
		await expect.poll(() => owner.evaluate(() => document.activeElement?.id ?? '')).toMatch(/^field-moduleTitle-/);
		await owner.keyboard.type('Platforms in everyday business');
		// The partner seeing it means the server has it.
		await expect.poll(() => partner.locator('#field-targetGroup').inputValue()).toBe('Owners of small businesses');
		await expect
			.poll(() => partner.locator('textarea[id^="field-moduleTitle-"]').first().inputValue())
			.toBe('Platforms in everyday business');

		await owner.getByRole('link', { name: 'History' }).click();
		await owner.waitForURL(`${courseUrl}/history`);
		await expect.poll(() => owner.getByText('No versions yet.').count()).toBe(1);
		await owner.getByRole('button', { name: 'Save version' }).click();
		await expect.poll(() => owner.locator('#field-name-error').textContent()).toContain('Give the version a name');
		expect(await owner.locator('#field-name').getAttribute('aria-invalid')).toBe('true');

		await owner.getByLabel('Version name').fill('First draft');
		await owner.getByRole('button', { name: 'Save version' }).click();
		await expect.poll(() => owner.getByRole('status').filter({ hasText: 'Saved v1' }).textContent()).toContain('First draft');
		expect(await owner.locator('#field-name').inputValue()).toBe('');

		// A second version after a change, saved by the partner: the list shows who saved what.
		await retype(partner, '#field-targetGroup', 'Anyone curious about platforms');
		await partner.getByRole('link', { name: 'History' }).click();
		await partner.waitForURL(`${courseUrl}/history`);
		await partner.getByLabel('Version name').fill('Broader audience for the pilot');
		await partner.getByRole('button', { name: 'Save version' }).click();
		await expect.poll(() => partner.getByRole('status').filter({ hasText: 'Saved v2' }).count()).toBe(1);

		await owner.reload();
		const rows = owner.locator('table.data tbody tr');
		await expect.poll(() => rows.count()).toBe(2);
		expect(await rows.nth(0).textContent()).toMatch(/v2.*Broader audience for the pilot.*Pekka Partner/);
		expect(await rows.nth(1).textContent()).toMatch(/v1.*First draft.*Liisa Lecturer/);
		await screenshot(owner, 'history');
		await expectAccessible(owner);
	});

	it('shows an earlier version read-only and restores it live, as a new change', async () => {
		await partner.goto(courseUrl);
		await connected(partner);
		expect(await partner.locator('#field-targetGroup').inputValue()).toBe('Anyone curious about platforms');

		await owner.getByRole('link', { name: 'View v1' }).click();
		await owner.waitForURL(`${courseUrl}/history/1`);
		await expect.poll(() => owner.locator('#version-heading').textContent()).toContain('First draft');
		const targetGroup = owner.locator('.pair', { has: owner.locator('dt', { hasText: /^Target group$/ }) });
		expect(await targetGroup.locator('dd').textContent()).toContain('Owners of small businesses');
		expect(await owner.locator('#section-overview').textContent()).toContain('Learn how digital platforms change small business.');
		expect(await owner.locator('#section-outcomes li').textContent()).toMatch(/LO1\s*Compare the business models/);
		expect(await owner.locator('#section-modules h4').textContent()).toBe('Module 1: Platforms in everyday business');
		expect(await owner.locator('textarea, input[type="text"], [contenteditable="true"]').count()).toBe(0);
		await screenshot(owner, 'history-version');
		await expectAccessible(owner);

		// Work since the last version, which restoring must not lose: the partner's prerequisites.
		await retype(partner, '#field-prerequisites', 'Basic digital skills');
		await expect
			.poll(async () => {
				await owner.goto(`${courseUrl}/history/compare?from=2&to=current`);
				return owner.locator('.pair[data-field="prerequisites"] ins').textContent({ timeout: 1_000 }).catch(() => '');
			})
			.toBe('Basic digital skills');
		await owner.goto(`${courseUrl}/history/1`);

		await owner.getByRole('button', { name: 'Restore this version…' }).click();
		const confirm = owner.getByRole('dialog', { name: /Restore v1/ });
		await confirm.waitFor();
		await screenshot(owner, 'history-restore-confirm');
		await expectAccessible(owner);
		await confirm.getByRole('button', { name: 'Restore v1' }).click();
		const notice = owner.getByRole('status').filter({ hasText: 'Restored v1' });
		await expect.poll(() => notice.count()).toBe(1);
		expect(await notice.textContent()).toContain('The text as it was just before is kept as v3');
		expect(await confirm.isVisible()).toBe(false);

		// The partner, still in the editor, sees the old text come back without reloading.
		await expect.poll(() => partner.locator('#field-targetGroup').inputValue()).toBe('Owners of small businesses');

		await owner.getByRole('link', { name: 'Open the specification' }).click();
		await owner.waitForURL(courseUrl);
		await connected(owner);
		await expect.poll(() => owner.locator('#field-targetGroup').inputValue()).toBe('Owners of small businesses');

		// The text from before the restore is kept as a version, and the restore itself is listed.
		await owner.goto(`${courseUrl}/history`);
		const rows = owner.locator('table.data tbody tr');
		expect(await rows.count()).toBe(4);
		expect(await rows.nth(0).textContent()).toMatch(/v4.*Restored v1.*Restore.*Liisa Lecturer/);
		expect(await rows.nth(1).textContent()).toMatch(/v3.*Before restoring v1.*Kept before restore/);
		await owner.getByRole('link', { name: 'View v3' }).click();
		await owner.waitForURL(`${courseUrl}/history/3`);
		const kept = (label: string) => owner.locator('.pair', { has: owner.locator('dt', { hasText: new RegExp(`^${label}$`) }) });
		expect(await kept('Target group').locator('dd').textContent()).toContain('Anyone curious about platforms');
		expect(await kept('Prerequisites').locator('dd').textContent()).toContain('Basic digital skills');
		await owner.goto(`${courseUrl}/history`);
		await screenshot(owner, 'history-after-restore');
		await expectAccessible(owner);
	});

	it('reads well on a phone', async () => {
		await owner.setViewportSize({ width: 390, height: 844 });
		const fitsWidth = () => owner.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
		await owner.goto(`${courseUrl}/history`);
		await screenshot(owner, 'history-phone');
		expect(await fitsWidth()).toBe(true);
		await expectAccessible(owner);
		await owner.goto(`${courseUrl}/history/1`);
		await screenshot(owner, 'history-version-phone');
		expect(await fitsWidth()).toBe(true);
		const missing = await owner.goto(`${courseUrl}/history/99`);
		expect(missing?.status()).toBe(404);
	});
});
