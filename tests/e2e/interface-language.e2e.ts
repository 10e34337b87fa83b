import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startApp, type RunningApp } from '../support/app-server';
import { chromiumAvailable, expectAccessible, launchBrowser, screenshot } from '../support/browser';
import { PASSWORD } from '../support/flows';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };

/** Nothing may stick out sideways: long Finnish compounds must wrap, not overflow a phone. */
async function expectNoHorizontalOverflow(page: Page): Promise<void> {
	const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
	expect(overflow, `horizontal overflow on ${page.url()}`).toBeLessThanOrEqual(0);
}

async function shoot(page: Page, name: string): Promise<void> {
	for (const [size, viewport] of [['desktop', DESKTOP], ['phone', PHONE]] as const) {
		await page.setViewportSize(viewport);
		await screenshot(page, `${name}-${size}`);
		await expectNoHorizontalOverflow(page);
	}
	await page.setViewportSize(DESKTOP);
}

describe.skipIf(!chromiumAvailable())('the interface in English, Finnish and Swedish', () => {
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

	it('follows Accept-Language, switches in the header, and remembers the choice for the account', async () => {
		const finnish = await browser.newContext({ locale: 'fi-FI', viewport: DESKTOP });
		const page = await finnish.newPage();
		await page.goto(`${app.url}/login`);
		expect(await page.locator('html').getAttribute('lang')).toBe('fi');
		expect(await page.locator('h1').textContent()).toBe('Kirjaudu sisään');
		await expectAccessible(page);
		await shoot(page, 'i18n-login-fi');

		await page.goto(`${app.url}/signup`);
		await page.getByLabel('Nimesi').fill('Aino Ainutlaatuinen');
		await page.getByLabel('Sähköposti').fill('aino@example.org');
		await page.getByLabel('Salasana').fill('lyhyt');
		await page.getByRole('button', { name: 'Luo tili' }).click();
		await expect.poll(() => page.locator('#field-password-error').textContent()).toBe('Käytä vähintään 10 merkkiä.');
		// The error shows while the form is still finishing its submit: fill the password again only once
		// the form is idle, so that nothing it does afterwards can touch the new value.
		await expect.poll(() => page.getByRole('button', { name: 'Luo tili' }).isEnabled()).toBe(true);
		await page.getByLabel('Salasana').fill(PASSWORD);
		expect(await page.getByLabel('Salasana').inputValue()).toBe(PASSWORD);
		await page.getByRole('button', { name: 'Luo tili' }).click();
		await page.waitForURL(`${app.url}/courses`);
		expect(await page.locator('h1').textContent()).toBe('Omat opintojaksot');

		await page.getByLabel('Nimi').fill('Kiertotalouden liiketoimintamallit pk-yrityksille');
		await page.getByRole('button', { name: 'Luo opintojakso' }).click();
		await page.waitForURL(/\/courses\/[a-z2-7]{24}$/);
		await page.goto(`${app.url}/courses`);
		await expect.poll(() => page.locator('.course .meta').textContent()).toContain('1 jäsen');
		await expectAccessible(page);
		await shoot(page, 'i18n-dashboard-fi');

		// The switcher is a plain form: it saves the choice and comes back to the same page.
		await page.getByRole('button', { name: 'svenska' }).click();
		await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('sv');
		expect(page.url()).toBe(`${app.url}/courses`);
		expect(await page.locator('h1').textContent()).toBe('Dina kurser');
		expect(await page.getByRole('button', { name: 'svenska' }).getAttribute('aria-pressed')).toBe('true');
		await expectAccessible(page);
		await shoot(page, 'i18n-dashboard-sv');

		await page.getByRole('button', { name: 'Logga ut' }).click();
		await page.waitForURL(`${app.url}/`);
		await finnish.close();

		// A browser that never saw the choice, asking for Finnish: the account's setting wins.
		const elsewhere = await browser.newContext({ locale: 'fi-FI', viewport: DESKTOP });
		const again = await elsewhere.newPage();
		await again.goto(`${app.url}/login`);
		expect(await again.locator('h1').textContent()).toBe('Kirjaudu sisään');
		await again.getByLabel('Sähköposti').fill('aino@example.org');
		await again.getByLabel('Salasana').fill(PASSWORD);
		await again.getByRole('button', { name: 'Kirjaudu sisään' }).click();
		await again.waitForURL(`${app.url}/courses`);
		expect(await again.locator('h1').textContent()).toBe('Dina kurser');
		await elsewhere.close();
	});

	it('lets visitors without an account switch, without JavaScript', async () => {
		const context = await browser.newContext({ locale: 'en-GB', javaScriptEnabled: false, viewport: DESKTOP });
		const page = await context.newPage();
		await page.goto(`${app.url}/login`);
		expect(await page.locator('h1').textContent()).toBe('Log in');
		await page.getByRole('button', { name: 'svenska' }).click();
		await expect.poll(() => page.locator('h1').textContent()).toBe('Logga in');
		expect(page.url()).toBe(`${app.url}/login`);
		await page.getByLabel('E-post').fill('nobody@example.org');
		await page.getByLabel('Lösenord').fill('a wrong password!!');
		await page.getByRole('button', { name: 'Logga in' }).click();
		await expect.poll(() => page.getByRole('alert').textContent()).toBe('E-postadressen och lösenordet matchar inget konto.');
		await shoot(page, 'i18n-login-sv');
		await context.close();
	});

	it('gives concurrent requests each their own language', async () => {
		const languages = ['fi', 'sv', 'en'] as const;
		const headings = { fi: 'Kirjaudu sisään', sv: 'Logga in', en: 'Log in' };
		const requests = Array.from({ length: 30 }, (_, i) => languages[i % 3]);
		const pages = await Promise.all(
			requests.map(async (language) => {
				const response = await fetch(`${app.url}/login`, { headers: { 'accept-language': `${language};q=0.9` } });
				return { language, html: await response.text() };
			})
		);
		for (const { language, html } of pages) {
			expect(html).toContain(`<html lang="${language}" data-ui-locale="${language}">`);
			expect(html).toContain(`<h1>${headings[language]}</h1>`);
		}
	});
});
