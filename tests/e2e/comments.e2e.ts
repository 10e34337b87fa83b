import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startApp, type RunningApp } from '../support/app-server';
import { chromiumAvailable, expectAccessible, launchBrowser, screenshot } from '../support/browser';
import { acceptInvite, createCourse, createInviteLink, newPerson } from '../support/flows';
import { addItem, openEditor, scrollsSideways, viewportShot } from './editor-support';

// A lecturer, a student and a company partner improve an outcome through comments and a suggestion,
// each in their own browser, everything arriving live.

describe.skipIf(!chromiumAvailable())('comments and suggestions', () => {
	let app: RunningApp;
	let browser: Browser;
	let lecturer: Page;
	let student: Page;
	let partner: Page;
	let courseUrl: string;
	let outcomeId: string;
	const outcome = (page: Page) => page.locator(`#field-outcomeText-${outcomeId}`);
	const margin = (page: Page) => page.locator(`#field-outcomeText-${outcomeId}-wrapper`);

	beforeAll(async () => {
		app = await startApp();
		browser = await launchBrowser();
		lecturer = await newPerson(browser, app.url, 'Liisa Lecturer');
		courseUrl = await createCourse(lecturer, app.url, 'Platform economy for entrepreneurs');
		const studentLink = await createInviteLink(lecturer, courseUrl, app.url, 'commenter', 'student');
		const partnerLink = await createInviteLink(lecturer, courseUrl, app.url, 'commenter', 'company_partner');
		student = await newPerson(browser, app.url, 'Sanna Student');
		await acceptInvite(student, studentLink);
		partner = await newPerson(browser, app.url, 'Pekka Partner');
		await acceptInvite(partner, partnerLink);
		await openEditor(lecturer, courseUrl);
		outcomeId = await addItem(lecturer, 'outcome', 'Analyse platform business models');
		for (const page of [student, partner]) await openEditor(page, courseUrl);
		await student.waitForFunction(
			(id) => (document.getElementById(id) as HTMLTextAreaElement | null)?.value === 'Analyse platform business models',
			`field-outcomeText-${outcomeId}`
		);
	}, 120_000);
	afterAll(async () => {
		await browser?.close();
		await app?.stop();
	});

	it('a student selects text in an outcome and comments by keyboard; the lecturer sees it live and replies with an @mention', async () => {
		// Select "platform business" with the keyboard, then go back to the field's Comment button.
		await outcome(student).focus();
		await student.keyboard.press('Home');
		for (let i = 0; i < 'Analyse '.length; i++) await student.keyboard.press('ArrowRight');
		for (let i = 0; i < 'platform business'.length; i++) await student.keyboard.press('Shift+ArrowRight');
		const selection = () => outcome(student).evaluate((t: HTMLTextAreaElement) => t.value.slice(t.selectionStart, t.selectionEnd));
		expect(await selection()).toBe('platform business');
		await student.keyboard.press('Shift+Tab');
		await student.keyboard.press('Shift+Tab');
		await expect.poll(() => student.evaluate(() => document.activeElement?.textContent)).toMatch(/^Comment on Learning outcome/);
		expect(await selection()).toBe('platform business');
		await student.keyboard.press('Enter');
		await expect.poll(() => student.evaluate(() => document.activeElement?.id ?? '')).toMatch(/^compose-.*-body$/);
		await student.keyboard.type('Which platforms do you mean? Airbnb-style marketplaces?');
		await student.keyboard.press('Control+Enter');

		const thread = margin(lecturer).getByRole('article', { name: 'Comment by Sanna Student' });
		await thread.waitFor({ timeout: 10_000 });
		await expect.poll(() => thread.textContent()).toContain('platform business');
		// The commented words are highlighted in the field.
		await expect.poll(() => margin(lecturer).locator('mark').textContent()).toBe('platform business');
		await margin(lecturer).scrollIntoViewIfNeeded();
		await viewportShot(lecturer, 'comments-margin');

		const reply = thread.getByRole('combobox', { name: 'Reply' });
		await reply.click();
		await lecturer.keyboard.type('@San');
		await lecturer.getByRole('option', { name: /Sanna Student/ }).waitFor();
		await lecturer.keyboard.press('Enter');
		// Type on only once the mention is in: keys typed while the list is still closing could be lost.
		await expect.poll(() => reply.inputValue()).toContain('@Sanna Student');
		await lecturer.keyboard.type('marketplaces and gig work, both.');
		await expect.poll(() => reply.inputValue()).toContain('marketplaces and gig work, both.');
		await lecturer.keyboard.press('Control+Enter');
		await expect.poll(() => thread.textContent(), { timeout: 10_000 }).toContain('marketplaces and gig work, both.');
		await expect.poll(() => margin(student).locator('.mention').first().textContent(), { timeout: 10_000 }).toBe('@Sanna Student');
		await viewportShot(lecturer, 'comments-thread');
		await expectAccessible(lecturer);
	});

	it('the student gets the notification of the mention', async () => {
		await student.goto(`${app.url}/notifications`);
		const item = student.getByText('Liisa Lecturer mentioned you in a comment on “Platform economy for entrepreneurs”');
		await item.waitFor();
		expect(await student.getByText('marketplaces and gig work, both.').count()).toBeGreaterThan(0);
		await screenshot(student, 'comments-notification');
		await item.click();
		await student.waitForURL(/\/courses\/[a-z2-7]{24}/);
		await student.getByRole('complementary', { name: 'All comments' }).waitFor();
		await screenshot(student, 'comments-panel-from-link');
		await student.getByRole('button', { name: 'Close' }).click();
	});

	it('a company partner suggests a rewritten outcome; the lecturer accepts it and both see the new text', async () => {
		await partner.locator(`#field-outcomeText-${outcomeId}-wrapper`).getByRole('button', { name: /^Suggest a change to Learning outcome/ }).click();
		const proposed = partner.getByLabel('Suggested text');
		await proposed.fill('Evaluate platform business models for a small company');
		await partner.getByRole('combobox', { name: 'Why (optional)' }).fill('“Evaluate” can be assessed; “analyse” is vague for us.');
		await partner.getByRole('button', { name: 'Suggest', exact: true }).click();

		const suggestion = margin(lecturer).getByRole('article', { name: 'Suggestion by Pekka Partner' });
		await suggestion.waitFor({ timeout: 10_000 });
		expect(await suggestion.locator('ins').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('Evaluate')]));
		await suggestion.scrollIntoViewIfNeeded();
		await viewportShot(lecturer, 'comments-suggestion');
		await suggestion.getByRole('button', { name: 'Accept' }).click();

		for (const page of [lecturer, partner]) {
			await expect.poll(() => outcome(page).inputValue(), { timeout: 10_000 }).toBe('Evaluate platform business models for a small company');
		}
		await expect.poll(() => margin(partner).getByRole('article', { name: 'Suggestion by Pekka Partner' }).count()).toBe(0);
	});

	it('the panel lists every thread with filters, fits a phone and passes axe', async () => {
		await lecturer.getByRole('button', { name: /^Comments/ }).click();
		const panel = lecturer.getByRole('complementary', { name: 'All comments' });
		await panel.waitFor();
		await panel.getByLabel('Resolved').check();
		await panel.getByRole('article', { name: 'Suggestion by Pekka Partner' }).waitFor();
		await viewportShot(lecturer, 'comments-panel-resolved');
		await panel.getByLabel('Resolved').uncheck();
		await panel.getByLabel('Perspective').selectOption('student');
		await panel.getByRole('article', { name: 'Comment by Sanna Student' }).waitFor();
		await expectAccessible(lecturer);
		await panel.getByRole('button', { name: 'Close' }).click();

		await student.setViewportSize({ width: 390, height: 844 });
		await openEditor(student, courseUrl);
		await margin(student).scrollIntoViewIfNeeded();
		await viewportShot(student, 'comments-phone');
		expect(await scrollsSideways(student)).toBe(false);
		await student.getByRole('button', { name: /^Comments/ }).click();
		await viewportShot(student, 'comments-panel-phone');
		expect(await scrollsSideways(student)).toBe(false);
		await expectAccessible(student);
	});

	it('the contributions tab shows who took part and how, by person and perspective', async () => {
		await lecturer.goto(`${courseUrl}/contributions`);
		await lecturer.getByRole('heading', { name: 'By perspective' }).waitFor();
		expect(await lecturer.getByText('Co-created with 1 student and 1 company partner').count()).toBe(1);
		const pekka = lecturer.locator('ul.people > li', { hasText: 'Pekka Partner' });
		expect(await pekka.textContent()).toContain('1 suggestion, 1 accepted');
		// The accepted suggestion was stored as Pekka's edit of the outcome.
		expect(await pekka.textContent()).toContain('Learning outcomes:');
		await screenshot(lecturer, 'comments-contributions');
		await expectAccessible(lecturer);
	});
});
