import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startApp, type RunningApp } from '../support/app-server';
import { chromiumAvailable, expectAccessible, launchBrowser, screenshot } from '../support/browser';
import { signUpAs } from '../support/flows';

describe.skipIf(!chromiumAvailable())('course team in the browser', () => {
	let app: RunningApp;
	let browser: Browser;

	beforeAll(async () => {
		app = await startApp();
		browser = await launchBrowser();
	});
	afterAll(async () => {
		await browser?.close();
		await app?.stop();
	});

	const signUp = signUpAs;

	it('signs up, creates a course, invites a new person by link who joins as editor', async () => {
		const owner = await (await browser.newContext()).newPage();
		await owner.goto(app.url);
		await screenshot(owner, 'landing');
		await expectAccessible(owner);

		await owner.goto(`${app.url}/signup`);
		await screenshot(owner, 'signup');
		await expectAccessible(owner);
		// A bad submission shows messages next to the fields.
		await owner.getByRole('button', { name: 'Create account' }).click();
		await expect.poll(() => owner.locator('#field-name-error').textContent()).toContain('Enter your name');
		await screenshot(owner, 'signup-errors');
		await signUp(owner, 'Liisa Lecturer', 'liisa@example.org');
		await owner.waitForURL(`${app.url}/courses`);
		await screenshot(owner, 'dashboard-empty');
		await expectAccessible(owner);

		await owner.getByLabel('Title').fill('Service design for small businesses');
		await owner.getByRole('button', { name: 'Create course' }).click();
		await owner.waitForURL(/\/courses\/[a-z2-7]{24}$/);
		const courseUrl = owner.url();
		await expect.poll(() => owner.locator('h1').textContent()).toBe('Service design for small businesses');
		await screenshot(owner, 'course');
		await expectAccessible(owner);

		await owner.getByRole('link', { name: 'Team' }).click();
		await owner.waitForURL(`${courseUrl}/team`);
		await owner.getByLabel('Role', { exact: true }).selectOption('editor');
		await owner.getByLabel('Perspective', { exact: true }).selectOption('company_partner');
		await owner.getByRole('button', { name: 'Create invite link' }).click();
		const linkField = owner.getByLabel('Invite link');
		await linkField.waitFor();
		const inviteLink = await linkField.inputValue();
		expect(inviteLink).toMatch(/\/invite\/[a-z2-7]{32}$/);
		await screenshot(owner, 'team-invite');
		await expectAccessible(owner);

		const guest = await (await browser.newContext()).newPage();
		await guest.goto(inviteLink.replace(/^https?:\/\/[^/]+/, app.url));
		await expect.poll(() => guest.locator('h1').textContent()).toBe('Service design for small businesses');
		await screenshot(guest, 'invite-logged-out');
		await expectAccessible(guest);
		await guest.getByRole('link', { name: 'Create an account to join' }).click();
		await signUp(guest, 'Pekka Partner', 'pekka@example.org');
		// Signing up from an invite joins the course on the way.
		await guest.waitForURL(courseUrl);

		await guest.getByRole('link', { name: 'Team' }).click();
		await guest.waitForURL(`${courseUrl}/team`);
		const members = guest.locator('ul.members > li');
		await expect.poll(() => members.count()).toBe(2);
		const text = await members.allTextContents();
		expect(text.join(' ')).toContain('Liisa Lecturer');
		expect(text.join(' ')).toContain('Pekka Partner');
		expect(text.join(' ')).toContain('Company partner');
		await screenshot(guest, 'team-as-editor');
		await expectAccessible(guest);

		await owner.reload();
		await expect.poll(() => owner.locator('ul.members').textContent()).toContain('Pekka Partner');
		await screenshot(owner, 'team-owner-view');

		await owner.goto(`${app.url}/courses`);
		await screenshot(owner, 'dashboard');
		await owner.goto(`${app.url}/admin`);
		await screenshot(owner, 'admin');
		await expectAccessible(owner);
	});

	it('answers 404 for a course I am not a member of, without its title', async () => {
		const stranger = await (await browser.newContext()).newPage();
		await stranger.goto(`${app.url}/signup`);
		await signUp(stranger, 'Sanna Stranger', 'sanna@example.org');
		await stranger.waitForURL(`${app.url}/courses`);
		const owner = await (await browser.newContext()).newPage();
		await owner.goto(`${app.url}/login`);
		await owner.getByLabel('Email').fill('liisa@example.org');
		await owner.getByLabel('Password').fill('a long enough password');
		await owner.getByRole('button', { name: 'Log in' }).click();
		await owner.waitForURL(`${app.url}/courses`);
		const courseHref = await owner.getByRole('link', { name: 'Service design for small businesses' }).getAttribute('href');

		const response = await stranger.goto(`${app.url}${courseHref}`);
		expect(response?.status()).toBe(404);
		expect(await stranger.content()).not.toContain('Service design');
		await screenshot(stranger, 'not-found');
	});
});
