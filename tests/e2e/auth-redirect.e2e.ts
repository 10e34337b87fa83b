import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startApp, type RunningApp } from '../support/app-server';
import { chromiumAvailable, expectAccessible, launchBrowser, screenshot } from '../support/browser';
import { PASSWORD, signUpAs } from '../support/flows';

// Links such as /login?next=%2F%09%2Fevil.example used to send people to evil.example after a real
// login: browsers drop the tab and read "//evil.example". Whatever next holds, the browser stays here.
const TRICKS = ['/\t/evil.example', '/\r/evil.example', '/\n/evil.example', '//evil.example', '/\\evil.example', '/.//evil.example', 'https://evil.example/'];

describe.skipIf(!chromiumAvailable())('logging in through a link with a hostile next', () => {
	let app: RunningApp;
	let browser: Browser;
	const email = `redirect.${Date.now()}@example.org`;

	beforeAll(async () => {
		app = await startApp();
		browser = await launchBrowser();
		const page = await browser.newPage();
		await page.goto(`${app.url}/signup`);
		await signUpAs(page, 'Rita Redirect', email);
		await page.waitForURL(`${app.url}/courses`);
		await page.context().close();
	});
	afterAll(async () => {
		await browser?.close();
		await app?.stop();
	});

	for (const javaScriptEnabled of [true, false]) {
		it.each(TRICKS)(`stays on the origin for next=%j (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async (next) => {
			const context = await browser.newContext({ javaScriptEnabled, viewport: { width: 390, height: 844 } });
			const page = await context.newPage();
			await page.goto(`${app.url}/login?next=${encodeURIComponent(next)}`);
			await page.getByLabel('Email').fill(email);
			await page.getByLabel('Password').fill(PASSWORD);
			await page.getByRole('button', { name: 'Log in' }).click();
			await page.waitForURL((url) => url.pathname === '/courses' || !url.href.startsWith(app.url));
			expect(new URL(page.url()).origin).toBe(new URL(app.url).origin);
			expect(new URL(page.url()).pathname).toBe('/courses');

			// Signed in, the same link goes straight to the courses, also on this origin.
			await page.goto(`${app.url}/login?next=${encodeURIComponent(next)}`);
			expect(page.url()).toBe(`${app.url}/courses`);
			await context.close();
		});
	}

	it('follows a same-origin next, with its query', async () => {
		const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
		const page = await context.newPage();
		await page.goto(`${app.url}/login?next=${encodeURIComponent('/courses?show=archived')}`);
		await expectAccessible(page);
		await screenshot(page, 'login-with-next-phone');
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
		await page.getByLabel('Email').fill(email);
		await page.getByLabel('Password').fill(PASSWORD);
		await page.getByRole('button', { name: 'Log in' }).click();
		await page.waitForURL(`${app.url}/courses?show=archived`);
		await context.close();
	});
});
