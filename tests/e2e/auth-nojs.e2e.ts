import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { startApp, type RunningApp } from '../support/app-server';
import { chromiumAvailable, launchBrowser, screenshot } from '../support/browser';

describe.skipIf(!chromiumAvailable())('sign up and log in without JavaScript', () => {
	let app: RunningApp;
	let browser: Browser;
	let context: BrowserContext;

	beforeAll(async () => {
		app = await startApp();
		browser = await launchBrowser();
		context = await browser.newContext({ javaScriptEnabled: false });
	});
	afterAll(async () => {
		await browser?.close();
		await app?.stop();
	});

	it('signs up, logs out, fails a login with a generic message, then logs in', async () => {
		const page = await context.newPage();
		await page.goto(`${app.url}/signup`);
		await page.getByLabel('Your name').fill('Noora No-Script');
		await page.getByLabel('Email').fill('noora@example.org');
		await page.getByLabel('Password').fill('short');
		await page.getByRole('button', { name: 'Create account' }).click();
		await expect.poll(() => page.locator('#field-password-error').textContent()).toContain('at least 10');
		// The name and email survive the round trip; the password is never echoed.
		expect(await page.getByLabel('Email').inputValue()).toBe('noora@example.org');
		expect(await page.getByLabel('Password').inputValue()).toBe('');
		await screenshot(page, 'nojs-signup-error');

		await page.getByLabel('Password').fill('a long enough password');
		await page.getByRole('button', { name: 'Create account' }).click();
		await page.waitForURL(`${app.url}/courses`);
		expect(await page.locator('header').textContent()).toContain('Noora No-Script');

		await page.getByRole('button', { name: 'Log out' }).click();
		await page.waitForURL(`${app.url}/`);

		await page.goto(`${app.url}/login`);
		await page.getByLabel('Email').fill('noora@example.org');
		await page.getByLabel('Password').fill('a wrong password!!');
		await page.getByRole('button', { name: 'Log in' }).click();
		await expect.poll(() => page.getByRole('alert').textContent()).toContain('do not match an account');
		await screenshot(page, 'nojs-login-error');

		await page.getByLabel('Password').fill('a long enough password');
		await page.getByRole('button', { name: 'Log in' }).click();
		await page.waitForURL(`${app.url}/courses`);
		expect(await page.locator('h1').textContent()).toBe('Your courses');
	});
});
