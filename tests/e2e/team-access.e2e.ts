import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startApp, type RunningApp } from '../support/app-server';
import { chromiumAvailable, expectAccessible, launchBrowser, screenshot } from '../support/browser';
import { acceptInvite, createCourse, PASSWORD, signUpAs } from '../support/flows';

const PHONE = { width: 390, height: 844 };
const TITLE = 'Circular economy for small firms';

/** The page scrolls sideways, or some control in the main area sticks out of the viewport. */
async function layoutProblems(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const problems: string[] = [];
		const width = window.innerWidth;
		if (document.documentElement.scrollWidth > width) {
			problems.push(`page is ${document.documentElement.scrollWidth}px wide in a ${width}px viewport`);
		}
		for (const el of document.querySelectorAll<HTMLElement>('main button, main select, main input, main textarea, main a')) {
			const box = el.getBoundingClientRect();
			if (box.width === 0 || el.closest('[popover]:not(:popover-open)')) continue;
			if (box.left < 0 || box.right > width) {
				problems.push(`${el.tagName.toLowerCase()} “${el.textContent?.trim() || el.getAttribute('aria-label') || el.id}” spans ${Math.round(box.left)}–${Math.round(box.right)}px`);
			}
		}
		return problems;
	});
}

async function logIn(page: Page, baseUrl: string, email: string): Promise<void> {
	await page.goto(`${baseUrl}/login`);
	await page.getByLabel('Email').fill(email);
	await page.getByLabel('Password').fill(PASSWORD);
	await page.getByRole('button', { name: 'Log in' }).click();
	await page.waitForURL(`${baseUrl}/courses`);
}

