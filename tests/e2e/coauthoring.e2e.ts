import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startApp, type RunningApp } from '../support/app-server';
import { chromiumAvailable, expectAccessible, launchBrowser, screenshot } from '../support/browser';
import { acceptInvite, createCourse, createInviteLink, newPerson } from '../support/flows';

// A locator wait, because beforeAll may not use expect.poll.
const connected = (page: Page) =>
	page.locator('[data-testid="connection-status"][data-status="connected"]').waitFor({ timeout: 20_000 });

describe.skipIf(!chromiumAvailable())('co-authoring a course spec live', () => {
	let app: RunningApp;
	let browser: Browser;
	let owner: Page;
	let partner: Page;
	let viewer: Page;
	let courseUrl: string;

	beforeAll(async () => {
		app = await startApp();
		browser = await launchBrowser();
		owner = await newPerson(browser, app.url, 'Liisa Lecturer');
		courseUrl = await createCourse(owner, app.url, 'Platform economy for small businesses');
		const editorLink = await createInviteLink(owner, courseUrl, app.url, 'editor');
		partner = await newPerson(browser, app.url, 'Pekka Partner');
		await acceptInvite(partner, editorLink);
		const viewerLink = await createInviteLink(owner, courseUrl, app.url, 'viewer', 'student');
		viewer = await newPerson(browser, app.url, 'Ville Viewer');
		await acceptInvite(viewer, viewerLink);
		for (const page of [owner, partner, viewer]) {
			await page.goto(courseUrl);
			await connected(page);
		}
	});
	afterAll(async () => {
		await browser?.close();
		await app?.stop();
	});

	it('shows each other’s typing in the same field, and presence', async () => {
		const ownerField = owner.locator('#field-targetGroup');
		const partnerField = partner.locator('#field-targetGroup');
		await ownerField.click();
		await ownerField.pressSequentially('Owners of small businesses');
		await expect.poll(() => partnerField.inputValue()).toBe('Owners of small businesses');
		await partnerField.click();
		await partner.keyboard.press('End');
		await partnerField.pressSequentially(' in Finland');
		await expect.poll(() => ownerField.inputValue()).toBe('Owners of small businesses in Finland');

		// Everyone is listed, and the owner sees where the partner is working.
		await expect.poll(() => owner.locator('[aria-label="People in this course now"] li').count()).toBe(3);
		await expect.poll(() => owner.locator('#field-targetGroup-wrapper').textContent()).toContain('Pekka');
		await screenshot(owner, 'editor-presence');
		await expectAccessible(owner);
	});

	it('merges rich text and list edits, and the completeness panel follows', async () => {
		const summary = owner.getByRole('textbox', { name: 'Summary' });
		await summary.click();
		await owner.keyboard.type('Learn how digital platforms change small business.');
		await expect
			.poll(() => partner.getByRole('textbox', { name: 'Summary' }).textContent())
			.toContain('digital platforms');

		const outcomesDone = (page: Page) => page.locator('li.done', { hasText: 'Learning outcomes' }).count();
		expect(await outcomesDone(owner)).toBe(0);
		await partner.getByRole('button', { name: '+ Add outcome' }).click();
		const partnerOutcome = partner.locator('textarea[id^="field-outcomeText-"]').first();
		await partnerOutcome.waitFor();
		await expect
			.poll(() => partner.evaluate(() => document.activeElement?.id ?? ''))
			.toMatch(/^field-outcomeText-/);
		await partner.keyboard.type('Compare the business models of digital platforms');
		await expect
			.poll(() => owner.locator('textarea[id^="field-outcomeText-"]').first().inputValue())
			.toBe('Compare the business models of digital platforms');
		await expect.poll(() => outcomesDone(owner)).toBe(1);
		await screenshot(partner, 'editor-outcome');
	});

	it('lets a viewer watch live but not edit', async () => {
		const field = viewer.locator('#field-targetGroup');
		await expect.poll(() => field.inputValue()).toBe('Owners of small businesses in Finland');
		expect(await field.getAttribute('readonly')).not.toBeNull();
		await field.click();
		await viewer.keyboard.type('vandalism');
		expect(await field.inputValue()).toBe('Owners of small businesses in Finland');
		expect(await viewer.getByRole('button', { name: '+ Add outcome' }).count()).toBe(0);
		expect(await viewer.locator('#field-summary-wrapper [contenteditable="true"]').count()).toBe(0);
		await screenshot(viewer, 'editor-viewer');
	});

	it('keeps edits made while the server is away and sends them on reconnect', async () => {
		const port = new URL(app.url).port;
		await app.stop();
		await expect.poll(() => owner.getByTestId('connection-status').getAttribute('data-status')).not.toBe('connected');
		const prerequisites = owner.locator('#field-prerequisites');
		await prerequisites.click();
		await prerequisites.pressSequentially('Basic bookkeeping');
		await expect.poll(() => owner.getByTestId('connection-status').getAttribute('data-unsent')).toBe('true');
		await screenshot(owner, 'editor-offline');

		app = await startApp({ dataDir: app.dataDir, env: { PORT: port } });
		await connected(owner);
		await connected(partner);
		await expect.poll(() => partner.locator('#field-prerequisites').inputValue(), { timeout: 20_000 }).toBe('Basic bookkeeping');

		// And it is stored: a fresh load shows it.
		await viewer.reload();
		await connected(viewer);
		expect(await viewer.locator('#field-prerequisites').inputValue()).toBe('Basic bookkeeping');
	});

	it('keeps the course title in step between the editor, the dashboard and renaming', async () => {
		const title = owner.locator('#field-title');
		await title.click();
		await owner.keyboard.press('End');
		await title.pressSequentially(' (pilot)');
		await expect.poll(() => partner.locator('#field-title').inputValue()).toBe('Platform economy for small businesses (pilot)');
		await expect
			.poll(async () => {
				await viewer.goto(`${app.url}/courses`);
				return viewer.locator('.course-list').textContent();
			})
			.toContain('(pilot)');

		await owner.goto(`${courseUrl}/settings`);
		await owner.getByLabel('Course title').fill('Platform economy in practice');
		await owner.getByRole('button', { name: 'Rename' }).click();
		await owner.getByText('Saved').waitFor();
		await expect.poll(() => partner.locator('#field-title').inputValue()).toBe('Platform economy in practice');
		await owner.goto(courseUrl);
		await connected(owner);
	});

	it('makes a demoted editor read-only at once', async () => {
		await owner.goto(`${courseUrl}/team`);
		const row = owner.locator('ul.members > li', { hasText: 'Pekka Partner' });
		await row.getByLabel('Role of Pekka Partner').selectOption('viewer');
		await row.getByRole('button', { name: 'Save' }).click();
		await expect.poll(() => partner.locator('#field-targetGroup').getAttribute('readonly'), { timeout: 15_000 }).not.toBeNull();
		await expect.poll(() => partner.getByRole('button', { name: '+ Add outcome' }).count()).toBe(0);
	});

	it('closes the live connection of a session that logs out', async () => {
		const otherTab = await partner.context().newPage();
		await otherTab.goto(`${app.url}/courses`);
		await otherTab.getByRole('button', { name: 'Log out' }).click();
		await otherTab.waitForURL(`${app.url}/`);
		await expect
			.poll(() => partner.getByTestId('connection-status').getAttribute('data-status'), { timeout: 15_000 })
			.toBe('refused');
	});
});
