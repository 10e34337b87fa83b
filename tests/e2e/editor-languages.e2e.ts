import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startApp, type RunningApp } from '../support/app-server';
import { chromiumAvailable, expectAccessible, launchBrowser, screenshot } from '../support/browser';
import { PASSWORD } from '../support/flows';
import { connected, scrollsSideways, viewportShot } from './editor-support';

// The editor, its live checks and its comments in Finnish and in Swedish: a person whose browser
// asks for Finnish writes an outcome, comments on it, then switches the interface to Swedish.

const DESKTOP = { width: 1400, height: 900 };
const PHONE = { width: 390, height: 844 };

/** Words of the English interface that must not be left in the editor's own text. */
const ENGLISH = [
	'Learning outcomes', 'Overview', 'Modules', 'Assessment', 'Credential details', 'required', 'Comment',
	'Comments', 'Suggest', 'Add', 'Quality checks', 'Alignment', 'Connected', 'Undo', 'Redo', 'Title',
	'Summary', 'Workload', 'Not chosen', 'Delete', 'mandatory', 'Formatting', 'Bold', 'Reply', 'Resolve',
	'Live checks', 'EU completeness', 'outcome', 'People in this course'
];

/** The text of the editor itself (the course tabs and header belong to other pages' work). */
const editorText = (page: Page) =>
	page.evaluate(() =>
		['.bar', '.comments-bar', '.editor', '#comments-panel', '.summary-bar']
			.flatMap((selector) => [...document.querySelectorAll<HTMLElement>(selector)].map((e) => e.innerText))
			.join('\n')
	);