describe.skipIf(!chromiumAvailable())('team, invites and access requests in the browser', () => {
	let app: RunningApp;
	let browser: Browser;
	let owner: Page;
	let partner: Page;
	let outsider: Page;
	let courseUrl: string;

	beforeAll(async () => {
		app = await startApp();
		browser = await launchBrowser();
		// The owner works on a phone throughout: every step below has to be possible at 390 px.
		owner = await (await browser.newContext({ viewport: PHONE })).newPage();
		await owner.goto(`${app.url}/signup`);
		await signUpAs(owner, 'Olga Owner', 'olga@example.org');
		await owner.waitForURL(`${app.url}/courses`);
		courseUrl = await createCourse(owner, app.url, TITLE);
	});
	afterAll(async () => {
		await browser?.close();
		await app?.stop();
	});

	it('refuses password123 at signup, with the reason next to the field', async () => {
		const page = await (await browser.newContext({ viewport: PHONE })).newPage();
		await page.goto(`${app.url}/signup`);
		await page.getByLabel('Your name').fill('Pirkko Password');
		await page.getByLabel('Email').fill('pirkko@example.org');
		await page.getByLabel('Password').fill('password123');
		await page.getByRole('button', { name: 'Create account' }).click();
		await expect.poll(() => page.locator('#field-password-error').textContent()).toContain('This is a commonly used password.');
		expect(await page.locator('#field-password').getAttribute('aria-invalid')).toBe('true');
		expect(page.url()).toBe(`${app.url}/signup`);
		await screenshot(page, 'signup-weak-password');
		await expectAccessible(page);
		await page.context().close();
	});

	it('lists two invite links created one after the other, showing the token only for the newest', async () => {
		await owner.goto(`${courseUrl}/team`);
		await owner.getByLabel('Role', { exact: true }).selectOption('editor');
		await owner.getByLabel('Perspective', { exact: true }).selectOption('company_partner');
		await owner.getByRole('button', { name: 'Create invite link' }).click();
		const field = owner.getByLabel('Invite link');
		await expect.poll(() => field.inputValue().catch(() => '')).toMatch(/\/invite\/[a-z2-7]{32}$/);
		const firstShown = await field.inputValue();
		const editorLink = firstShown.replace(/^https?:\/\/[^/]+/, app.url);

		await owner.getByLabel('Role', { exact: true }).selectOption('viewer');
		await owner.getByLabel('Perspective', { exact: true }).selectOption('student');
		await owner.getByLabel(/Single use/).check();
		await owner.getByRole('button', { name: 'Create invite link' }).click();
		await expect.poll(() => field.inputValue()).not.toBe(firstShown);

		const links = owner.locator('ul.links > li');
		await expect.poll(() => links.count()).toBe(2);
		const [newest, older] = await links.allTextContents();
		expect(newest).toMatch(/Viewer · Student.*just created.*Single use.*Created by Olga Owner/s);
		expect(older).toMatch(/Editor · Company partner.*Anyone with the link.*Created by Olga Owner/s);
		await screenshot(owner, 'team-two-invites-phone');
		await expectAccessible(owner);

		// The first link still works after the second was made.
		partner = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
		await partner.goto(`${app.url}/signup`);
		await signUpAs(partner, 'Pekka Partner', 'pekka@example.org');
		await partner.waitForURL(`${app.url}/courses`);
		await acceptInvite(partner, editorLink);
		expect(partner.url()).toBe(courseUrl);
	});

	it('shows an outsider the same “Course not found” for a real and a made-up course, and lets them ask for access', async () => {
		outsider = await (await browser.newContext({ viewport: PHONE })).newPage();
		await outsider.goto(`${app.url}/signup`);
		await signUpAs(outsider, 'Otto Outsider', 'otto@example.org');
		await outsider.waitForURL(`${app.url}/courses`);

		const real = await outsider.goto(`${courseUrl}/team`);
		expect(real?.status()).toBe(404);
		const realText = await outsider.locator('main').innerText();
		const madeUp = await outsider.goto(`${app.url}/courses/${'a'.repeat(24)}`);
		expect(madeUp?.status()).toBe(404);
		expect(await outsider.locator('main').innerText()).toBe(realText);
		expect(await outsider.title()).toBe('Course not found · Co-course');
		await outsider.goto(courseUrl);
		expect(await outsider.content()).not.toContain(TITLE);
		expect(await outsider.locator('h1').textContent()).toBe('Course not found');
		expect(await layoutProblems(outsider)).toEqual([]);
		await screenshot(outsider, 'course-not-found-phone');
		await expectAccessible(outsider);

		await outsider.getByLabel(/Message to the owners/).fill('I run the pilot group at Example Oy.');
		await outsider.getByRole('button', { name: 'Request access' }).click();
		await expect.poll(() => outsider.locator('h1').textContent()).toBe('Request sent');
		await screenshot(outsider, 'request-access-sent');
		await expectAccessible(outsider);
	});

	it('lets the owner approve the request with a role, after which the outsider is in', async () => {
		await owner.goto(`${courseUrl}/team`);
		const requests = owner.locator('ul.requests > li');
		await expect.poll(() => requests.count()).toBe(1);
		const text = await requests.first().innerText();
		expect(text).toContain('Otto Outsider');
		expect(text).toContain('otto@example.org');
		expect(text).toContain('I run the pilot group at Example Oy.');
		expect(await layoutProblems(owner)).toEqual([]);
		await screenshot(owner, 'team-access-request-phone');
		await expectAccessible(owner);

		await requests.first().getByLabel('Role').selectOption('commenter');
		await requests.first().getByLabel('Perspective').selectOption('student');
		await owner.getByRole('button', { name: 'Approve Otto Outsider' }).click();
		await expect.poll(() => requests.count()).toBe(0);
		await expect.poll(() => owner.locator('ul.members').innerText()).toContain('Otto Outsider');

		const response = await outsider.goto(courseUrl);
		expect(response?.status()).toBe(200);
		await expect.poll(() => outsider.locator('h1').textContent()).toBe(TITLE);
		expect(await outsider.locator('.course-header').innerText()).toContain('Commenter · Student');
	});

	it('fits the team page into a 390 px phone, with every control on screen and one colour per member', async () => {
		await owner.goto(`${courseUrl}/team`);
		await expect.poll(() => owner.locator('ul.members > li').count()).toBe(3);
		expect(await layoutProblems(owner)).toEqual([]);
		const colours = await owner.locator('ul.members .dot').evaluateAll((dots) => dots.map((d) => getComputedStyle(d).backgroundColor));
		expect(new Set(colours).size).toBe(3);
		await screenshot(owner, 'team-phone');
		await expectAccessible(owner);
	});

	it('shows each person in the live editor in the colour the team page gives them', async () => {
		await owner.goto(`${courseUrl}/team`);
		const teamColours = Object.fromEntries(
			await owner.locator('ul.members > li').evaluateAll((rows) =>
				rows.map((row) => [row.querySelector('strong')?.textContent, row.querySelector<HTMLElement>('.dot')?.style.getPropertyValue('--c')])
			)
		);
		// Otto is still on the course page from the step before.
		await owner.goto(courseUrl);
		await partner.goto(courseUrl);
		const people = partner.getByRole('list', { name: 'People in this course now' }).locator('li');
		await expect.poll(() => people.count()).toBe(3);
		const liveColours = Object.fromEntries(
			await people.evaluateAll((items) =>
				items.map((li) => [li.querySelector('.name')?.textContent?.replace(' (you)', ''), (li as HTMLElement).style.getPropertyValue('--c')])
			)
		);
		expect(liveColours).toEqual(teamColours);
		expect(new Set(Object.values(liveColours)).size).toBe(3);
	});

	it('shows member emails to owners only', async () => {
		await owner.goto(`${courseUrl}/team`);
		expect(await owner.locator('ul.members').innerText()).toContain('pekka@example.org');
		await partner.goto(`${courseUrl}/team`);
		const seenByEditor = await partner.locator('ul.members').innerText();
		expect(seenByEditor).toContain('Olga Owner');
		expect(seenByEditor).not.toContain('@');
		await screenshot(partner, 'team-as-editor-no-emails');
	});

	it('asks before removing a member, and Cancel keeps them', async () => {
		await owner.goto(`${courseUrl}/team`);
		const members = owner.locator('ul.members > li');
		await owner.getByRole('button', { name: 'Remove Otto Outsider…' }).click();
		const dialog = owner.getByRole('dialog', { name: 'Remove Otto Outsider from the team?' });
		await expect.poll(() => dialog.isVisible()).toBe(true);
		await screenshot(owner, 'team-remove-confirm-phone');
		await expectAccessible(owner);
		await dialog.getByRole('button', { name: 'Cancel' }).click();
		await expect.poll(() => dialog.isVisible()).toBe(false);
		expect(await members.count()).toBe(3);

		await owner.getByRole('button', { name: 'Remove Otto Outsider…' }).click();
		await dialog.getByRole('button', { name: 'Remove Otto Outsider' }).click();
		await expect.poll(() => members.count()).toBe(2);
		expect(await owner.locator('ul.members').innerText()).not.toContain('Otto Outsider');
	});

	it('asks before removing a member and revoking a link without JavaScript too', async () => {
		const context = await browser.newContext({ javaScriptEnabled: false, viewport: PHONE });
		const page = await context.newPage();
		await logIn(page, app.url, 'olga@example.org');
		await page.goto(`${courseUrl}/team`);
		const dialog = page.getByRole('dialog', { name: 'Remove Pekka Partner from the team?' });
		expect(await dialog.isVisible()).toBe(false);
		await page.getByRole('button', { name: 'Remove Pekka Partner…' }).click();
		await expect.poll(() => dialog.isVisible()).toBe(true);
		await screenshot(page, 'nojs-team-remove-confirm');
		await dialog.getByRole('button', { name: 'Remove Pekka Partner' }).click();
		await expect.poll(() => page.locator('ul.members').innerText()).not.toContain('Pekka Partner');

		const links = page.locator('ul.links > li');
		const before = await links.count();
		await links.first().getByRole('button', { name: /^Revoke the .* link/ }).click();
		const revoke = page.getByRole('dialog', { name: /^Revoke this .* link\?$/ });
		await expect.poll(() => revoke.isVisible()).toBe(true);
		await revoke.getByRole('button', { name: 'Revoke link' }).click();
		await expect.poll(() => links.count()).toBe(before - 1);
		await context.close();
	});

	it('picks the admin’s country from the spec’s list instead of a two-letter box', async () => {
		await owner.goto(`${app.url}/admin`);
		await owner.getByLabel('Country').selectOption({ label: 'Finland' });
		await owner.getByRole('button', { name: 'Save profile' }).click();
		await expect.poll(() => owner.getByRole('status').filter({ hasText: 'Saved' }).count()).toBe(1);
		await owner.reload();
		expect(await owner.getByLabel('Country').inputValue()).toBe('FI');
		expect(await layoutProblems(owner)).toEqual([]);
		await screenshot(owner, 'admin-phone');
		await expectAccessible(owner);
	});
});
