import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startApp, type RunningApp } from '../support/app-server';
import { chromiumAvailable, expectAccessible, launchBrowser, screenshot } from '../support/browser';
import { createCourse, newPerson } from '../support/flows';

const PHONE = { width: 360, height: 740 };

/** Presses Tab until the focused element matches, as a keyboard user moves through a form. */
async function tabTo(page: Page, selector: string, limit = 80): Promise<void> {
	for (let i = 0; i < limit; i++) {
		await page.keyboard.press('Tab');
		if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
	}
	throw new Error(`Tab never reached ${selector}`);
}

/** Chooses a value on a radio group by keyboard: into the group, Space on the first, arrows to the value. */
async function chooseByKeyboard(page: Page, name: string, steps: number): Promise<void> {
	await tabTo(page, `input[type="radio"][name="${name}"]`);
	await page.keyboard.press('Space');
	for (let i = 0; i < steps; i++) await page.keyboard.press('ArrowRight');
}

const noHorizontalScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
const connected = (page: Page) => page.locator('[data-testid="connection-status"][data-status="connected"][data-unsent="false"]').waitFor({ timeout: 20_000 });

describe.skipIf(!chromiumAvailable())('pilot feedback rounds', () => {
	let app: RunningApp;
	let browser: Browser;
	let owner: Page;
	let courseUrl: string;
	let roundUrl: string;
	let anonymousLink: string;

	beforeAll(async () => {
		app = await startApp();
		browser = await launchBrowser();
		owner = await newPerson(browser, app.url, 'Liisa Lecturer');
	});
	afterAll(async () => {
		await browser?.close();
		await app?.stop();
	});

	it('starts from a spec with outcomes and a module, saved as a version', async () => {
		courseUrl = await createCourse(owner, app.url, 'Circular product design');
		await connected(owner);
		for (const text of ['Apply circular-design principles to a product', 'Compare materials by their life-cycle impact']) {
			await owner.getByRole('button', { name: '+ Add outcome' }).click();
			await expect.poll(() => owner.evaluate(() => document.activeElement?.id ?? '')).toMatch(/^field-outcomeText-/);
			await owner.keyboard.type(text);
		}
		await owner.getByRole('button', { name: '+ Add module' }).click();
		await expect.poll(() => owner.evaluate(() => document.activeElement?.id ?? '')).toMatch(/^field-moduleTitle-/);
		await owner.keyboard.type('Materials and LCA');
		await owner.locator('input[id^="field-moduleHours-"]').first().pressSequentially('12');
		await connected(owner);
		await owner.goto(`${courseUrl}/history`);
		await owner.getByLabel('Version name').fill('Ready for the pilot');
		await owner.getByRole('button', { name: 'Save version' }).click();
		await expect.poll(() => owner.getByRole('status').filter({ hasText: 'Saved v1' }).count()).toBe(1);
	});
	it('creates a round from a saved version and previews its form at phone width', async () => {
		await owner.getByRole('link', { name: 'Feedback' }).click();
		await owner.waitForURL(`${courseUrl}/feedback`);
		await expect.poll(() => owner.getByText('No rounds yet.').count()).toBe(1);
		await expectAccessible(owner);
		await owner.getByRole('link', { name: 'New round' }).click();
		await owner.waitForURL(`${courseUrl}/feedback/new`);
		expect(await owner.getByLabel('Version to ask about').inputValue()).toBe('1');
		// A missing title is said next to the field.
		await owner.getByRole('button', { name: 'Create round' }).click();
		await expect.poll(() => owner.locator('#field-title-error').textContent()).toContain('Give the round a title');
		await screenshot(owner, 'feedback-new-round');
		await expectAccessible(owner);
		await owner.getByLabel('Title', { exact: true }).fill('Spring pilot');
		await owner.getByLabel('Introduction (optional)').fill('Tell us how the course worked for you.');
		await owner.getByRole('button', { name: 'Create round' }).click();
		await owner.waitForURL(/\/feedback\/[a-z2-7]{24}\/questions\?created=1$/);
		roundUrl = owner.url().replace(/\/questions\?created=1$/, '');
		const questions = owner.locator('ol.questions > li');
		// Two outcomes × 3, one module × 2, four overall.
		await expect.poll(() => questions.count()).toBe(12);
		expect(await questions.nth(0).textContent()).toContain('How relevant is this outcome to your work or studies?');

		// A custom question, moved up one place.
		await owner.getByLabel('Type').selectOption('single');
		await owner.getByLabel('Question', { exact: true }).last().fill('How did you take part?');
		await owner.locator('#field-add-options').fill('On campus\nOnline');
		await owner.getByRole('button', { name: 'Add question' }).click();
		await expect.poll(() => questions.count()).toBe(13);
		await owner.getByRole('button', { name: 'Move question 13 up' }).click();
		await expect.poll(() => questions.nth(11).textContent()).toContain('How did you take part?');
		await screenshot(owner, 'feedback-questions');
		await expectAccessible(owner);

		await owner.getByRole('link', { name: 'Preview', exact: true }).first().click();
		await owner.waitForURL(`${roundUrl}/preview`);
		await owner.getByRole('link', { name: 'Phone (360 px)' }).click();
		await owner.waitForURL(`${roundUrl}/preview?width=phone`);
		const frame = owner.getByTestId('preview-frame');
		expect(await frame.evaluate((el) => el.clientWidth)).toBe(360);
		expect(await frame.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
		expect(await frame.getByText('Apply circular-design principles to a product').count()).toBe(1);
		expect(await frame.getByRole('button', { name: 'Send my feedback' }).isDisabled()).toBe(true);
		await screenshot(owner, 'feedback-preview-phone');
		await expectAccessible(owner);

		await owner.goto(roundUrl);
		await owner.getByRole('button', { name: 'Create anonymous link' }).click();
		const field = owner.getByLabel('Anonymous link', { exact: true });
		await field.waitFor();
		anonymousLink = (await field.inputValue()).replace(/^https?:\/\/[^/]+/, app.url);
		expect(anonymousLink).toMatch(/\/r\/[a-z2-7]{32}$/);
		await screenshot(owner, 'feedback-round-overview');
		await expectAccessible(owner);
	});

	it('takes an answer from a 360 px phone by keyboard alone, keeps the draft over a reload, and updates the results live', async () => {
		await owner.goto(`${roundUrl}/results`);
		await expect.poll(() => owner.getByTestId('response-count').textContent()).toBe('0 responses');

		const phone = await (await browser.newContext({ viewport: PHONE })).newPage();
		await phone.goto(anonymousLink);
		await expect.poll(() => phone.getByRole('heading', { level: 1 }).textContent()).toBe('Spring pilot');
		expect(await phone.locator('header.topbar').count()).toBe(0);
		// Each rating is a radio group named by its question, with labelled choices.
		const relevance = phone.getByRole('radiogroup', { name: /How relevant is this outcome/ });
		await expect.poll(() => relevance.count()).toBe(2);
		expect(await relevance.first().getByRole('radio', { name: '1, Not relevant' }).count()).toBe(1);
		expect(await relevance.first().getByRole('radio', { name: '5, Very relevant' }).count()).toBe(1);
		expect(await noHorizontalScroll(phone)).toBe(true);
		await expectAccessible(phone);

		const names = await phone.evaluate(() => [...new Set([...document.querySelectorAll<HTMLInputElement>('form input[type="radio"]')].map((i) => i.name))]);
		const [perspective, ...ratings] = names;
		expect(perspective).toBe('perspective');
		await chooseByKeyboard(phone, 'perspective', 0); // Student
		await chooseByKeyboard(phone, ratings[0], 3); // relevance 4
		await chooseByKeyboard(phone, ratings[1], 1); // clarity 2
		await tabTo(phone, 'textarea[name$=".comment"]');
		await phone.keyboard.type('More real products, please.');
		await expect.poll(() => phone.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('co-course.feedback-draft.')).length)).toBe(1);

		// A reload in the middle keeps everything typed and chosen so far.
		await phone.reload();
		await expect.poll(() => phone.locator(`input[name="${ratings[0]}"][value="4"]`).isChecked()).toBe(true);
		expect(await phone.locator(`input[name="${ratings[1]}"][value="2"]`).isChecked()).toBe(true);
		expect(await phone.locator('input[name="perspective"][value="student"]').isChecked()).toBe(true);
		expect(await phone.locator('textarea[name$=".comment"]').first().inputValue()).toBe('More real products, please.');
		await screenshot(phone, 'feedback-form-phone');

		// Sending with required answers missing says so next to each, and in a summary that takes the focus.
		await tabTo(phone, 'button[type="submit"]');
		await phone.keyboard.press('Enter');
		await expect.poll(() => phone.locator('.summary').textContent()).toContain('answers need your attention');
		expect(await phone.evaluate(() => document.activeElement?.classList.contains('summary'))).toBe(true);
		expect(await phone.locator('.question.has-error').count()).toBe(3);
		await screenshot(phone, 'feedback-form-phone-errors');
		await expectAccessible(phone);

		await chooseByKeyboard(phone, ratings[2], 4); // second outcome relevance 5
		await chooseByKeyboard(phone, ratings[3], 2); // clarity 3
		await tabTo(phone, 'input[name$=".hours"]');
		await phone.keyboard.type('14,5');
		await chooseByKeyboard(phone, 'overall.recommend', 9); // 9
		await tabTo(phone, 'button[type="submit"]');
		await phone.keyboard.press('Enter');
		await phone.waitForURL(`${anonymousLink}/thanks`);
		await expect.poll(() => phone.getByRole('heading', { level: 1 }).textContent()).toContain('Thank you for your feedback');
		expect(await phone.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('co-course.feedback-draft.')).length)).toBe(0);
		expect(await noHorizontalScroll(phone)).toBe(true);
		await screenshot(phone, 'feedback-thanks-phone');
		await expectAccessible(phone);

		// The team's open results page picks the answer up by itself, charts included, each with its table.
		await expect.poll(() => owner.getByTestId('response-count').textContent(), { timeout: 20_000 }).toBe('1 response');
		const charts = owner.getByTestId('chart');
		await expect.poll(() => owner.locator('[data-testid="chart"] svg').count()).toBeGreaterThanOrEqual(4);
		expect(await owner.getByTestId('chart-table').count()).toBe(await charts.count());
		const hoursTable = owner.getByRole('table', { name: 'Hours per module' });
		expect(await hoursTable.locator('tbody tr').first().textContent()).toMatch(/Materials and LCA\s*12\s*14\.5/);
		expect(await owner.getByRole('table', { name: 'Relevance per learning outcome' }).locator('tbody tr').first().textContent()).toMatch(/LO1\s*4\s*1\s*0\s*0\s*0\s*1\s*0/);
		expect(await owner.getByText('More real products, please.').count()).toBe(1);
		await owner.getByRole('button', { name: 'Show the numbers' }).first().click();
		await screenshot(owner, 'feedback-results');
		await expectAccessible(owner);
		await phone.context().close();
	});

	it('takes an answer without JavaScript, with messages from the server next to each question', async () => {
		const context = await browser.newContext({ viewport: PHONE, javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto(anonymousLink);
		await page.getByRole('button', { name: 'Send my feedback' }).click();
		await expect.poll(() => page.locator('.question.has-error').count()).toBe(5);
		expect(await page.locator('#about-perspective-error').textContent()).toContain('Choose how you answer.');
		// (axe needs the page's JavaScript; the same messages were checked with it in the phone test.)
		await screenshot(page, 'feedback-form-nojs-errors');
		await page.getByText('Company partner or entrepreneur').click();
		for (const group of await page.locator('fieldset:has(.scale)').all()) {
			await group.getByRole('radio').nth(2).check();
		}
		await page.locator('textarea[name="overall.comment"]').fill('Good pace.');
		await page.getByRole('button', { name: 'Send my feedback' }).click();
		await page.waitForURL(`${anonymousLink}/thanks`);
		expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('Thank you for your feedback');
		await context.close();

		await owner.goto(`${roundUrl}/items`);
		const items = owner.locator('li.item');
		await expect.poll(() => items.count()).toBeGreaterThanOrEqual(3);
		const item = items.filter({ hasText: 'More real products, please.' });
		await item.getByLabel('Accepted').check();
		await item.getByLabel('What you did, or why not').fill('Module 1 now starts from a partner’s product.');
		await item.getByRole('button', { name: 'Save decision' }).click();
		await expect.poll(() => item.getByRole('status').textContent()).toContain('Saved');
		await expect.poll(() => owner.getByRole('link', { name: 'Accepted (1)' }).count()).toBe(1);
		await screenshot(owner, 'feedback-items');
		await expectAccessible(owner);
	});

	it('tells participants clearly when a round has not opened yet and when it has closed', async () => {
		await owner.goto(roundUrl);
		const settings = owner.locator('form[action="?/settings"]');
		await settings.getByLabel('Opens').fill('2031-03-01T09:00');
		await settings.getByLabel('Closes').fill('2031-03-15T16:00');
		await settings.getByLabel('Time zone').selectOption('Europe/Helsinki');
		await settings.getByRole('button', { name: 'Save settings' }).click();
		await expect.poll(() => owner.getByRole('status').filter({ hasText: 'Settings saved' }).count()).toBe(1);

		const page = await (await browser.newContext({ viewport: PHONE })).newPage();
		await page.goto(anonymousLink);
		await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('This feedback round has not opened yet');
		expect(await page.locator('.status').textContent()).toMatch(/It opens on 1 March 2031\D+09:00/);
		expect(await page.locator('form').count()).toBe(0);
		await screenshot(page, 'feedback-not-open');
		await expectAccessible(page);

		await settings.getByLabel('Opens').fill('2020-03-01T09:00');
		await settings.getByLabel('Closes').fill('2020-03-15T16:00');
		await settings.getByRole('button', { name: 'Save settings' }).click();
		await expect.poll(() => owner.locator('.round-head .meta').textContent()).toContain('Closed');
		await page.reload();
		await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('This feedback round has closed');
		expect(await page.locator('.status').textContent()).toContain('15 March 2020');
		await screenshot(page, 'feedback-closed');
		await expectAccessible(page);

		await page.goto(`${app.url}/r/${'a'.repeat(32)}`);
		await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('This link does not work');
		await expectAccessible(page);
		await page.context().close();
	});

	it('fits every team page on a 390 px phone', async () => {
		await owner.setViewportSize({ width: 390, height: 844 });
		for (const [path, name] of [
			['', 'overview'],
			['/questions', 'questions'],
			['/results', 'results'],
			['/items', 'items']
		] as const) {
			await owner.goto(`${roundUrl}${path}`);
			await owner.locator('.round-head').waitFor();
			const wide = await owner.evaluate(() =>
				[...document.querySelectorAll('body *')]
					.filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1)
					.slice(0, 5)
					.map((el) => `${el.tagName}.${el.className}`)
			);
			expect(await noHorizontalScroll(owner), `${path} ${wide.join(' | ')}`).toBe(true);
			await screenshot(owner, `feedback-team-phone-${name}`);
		}
		await owner.goto(`${courseUrl}/feedback`);
		expect(await noHorizontalScroll(owner)).toBe(true);
		await owner.setViewportSize({ width: 1400, height: 900 });
	});
});
