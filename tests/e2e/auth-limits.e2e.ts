import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startApp, type RunningApp } from '../support/app-server';
import { chromiumAvailable, expectAccessible, launchBrowser, screenshot } from '../support/browser';
import { PASSWORD, signUpAs } from '../support/flows';

describe.skipIf(!chromiumAvailable())('messages for hostile or hasty input on the auth forms', () => {
	let app: RunningApp;
	let browser: Browser;

	beforeAll(async () => {
		// As behind a proxy that appends the client's address: each browser context plays another client.
		app = await startApp({ env: { ADDRESS_HEADER: 'x-forwarded-for', XFF_DEPTH: '1' } });
		browser = await launchBrowser();
	});
	afterAll(async () => {
		await browser?.close();
		await app?.stop();
	});

	it('refuses a pasted control character in the name with a message next to the field', async () => {
		const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
		await page.goto(`${app.url}/signup`);
		await signUpAs(page, 'Pasted\u0000 Name', 'pasted@example.org');
		await expect.poll(() => page.locator('#field-name-error').textContent()).toContain('invisible control character (U+0000)');
		expect(await page.getByLabel('Your name').getAttribute('aria-invalid')).toBe('true');
		await expectAccessible(page);
		await screenshot(page, 'signup-control-character-phone');
		await page.context().close();
	});

	it('says how long to wait once failed logins are being spaced out, and lets the owner in afterwards', async () => {
		const at = (address: string) =>
			browser.newPage({ viewport: { width: 390, height: 844 }, extraHTTPHeaders: { 'x-forwarded-for': address } });
		const owner = await at('198.51.100.10');
		await owner.goto(`${app.url}/signup`);
		await signUpAs(owner, 'Olli Owner', 'olli@example.org');
		await owner.waitForURL(`${app.url}/courses`);
		await owner.getByRole('button', { name: 'Log out' }).click();
		await owner.waitForURL(`${app.url}/`);

		const stranger = await at('203.0.113.66');
		await stranger.goto(`${app.url}/login`);
		const alert = stranger.getByRole('alert');
		// Wrong passwords until the account spaces attempts out (after five, waits of 2 s, 4 s, 8 s, …).
		for (let attempt = 0; attempt < 12; attempt++) {
			await stranger.getByLabel('Email').fill('olli@example.org');
			await stranger.getByLabel('Password').fill('not the password at all');
			await stranger.getByRole('button', { name: 'Log in' }).click();
			await expect.poll(() => alert.textContent()).toMatch(/do not match|spaced out/);
			if (/spaced out/.test((await alert.textContent()) ?? '')) break;
			// The next attempt must not find the alert of this one.
			await stranger.goto(`${app.url}/login`);
		}
		expect(await alert.textContent()).toMatch(/attempts are spaced out\. Wait \d+ seconds? and try again\./);
		await expectAccessible(stranger);
		await screenshot(stranger, 'login-spaced-out-phone');

		// The owner, where they signed up, is not slowed down by any of it.
		await owner.goto(`${app.url}/login`);
		await owner.getByLabel('Email').fill('olli@example.org');
		await owner.getByLabel('Password').fill(PASSWORD);
		await owner.getByRole('button', { name: 'Log in' }).click();
		await owner.waitForURL(`${app.url}/courses`);
		await owner.context().close();
		await stranger.context().close();
	});
});