/** Elements that stick out to the right of a phone's screen, named for the failure message. */
const widerThanThePhone = (page: Page) =>
	page.evaluate(() =>
		[...document.querySelectorAll<HTMLElement>('body *')]
			.filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1 && e.getClientRects().length > 0)
			// The innermost ones: they are what pushes their containers out.
			.filter((e, _, all) => !all.some((other) => other !== e && e.contains(other)))
			.map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} ${Math.round(e.getBoundingClientRect().right)}: ${e.innerText?.slice(0, 40)}`)
			.slice(0, 10)
	);

async function expectNoEnglish(page: Page): Promise<void> {
	const text = await editorText(page);
	const left = ENGLISH.filter((word) => new RegExp(`\\b${word}\\b`).test(text));
	expect(left, 'English left in the editor').toEqual([]);
}

describe.skipIf(!chromiumAvailable())('the editor in Finnish and Swedish', () => {
	let app: RunningApp;
	let browser: Browser;
	let context: BrowserContext;
	let page: Page;
	let courseUrl: string;

	beforeAll(async () => {
		app = await startApp();
		browser = await launchBrowser();
		context = await browser.newContext({ locale: 'fi-FI', viewport: DESKTOP });
		page = await context.newPage();
		await page.goto(`${app.url}/signup`);
		await page.getByLabel('Nimesi').fill('Aino Opettaja');
		await page.getByLabel('Sähköposti').fill(`aino.${Date.now()}@example.org`);
		await page.getByLabel('Salasana').fill(PASSWORD);
		await page.getByRole('button', { name: 'Luo tili' }).click();
		await page.waitForURL(`${app.url}/courses`);
		await page.getByLabel('Nimi').fill('Kiertotalouden liiketoimintamallit');
		await page.getByRole('button', { name: 'Luo opintojakso' }).click();
		await page.waitForURL(/\/courses\/[a-z2-7]{24}$/);
		courseUrl = page.url();
		await connected(page);
	}, 120_000);
	afterAll(async () => {
		await browser?.close();
		await app?.stop();
	});

	it('shows the form, the live checks and comments in Finnish, server errors included', async () => {
		expect(await page.locator('#heading-outcomes').textContent()).toBe('Osaamistavoitteet');
		await page.getByRole('button', { name: '+ Lisää osaamistavoite' }).click();
		const outcome = page.locator('textarea[id^="field-outcomeText-"]');
		await outcome.waitFor();
		await outcome.focus();
		// The course is written in English (its primary language), so the rules read the English text.
		await page.keyboard.type('Understand the circular economy');
		// The rules word their findings in the page's language, numbers and item labels included.
		await expect.poll(() => page.locator('.panel').innerText()).toContain('OT1 käyttää verbiä, jota ei voi havaita');
		await expect.poll(() => page.locator('[data-testid="connection-status"]').textContent()).toContain('kaikki muutokset lähetetty');

		const wrapper = page.locator('[id^="field-outcomeText-"][id$="-wrapper"]');
		await wrapper.getByRole('button', { name: /^Kommentoi/ }).click();
		const body = wrapper.getByRole('combobox', { name: 'Kommentti' });
		await body.waitFor();
		// An empty comment is refused by the server, in the language of the request.
		await wrapper.getByRole('button', { name: 'Kommentoi', exact: true }).click();
		await expect.poll(() => wrapper.getByRole('alert').textContent()).toBe('Kirjoita ensin kommentti.');
		await body.fill('Voisiko tämän sanoa havaittavalla verbillä?');
		await wrapper.getByRole('button', { name: 'Kommentoi', exact: true }).click();
		await wrapper.getByRole('button', { name: 'Vastaa', exact: true }).waitFor();

		await page.getByRole('button', { name: /^Kommentit/ }).click();
		await page.locator('#comments-panel').waitFor();
		expect(await page.locator('#comments-panel').innerText()).toContain('1 avoin keskustelu');
		await expectNoEnglish(page);
		await expectAccessible(page);
		await screenshot(page, 'i18n-editor-fi-desktop');
		await viewportShot(page, 'i18n-editor-fi-desktop-top');
		await wrapper.scrollIntoViewIfNeeded();
		await viewportShot(page, 'i18n-editor-fi-desktop-outcome');
		await page.getByRole('button', { name: 'Sulje', exact: true }).click();

		await page.setViewportSize(PHONE);
		await page.locator('.summary-bar').waitFor();
		expect(await scrollsSideways(page)).toBe(false);
		await expectNoEnglish(page);
		await viewportShot(page, 'i18n-editor-fi-phone');
		await page.getByRole('button', { name: /Reaaliaikaiset tarkistukset/ }).click();
		await page.getByRole('dialog').waitFor();
		expect(await scrollsSideways(page)).toBe(false);
		await viewportShot(page, 'i18n-editor-fi-phone-checks');
		await page.getByRole('dialog').getByRole('button', { name: 'Sulje', exact: true }).click();
		await page.setViewportSize(DESKTOP);
	});

	it('switches to Swedish and shows the same editor in Swedish', async () => {
		await page.getByRole('button', { name: 'svenska' }).click();
		await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('sv');
		await page.goto(courseUrl);
		await connected(page);
		expect(await page.locator('#heading-outcomes').textContent()).toBe('Lärandemål');
		expect(await page.locator('#heading-credential').textContent()).toBe('Uppgifter om mikroexamen');
		await expect.poll(() => page.locator('.panel').innerText()).toContain('LM1 använder ett verb');
		const wrapper = page.locator('[id^="field-outcomeText-"][id$="-wrapper"]');
		await wrapper.getByRole('button', { name: 'Svara', exact: true }).waitFor();
		expect(await wrapper.locator('article').getAttribute('aria-label')).toBe('Kommentar av Aino Opettaja');
		await page.getByRole('button', { name: /^Kommentarer/ }).click();
		await page.locator('#comments-panel').waitFor();
		await expectNoEnglish(page);
		await expectAccessible(page);
		await screenshot(page, 'i18n-editor-sv-desktop');
		await page.setViewportSize(PHONE);
		await viewportShot(page, 'i18n-editor-sv-phone');
		await page.getByRole('button', { name: 'Stäng', exact: true }).click();
		await page.locator('#comments-panel').waitFor({ state: 'detached' });
		await viewportShot(page, 'i18n-editor-sv-phone-form');
		expect(await widerThanThePhone(page)).toEqual([]);
		await page.setViewportSize(DESKTOP);
	});
});
