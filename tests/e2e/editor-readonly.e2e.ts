import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startApp, type RunningApp } from '../support/app-server';
import { chromiumAvailable, expectAccessible, launchBrowser, screenshot } from '../support/browser';
import { acceptInvite, createCourse, createInviteLink, newPerson } from '../support/flows';
import { openEditor } from './editor-support';

/** The look that tells a field is read-only: the read-only textarea's border and background. */
const look = (page: Page, selector: string) =>
	page.locator(selector).evaluate((element) => {
		const style = getComputedStyle(element);
		return { border: style.borderTopStyle, background: style.backgroundColor };
	});

describe.skipIf(!chromiumAvailable())('read-only editing, and why', () => {
	let app: RunningApp;
	let browser: Browser;
	let owner: Page;
	let viewer: Page;
	let courseUrl: string;

	beforeAll(async () => {
		app = await startApp();
		browser = await launchBrowser();
		owner = await newPerson(browser, app.url, 'Liisa Lecturer');
		courseUrl = await createCourse(owner, app.url, 'Platform economy for small businesses');
		const link = await createInviteLink(owner, courseUrl, app.url, 'viewer', 'student');
		viewer = await newPerson(browser, app.url, 'Ville Viewer');
		await acceptInvite(viewer, link);
		await openEditor(viewer, courseUrl);
	});
	afterAll(async () => {
		await browser?.close();
		await app?.stop();
	});

	it('makes one-line inputs and selects look read-only like the text areas', async () => {
		const textarea = await look(viewer, '#field-targetGroup');
		expect(textarea.border).toBe('dashed');
		for (const selector of ['input#field-code', 'input#field-ectsCredits', 'select#field-eqfLevel', 'input#field-awardingBodyWebsite']) {
			expect(await look(viewer, selector), selector).toEqual(textarea);
		}
		expect(await viewer.getByTestId('readonly-note').textContent()).toContain('your role does not allow editing');
		await screenshot(viewer, 'editor-viewer-readonly');
	});

	it('tells the owner of an archived course that it is archived and where to unarchive it', async () => {
		await owner.goto(`${courseUrl}/settings`);
		await owner.getByRole('button', { name: 'Archive course' }).click();
		await owner.getByRole('button', { name: 'Unarchive course' }).waitFor();
		await openEditor(owner, courseUrl);

		const note = owner.getByTestId('readonly-note');
		const text = await note.textContent();
		expect(text).not.toContain('role');
		expect(text).toContain('archived');
		const unarchive = note.getByRole('link', { name: /Settings/ });
		expect(await unarchive.getAttribute('href')).toBe(new URL(courseUrl).pathname + '/settings');
		expect(await look(owner, 'input#field-code')).toEqual(await look(owner, '#field-targetGroup'));
		await screenshot(owner, 'editor-archived-owner');
		await expectAccessible(owner);

		// A viewer is told it is archived too (that is why nobody edits it now), without the owner's link.
		await openEditor(viewer, courseUrl);
		expect(await viewer.getByTestId('readonly-note').textContent()).toContain('archived');
		expect(await viewer.getByTestId('readonly-note').getByRole('link').count()).toBe(0);

		await unarchive.click();
		await owner.waitForURL(`${courseUrl}/settings`);
		await owner.getByRole('button', { name: 'Unarchive course' }).click();
		await owner.getByRole('button', { name: 'Archive course' }).waitFor();
		await openEditor(owner, courseUrl);
		// The editor may first show the state it had before the course was unarchived, until it reconnects.
		await expect.poll(() => owner.getByTestId('readonly-note').count(), { timeout: 10_000 }).toBe(0);
		await expect.poll(() => owner.locator('input#field-code').getAttribute('readonly'), { timeout: 10_000 }).toBeNull();
	});
});
