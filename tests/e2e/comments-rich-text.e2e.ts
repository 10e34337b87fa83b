import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startApp, type RunningApp } from '../support/app-server';
import { chromiumAvailable, expectAccessible, launchBrowser } from '../support/browser';
import { acceptInvite, createCourse, createInviteLink, newPerson } from '../support/flows';
import { openEditor, scrollsSideways, viewportShot } from './editor-support';

// A student commenter selects words in the course summary (rich text) by keyboard and comments on
// them; the lecturer sees the words highlighted live, opens the thread from the highlight, and the
// highlight goes when the thread is resolved.

describe.skipIf(!chromiumAvailable())('comments on rich text', () => {
	let app: RunningApp;
	let browser: Browser;
	let lecturer: Page;
	let student: Page;
	let courseUrl: string;
	const wrapper = (page: Page) => page.locator('#field-summary-wrapper');
	const editor = (page: Page) => wrapper(page).locator('.ProseMirror');
	/** The field's text, without the names on others' carets. */
	const editorText = (page: Page) =>
		editor(page).evaluate((node) => {
			const copy = node.cloneNode(true) as HTMLElement;
			copy.querySelectorAll('.collaboration-carets__caret').forEach((caret) => caret.remove());
			return copy.textContent;
		});
	const summaryText = 'Platform economies change how firms compete. Students compare three business models.';

	beforeAll(async () => {
		app = await startApp();
		browser = await launchBrowser();
		lecturer = await newPerson(browser, app.url, 'Liisa Lecturer');
		courseUrl = await createCourse(lecturer, app.url, 'Platform economy for entrepreneurs');
		const link = await createInviteLink(lecturer, courseUrl, app.url, 'commenter', 'student');
		student = await newPerson(browser, app.url, 'Sanna Student');
		await acceptInvite(student, link);
		await openEditor(lecturer, courseUrl);
		await editor(lecturer).click();
		await lecturer.keyboard.type(summaryText);
		await openEditor(student, courseUrl);
		await student.waitForFunction(
			(text) => {
				const copy = document.querySelector('#field-summary-wrapper .ProseMirror')?.cloneNode(true) as HTMLElement | undefined;
				copy?.querySelectorAll('.collaboration-carets__caret').forEach((caret) => caret.remove());
				return copy?.textContent === text;
			},
			summaryText,
			{ timeout: 10_000 }
		);
	}, 120_000);
	afterAll(async () => {
		await browser?.close();
		await app?.stop();
	});

	it('a commenter selects words by keyboard and comments; typing changes nothing; the lecturer sees the highlight live', async () => {
		await editor(student).focus();
		await student.keyboard.press('Control+End');
		// A commenter's keys do not change the text (and nothing is sent).
		await student.keyboard.type('x');
		await student.keyboard.press('Backspace');
		await student.keyboard.press('Enter');
		expect(await editorText(student)).toBe(summaryText);
		// Select "business models" leftwards from just before the full stop, keyboard only.
		await student.keyboard.press('ArrowLeft');
		for (let i = 0; i < 'business models'.length; i++) await student.keyboard.press('Shift+ArrowLeft');
		expect(await student.evaluate(() => window.getSelection()?.toString())).toBe('business models');

		await student.keyboard.press('Shift+Tab');
		await student.keyboard.press('Shift+Tab');
		await expect.poll(() => student.evaluate(() => document.activeElement?.textContent)).toMatch(/^Comment on Summary/);
		await student.keyboard.press('Enter');
		await expect.poll(() => student.evaluate(() => document.activeElement?.id ?? '')).toMatch(/^compose-.*-body$/);
		await expect.poll(() => wrapper(student).locator('blockquote, .quote').first().textContent()).toContain('business models');
		await student.keyboard.type('Which three? Name them so we can align the assessment.');
		await student.keyboard.press('Control+Enter');

		const thread = wrapper(lecturer).getByRole('article', { name: 'Comment by Sanna Student' });
		await thread.waitFor({ timeout: 10_000 });
		await expect.poll(() => thread.textContent()).toContain('business models');
		const highlight = editor(lecturer).locator('.comment-highlight');
		await expect.poll(() => highlight.textContent(), { timeout: 10_000 }).toBe('business models');
		await expect.poll(() => editor(student).locator('.comment-highlight').textContent()).toBe('business models');
		expect(await editorText(lecturer)).toBe(summaryText);
		await wrapper(lecturer).scrollIntoViewIfNeeded();
		await viewportShot(lecturer, 'comments-rich-highlight');
	});

	it('the highlight follows the lecturer typing before it, and clicking it focuses the thread', async () => {
		await editor(lecturer).click();
		await lecturer.keyboard.press('Control+Home');
		await lecturer.keyboard.type('Digital ');
		await expect.poll(() => editorText(student), { timeout: 10_000 }).toBe(`Digital ${summaryText}`);
		await expect.poll(() => editor(student).locator('.comment-highlight').textContent()).toBe('business models');

		await editor(student).locator('.comment-highlight').click();
		await expect.poll(() => student.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Comment by Sanna Student');
		await viewportShot(student, 'comments-rich-thread');
		await expectAccessible(student);
		await expectAccessible(lecturer);

		await student.setViewportSize({ width: 390, height: 844 });
		await wrapper(student).scrollIntoViewIfNeeded();
		await viewportShot(student, 'comments-rich-phone');
		expect(await scrollsSideways(student)).toBe(false);
		await student.setViewportSize({ width: 1400, height: 900 });
	});

	it('a resolved thread loses its highlight for everyone', async () => {
		const thread = wrapper(lecturer).getByRole('article', { name: 'Comment by Sanna Student' });
		await thread.getByRole('button', { name: 'Resolve' }).click();
		await expect.poll(() => editor(lecturer).locator('.comment-highlight').count(), { timeout: 10_000 }).toBe(0);
		await expect.poll(() => editor(student).locator('.comment-highlight').count(), { timeout: 10_000 }).toBe(0);
	});
});
