import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { applySpec } from '$lib/course-spec/apply-spec';
import { multilingualSpec } from '$lib/course-spec/fixtures';
import { changeCourseDoc } from '$lib/server/course-docs';
import type { RunningApp } from '../support/app-server';
import { chromiumAvailable, expectAccessible, launchBrowser, screenshot } from '../support/browser';
import { buildPublishedCourse, buildUser, type PublishedCourse } from '../support/factories';
import { startSeededApp } from '../support/seeded-app';
import { openEditor } from './editor-support';
import { withoutLive } from '$lib/server/live-context';

// A course written in Finnish, Swedish and English. Its owner manages the languages in Settings while
// the editor is open in another tab; a Swedish reader gets the public page in Swedish and switches
// edition by links, with and without JavaScript.

describe.skipIf(!chromiumAvailable())('languages of a course', () => {
	let app: RunningApp;
	let browser: Browser;
	let course: PublishedCourse;
	let owner: { email: string; password: string };

	beforeAll(async () => {
		const started = await startSeededApp(async (db) => {
			const owner = await buildUser(db, { name: 'Olli Owner' });
			const course = await buildPublishedCourse(db, multilingualSpec(), { slug: 'kiertotalous', publisher: owner });
			// The live document as the team wrote it: the published texts in all three languages.
			await changeCourseDoc(withoutLive(db), course.courseId, owner.id, (doc) => applySpec(doc, multilingualSpec()));
			return { owner, course };
		});
		app = started.app;
		({ course, owner } = started.seeded);
		browser = await launchBrowser();
	});
	afterAll(async () => {
		await browser?.close();
		await app?.stop();
	});

	async function signedIn(javaScriptEnabled = true, locale = 'en-GB'): Promise<Page> {
		const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, javaScriptEnabled, locale });
		const page = await context.newPage();
		await page.goto(`${app.url}/login`);
		// By field name: the labels are in the interface language the browser asks for.
		await page.locator('input[name="email"]').fill(owner.email);
		await page.locator('input[name="password"]').fill(owner.password);
		await page.locator('input[name="password"]').press('Enter');
		await page.waitForURL(`${app.url}/courses`);
		return page;
	}

	const section = (page: Page) => page.getByRole('region', { name: 'Languages' });
	const listed = (page: Page) => section(page).locator('ul.languages > li .name > span:first-child').allTextContents();
	const editorLanguages = async (page: Page) =>
		(await page.getByRole('group', { name: 'Languages of instruction' }).locator('li').allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim());

	it('the owner adds, removes (after confirming) and changes the primary language; the open editor follows live', async () => {
		const settings = await signedIn();
		const editor = await settings.context().newPage();
		await openEditor(editor, `${app.url}/courses/${course.courseId}`);
		expect(await editorLanguages(editor)).toEqual(['Finnish primary', 'Swedish', 'English']);
		await expect.poll(() => editor.getByRole('link', { name: 'Languages are set in Settings' }).count()).toBe(1);

		await settings.goto(`${app.url}/courses/${course.courseId}/settings`);
		expect(await listed(settings)).toEqual(['Finnish', 'Swedish', 'English']);
		await expect.poll(() => section(settings).getByText('17 texts written').count()).toBe(2);
		await expectAccessible(settings);
		await section(settings).screenshot({ path: 'tests/.artifacts/screenshots/editions-settings-languages.png' });

		await section(settings).getByLabel('Add a language').selectOption({ label: 'German' });
		await section(settings).getByRole('button', { name: 'Add language' }).click();
		await expect.poll(() => section(settings).getByRole('status').textContent()).toMatch(/Added German/);
		expect(await listed(settings)).toEqual(['Finnish', 'Swedish', 'English', 'German']);
		await expect.poll(() => editorLanguages(editor)).toEqual(['Finnish primary', 'Swedish', 'English', 'German']);
		// A language without a title says so before anyone makes it primary; those with one do not.
		const hint = (language: string) => section(settings).locator('ul.languages > li', { hasText: language }).getByText(`No title in ${language} yet`);
		expect([await hint('German').count(), await hint('Swedish').count()]).toEqual([1, 0]);
		await section(settings).screenshot({ path: 'tests/.artifacts/screenshots/editions-settings-languages-untitled.png' });

		// Swedish has texts: Remove… asks first, saying how many.
		await section(settings).getByRole('button', { name: 'Remove Swedish…' }).click();
		const dialog = settings.getByRole('dialog', { name: 'Remove Swedish?' });
		await expect.poll(() => dialog.isVisible()).toBe(true);
		expect((await dialog.textContent())?.replace(/\s+/g, ' ')).toMatch(/17 texts are written in Swedish\. Removing it deletes these texts/);
		await expectAccessible(settings);
		await settings.screenshot({ path: 'tests/.artifacts/screenshots/editions-settings-remove-confirm.png' });
		await dialog.getByRole('button', { name: 'Cancel' }).click();
		expect(await listed(settings)).toContain('Swedish');
		await section(settings).getByRole('button', { name: 'Remove Swedish…' }).click();
		await dialog.getByRole('button', { name: 'Remove Swedish and its 17 texts' }).click();
		await expect.poll(() => section(settings).getByRole('status').textContent()).toMatch(/Removed Swedish/);
		expect(await listed(settings)).toEqual(['Finnish', 'English', 'German']);
		await expect.poll(() => editorLanguages(editor)).toEqual(['Finnish primary', 'English', 'German']);

		// German has nothing written yet: it goes at once.
		await section(settings).getByRole('button', { name: 'Remove German' }).click();
		await expect.poll(() => listed(settings)).toEqual(['Finnish', 'English']);

		await section(settings).getByRole('button', { name: 'Make English primary' }).click();
		await expect.poll(() => section(settings).getByRole('status').textContent()).toMatch(/English is now the primary language/);
		expect(await listed(settings)).toEqual(['English', 'Finnish']);
		await expect.poll(() => editorLanguages(editor)).toEqual(['English primary', 'Finnish']);
		// The editor now edits the English texts.
		await expect.poll(() => editor.locator('#field-title').inputValue()).toBe('Circular Product Design');

		await settings.setViewportSize({ width: 390, height: 844 });
		await expectAccessible(settings);
		await screenshot(settings, 'editions-settings-phone');
		await settings.context().close();
	});

	it('works without JavaScript: adding, the confirmation and making a language primary', async () => {
		const page = await signedIn(false);
		await page.goto(`${app.url}/courses/${course.courseId}/settings`);
		await section(page).getByLabel('Add a language').selectOption({ label: 'Swedish' });
		await section(page).getByRole('button', { name: 'Add language' }).click();
		await page.waitForLoadState();
		expect(await section(page).getByRole('status').textContent()).toMatch(/Added Swedish/);
		expect(await listed(page)).toEqual(['English', 'Finnish', 'Swedish']);
		await section(page).getByRole('button', { name: 'Make Finnish primary' }).click();
		await page.waitForLoadState();
		expect(await listed(page)).toEqual(['Finnish', 'English', 'Swedish']);
		// The popover of Remove… opens without JavaScript too.
		await section(page).getByRole('button', { name: 'Remove English…' }).click();
		const dialog = page.getByRole('dialog', { name: 'Remove English?' });
		await expect.poll(() => dialog.isVisible()).toBe(true);
		await dialog.getByRole('button', { name: /^Remove English and its \d+ texts$/ }).click();
		await page.waitForLoadState();
		expect(await section(page).getByRole('status').textContent()).toMatch(/Removed English/);
		expect(await listed(page)).toEqual(['Finnish', 'Swedish']);
		await page.context().close();
	});

	it('speaks the interface language: in Finnish, languages are named in Finnish', async () => {
		const page = await signedIn(true, 'fi-FI');
		await page.goto(`${app.url}/courses/${course.courseId}/settings`);
		const languages = page.getByRole('region', { name: 'Kielet' });
		expect(await languages.locator('ul.languages > li .name > span:first-child').allTextContents()).toEqual(['suomi', 'ruotsi']);
		expect(await languages.getByRole('button', { name: 'Tee kielestä ruotsi ensisijainen' }).count()).toBe(1);
		await expectAccessible(page);
		await languages.screenshot({ path: 'tests/.artifacts/screenshots/editions-settings-languages-fi.png' });
		await page.context().close();
	});

	for (const javaScriptEnabled of [true, false]) {
		it(`a Swedish reader gets the Swedish edition and switches by links (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async () => {
			const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE', javaScriptEnabled });
			const page = await context.newPage();
			await page.goto(`${app.url}/c/${course.slug}`);
			expect(await page.locator('h1').textContent()).toBe('Cirkulär produktdesign');
			expect(await page.locator('h1').getAttribute('lang')).toBe('sv');
			// The interface speaks Swedish to this reader too (sv-SE); the editions switcher is named in it.
			const switcher = page.getByRole('navigation', { name: 'Kursbeskrivningens språk' });
			expect(await switcher.getByRole('link').allTextContents()).toEqual(['suomi', 'svenska', 'English']);
			expect(await switcher.getByRole('link', { name: 'svenska' }).getAttribute('aria-current')).toBe('page');
			if (javaScriptEnabled) {
				await expectAccessible(page);
				await screenshot(page, 'editions-public-sv');
				await page.locator('header.head').screenshot({ path: 'tests/.artifacts/screenshots/editions-public-sv-head.png' });
			}
			await switcher.getByRole('link', { name: 'suomi' }).click();
			await page.waitForURL(`${app.url}/c/${course.slug}?lang=fi`);
			expect(await page.locator('h1').textContent()).toBe('Kiertotalouden tuotesuunnittelu');
			expect(await page.locator('h1').getAttribute('lang')).toBe('fi');
			if (javaScriptEnabled) {
				await page.setViewportSize({ width: 390, height: 844 });
				await page.goto(`${app.url}/c/${course.slug}?lang=sv`);
				await expectAccessible(page);
				await screenshot(page, 'editions-public-sv-phone');
			}
			await context.close();
		});
	}
});
