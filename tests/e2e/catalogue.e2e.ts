import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { RunningApp } from '../support/app-server';
import { chromiumAvailable, expectAccessible, launchBrowser, screenshot } from '../support/browser';
import { startSeededApp } from '../support/seeded-app';
import { buildPublishedCourse, publishNextVersion, type PublishedCourse } from '../support/factories';
import { buildDraftWithWord, englishSpec, finnishSpec } from '../support/catalogue-fixtures';
import { fullSpec } from '$lib/course-spec/fixtures';

const fitsWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

describe.skipIf(!chromiumAvailable())('public catalogue and course pages in a browser', () => {
	let app: RunningApp;
	let browser: Browser;
	let circular: PublishedCourse;

	beforeAll(async () => {
		const started = await startSeededApp(async (db) => {
			const circular = await buildPublishedCourse(db, fullSpec(), { changeNotes: '' });
			const v2 = fullSpec();
			v2.learningOutcomes[1].text.en = 'Compare materials by their life-cycle impact and cost.';
			await publishNextVersion(db, circular, v2, { changeNotes: 'Outcome 2 now covers cost as well.' });
			await buildPublishedCourse(db, finnishSpec());
			await buildPublishedCourse(db, englishSpec());
			for (let i = 1; i <= 22; i++) await buildPublishedCourse(db, englishSpec(`Service design studio ${i}`));
			const retired = await buildPublishedCourse(db, englishSpec('Accessible service design (retired)'));
			await db.updateTable('courses').set({ retired_at: new Date() }).where('id', '=', retired.courseId).execute();
			await buildDraftWithWord(db, 'quokkaworth');
			return { circular };
		});
		app = started.app;
		circular = started.seeded.circular;
		browser = await launchBrowser();
	});
	afterAll(async () => {
		await browser?.close();
		await app?.stop();
	});

	it('searches by a word from an outcome, opens the course and downloads its PDF', async () => {
		const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
		const page = await context.newPage();
		await page.goto(`${app.url}/catalogue`);
		await expect.poll(() => page.getByRole('heading', { name: /of 26 courses/ }).count()).toBe(1);
		await expectAccessible(page);
		await screenshot(page, 'catalogue');

		await page.getByLabel('Search').fill('life-cycle');
		await page.getByRole('button', { name: 'Search', exact: true }).click();
		await page.waitForURL(/q=life-cycle/);
		await expect.poll(() => page.getByRole('heading', { name: '1–1 of 1 course' }).count()).toBe(1);
		expect(await page.locator('mark').first().textContent()).toMatch(/life|cycle/i);
		await expectAccessible(page);
		await screenshot(page, 'catalogue-search');

		await page.getByRole('link', { name: 'Circular Product Design' }).click();
		await page.waitForURL(`${app.url}/c/${circular.slug}`);
		await expect.poll(() => page.getByRole('heading', { name: 'Learning outcomes' }).count()).toBe(1);
		expect(await page.locator('.outcomes').getByText('Compare materials by their life-cycle impact and cost.').count()).toBe(1);
		await expectAccessible(page);
		await screenshot(page, 'course-page');

		const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download PDF' }).click()]);
		expect(download.suggestedFilename()).toBe(`${circular.slug}-v2.pdf`);
		const file = await download.path();
		expect(fs.readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');

		await page.getByRole('link', { name: /Version history/ }).click();
		await page.waitForURL(`${app.url}/c/${circular.slug}/versions`);
		expect(await page.getByText('Outcome 2 now covers cost as well.').count()).toBe(1);
		await expectAccessible(page);
		await screenshot(page, 'course-versions');
		await page.getByRole('link', { name: 'Version 1' }).click();
		await expect.poll(() => page.getByRole('link', { name: 'See the latest version (2)' }).count()).toBe(1);
		await expectAccessible(page);
		await context.close();
	});

	it('filters, sorts and pages with the whole query in the URL; shows bad input next to its field', async () => {
		const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
		await page.goto(`${app.url}/catalogue?q=service&sort=title&form=online`);
		await expect.poll(() => page.getByRole('heading', { name: /of 2\d courses/ }).count()).toBe(1);
		expect(await page.getByLabel('Form of participation').inputValue()).toBe('online');
		await page.getByRole('link', { name: 'Page 2' }).click();
		await page.waitForURL(/page=2/);
		expect(page.url()).toContain('q=service');
		expect(page.url()).toContain('sort=title');
		// Retired courses come last, marked.
		await expect.poll(() => page.getByText('Retired', { exact: true }).count()).toBe(1);
		await screenshot(page, 'catalogue-page-2');

		await page.goto(`${app.url}/catalogue?ectsMin=5&ectsMax=1`);
		await expect.poll(() => page.locator('#ectsMax-error').textContent()).toContain('must not be below the minimum');
		expect(await page.locator('input[name="ectsMax"]').getAttribute('aria-invalid')).toBe('true');
		await expectAccessible(page);
		await screenshot(page, 'catalogue-error');
		await page.close();
	});

	it('works without JavaScript: search, filter, open a course', async () => {
		const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
		const page = await context.newPage();
		await page.goto(`${app.url}/catalogue`);
		await page.getByLabel('Search').fill('yritys');
		await page.getByRole('button', { name: 'Search', exact: true }).click();
		await page.waitForURL(/q=yritys/);
		expect(await page.getByRole('heading', { name: '1–1 of 1 course' }).count()).toBe(1);
		await page.locator('summary').click();
		await page.getByRole('search').getByLabel('Language').selectOption('en');
		await page.getByRole('button', { name: 'Apply filters' }).click();
		await page.waitForURL(/lang=en/);
		expect(await page.getByText('No published courses match.').count()).toBe(1);
		await page.goto(`${app.url}/catalogue?q=yritys`);
		await page.getByRole('link', { name: 'Vastuullinen liiketoiminta' }).click();
		await page.waitForURL(/\/c\//);
		// A Finnish course: its document reads in Finnish, whatever the interface language.
		expect(await page.getByRole('heading', { name: 'Osaamistavoitteet' }).count()).toBe(1);
		await screenshot(page, 'course-page-nojs');
		await context.close();
	});

	it('fits a 390 px phone without sideways scrolling', async () => {
		const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
		for (const path of ['/catalogue?q=design', `/c/${circular.slug}`, `/c/${circular.slug}/versions`, '/c/no-such-course']) {
			await page.goto(`${app.url}${path}`);
			expect(await fitsWidth(page), path).toBe(true);
			await expectAccessible(page);
		}
		await page.goto(`${app.url}/catalogue?q=design`);
		await page.locator('summary').click();
		expect(await fitsWidth(page)).toBe(true);
		await screenshot(page, 'catalogue-phone');
		await page.goto(`${app.url}/c/${circular.slug}`);
		await screenshot(page, 'course-page-phone');
		await page.close();
	});

	it('prints as a clean A4 document', async () => {
		const page = await browser.newPage({ viewport: { width: 794, height: 1123 } });
		await page.goto(`${app.url}/c/${circular.slug}`);
		await page.emulateMedia({ media: 'print' });
		expect(await page.getByRole('link', { name: 'Download PDF' }).isVisible()).toBe(false);
		expect(await page.locator('.masthead').isVisible()).toBe(false);
		await screenshot(page, 'course-page-print');
		fs.writeFileSync(`${import.meta.dirname}/../.artifacts/screenshots/course-page-print.pdf`, await page.pdf({ preferCSSPageSize: true }));
		await page.close();
	});
});
