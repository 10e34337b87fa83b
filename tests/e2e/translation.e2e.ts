import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startApp, type RunningApp } from '../support/app-server';
import { chromiumAvailable, expectAccessible, launchBrowser, screenshot } from '../support/browser';
import { acceptInvite, createCourse, createInviteLink, newPerson } from '../support/flows';
import { connected, openEditor, scrollsSideways, viewportShot } from './editor-support';

// Side-by-side translation as two people use it: a lecturer writes the primary text while a
// colleague translates into Swedish beside it, each seeing the other's work as it happens.

const translations = (page: Page) => page.getByRole('region', { name: 'Translations' });

describe.skipIf(!chromiumAvailable())('translating a course side by side', () => {
	let app: RunningApp;
	let browser: Browser;
	let lecturer: Page;
	let translator: Page;
	let courseUrl: string;

	beforeAll(async () => {
		app = await startApp();
		browser = await launchBrowser();
		lecturer = await newPerson(browser, app.url, 'Liisa Lecturer');
		courseUrl = await createCourse(lecturer, app.url, 'Circular product design');
		const link = await createInviteLink(lecturer, courseUrl, app.url, 'editor', 'lecturer');
		translator = await newPerson(browser, app.url, 'Sara Svensson');
		await acceptInvite(translator, link);
		// The owner adds Swedish in Settings, where a course's languages are set.
		await lecturer.goto(`${courseUrl}/settings`);
		await lecturer.getByLabel('Add a language').selectOption({ label: 'Swedish' });
		await lecturer.getByRole('button', { name: 'Add language' }).click();
		await lecturer.getByRole('status').filter({ hasText: 'Added Swedish' }).waitFor();
		await openEditor(lecturer, courseUrl);
		await openEditor(translator, courseUrl);
	});
	afterAll(async () => {
		await browser?.close();
		await app?.stop();
	});

	it('shows the primary text and the Swedish translation side by side, both live', async () => {
		await translator.getByLabel('Translate into').selectOption({ label: 'Svenska' });
		await expect.poll(() => translator.url()).toContain('translate=sv');
		const swedishTitle = translator.locator('#field-title-sv');
		await swedishTitle.waitFor();
		// Every translatable field has its Swedish side, none of the others.
		expect(await translator.locator('#field-summary-wrapper').getByRole('textbox', { name: 'Summary Svenska' }).count()).toBe(1);
		expect(await translator.locator('#field-prerequisites-sv').count()).toBe(1);
		expect(await translator.locator('#field-ectsCredits-sv').count()).toBe(0);

		// The lecturer's primary text reaches the translator's left-hand side as it is typed.
		await lecturer.locator('#field-title').fill('Circular product design for small firms');
		await expect.poll(() => translator.locator('#field-title').inputValue()).toBe('Circular product design for small firms');
		await expect.poll(() => translations(lecturer).textContent()).toContain('0/1 fields translated');

		// The translator's Swedish reaches the lecturer: the panel counts it at once.
		await swedishTitle.click();
		await translator.keyboard.type('Cirkulär produktdesign för små företag');
		await expect.poll(() => translations(lecturer).textContent()).toContain('1/1 fields translated');
		await expect.poll(() => translations(translator).textContent()).toContain('Svenska');

		// Rich text too, with the same editor as the primary.
		const swedishSummary = translator.getByRole('textbox', { name: 'Summary Svenska' });
		await swedishSummary.click();
		await translator.keyboard.type('Utforma produkter som kan repareras.');
		await lecturer.getByLabel('Translate into').selectOption({ label: 'Svenska' });
		await expect
			.poll(() => lecturer.getByRole('textbox', { name: 'Summary Svenska' }).textContent())
			.toContain('Utforma produkter som kan repareras.');
		// …and the translator's caret is shown where they are.
		await swedishTitle.click();
		await translator.keyboard.press('End');
		await expect.poll(() => lecturer.locator('#field-title-wrapper .caret .label').textContent()).toContain('Sara');
		await lecturer.getByLabel('Translate into').selectOption({ label: '— Not translating —' });
		await expect.poll(() => lecturer.locator('#field-title-sv').count()).toBe(0);
	});

	it('marks the translation "source changed" with what changed when the lecturer edits the source, until confirmed', async () => {
		const titleSide = translator.locator('#field-title-wrapper');
		await lecturer.locator('#field-title').fill('Circular product design for small manufacturers');
		await expect.poll(() => titleSide.textContent()).toContain('Source changed');
		expect(await titleSide.locator('del').first().textContent()).toContain('firms');
		expect(await titleSide.locator('ins').first().textContent()).toContain('manufacturers');
		await expect.poll(() => translations(lecturer).textContent()).toContain('1 source changed');
		await expectAccessible(translator);
		await screenshot(translator, 'translation-side-by-side');

		await titleSide.getByRole('button', { name: /Still correct/ }).click();
		await expect.poll(() => titleSide.textContent()).not.toContain('Source changed');
		await expect.poll(() => translations(lecturer).textContent()).not.toContain('source changed');

		// Editing the translation clears the mark as well.
		await lecturer.locator('#field-title').fill('Circular product design for manufacturers');
		await expect.poll(() => titleSide.textContent()).toContain('Source changed');
		await translator.locator('#field-title-sv').click();
		await translator.keyboard.press('End');
		await translator.keyboard.type('.');
		await expect.poll(() => titleSide.textContent()).not.toContain('Source changed');
	});

	it('runs the outcome-verb rule on the Swedish text, next to it', async () => {
		await lecturer.getByRole('button', { name: '+ Add outcome' }).click();
		await lecturer.keyboard.type('Compare materials by their life-cycle impact.');
		const swedish = translator.locator('textarea[id^="field-outcomeText-"][id$="-sv"]').first();
		await swedish.waitFor();
		await swedish.click();
		await translator.keyboard.type('Studenten förstår materialens livscykel.');
		const outcome = translator.locator('[id^="field-outcomeText-"][id$="-wrapper"]').first();
		await expect.poll(() => outcome.textContent()).toContain('LO1 (Swedish) uses a verb that cannot be observed');
		await swedish.fill('Studenten kan jämföra material utifrån livscykeln.');
		await expect.poll(() => outcome.textContent()).not.toContain('cannot be observed');
	});

	it('stacks the two languages on a phone, without sideways scrolling', async () => {
		await translator.setViewportSize({ width: 390, height: 844 });
		await translator.reload();
		await connected(translator);
		await translator.locator('#field-title-sv').waitFor();
		const [source, translation] = await Promise.all([
			translator.locator('#field-title').boundingBox(),
			translator.locator('#field-title-sv').boundingBox()
		]);
		expect(translation!.y).toBeGreaterThan(source!.y + source!.height - 1);
		expect(await scrollsSideways(translator)).toBe(false);
		await translator.locator('#field-title-sv').evaluate((el) => el.scrollIntoView({ block: 'center' }));
		await viewportShot(translator, 'translation-phone');
		await expectAccessible(translator);
	});
});
