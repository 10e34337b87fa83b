import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { multilingualSpec } from '$lib/course-spec/fixtures';
import { detectFormat, validate } from '$lib/server/exports';
import type { RunningApp } from '../support/app-server';
import { chromiumAvailable, expectAccessible, launchBrowser, screenshot } from '../support/browser';
import { buildPublishedCourse, buildUser, type PublishedCourse } from '../support/factories';
import { startSeededApp } from '../support/seeded-app';
import { scrollsSideways } from './editor-support';

// An issuer on a published course page: sees the badge, downloads every file and checks it with the
// same validation publishing runs; reads the "Issue with…" guide. The owner uploads a badge of their own.

const OWN_BADGE = `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="600" viewBox="0 0 600 600">
<script>alert('no')</script>
<rect width="600" height="600" rx="80" fill="#5b2a86"/><circle cx="300" cy="300" r="180" fill="#f4d35e"/>
<text x="300" y="320" text-anchor="middle" font-family="DejaVu Sans" font-size="64" font-weight="700" fill="#5b2a86">CPD</text></svg>`;

describe.skipIf(!chromiumAvailable())('credential exports in a browser', () => {
	let app: RunningApp;
	let browser: Browser;
	let course: PublishedCourse;
	let owner: { email: string; password: string };

	beforeAll(async () => {
		const started = await startSeededApp(async (db) => {
			const owner = await buildUser(db, { name: 'Olli Owner' });
			return { owner, course: await buildPublishedCourse(db, multilingualSpec(), { slug: 'circular-product-design', publisher: owner }) };
		});
		app = started.app;
		({ course, owner } = started.seeded);
		browser = await launchBrowser();
	});
	/** The owner, logged in, on the course's Settings page. */
	async function ownerSettings(javaScriptEnabled: boolean) {
		const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, javaScriptEnabled });
		const page = await context.newPage();
		await page.goto(`${app.url}/login`);
		await page.getByLabel('Email').fill(owner.email);
		await page.getByLabel('Password').fill(owner.password);
		await page.getByRole('button', { name: 'Log in' }).click();
		await page.waitForURL(`${app.url}/courses`);
		await page.goto(`${app.url}/courses/${course.courseId}/settings`);
		return { context, page };
	}

	afterAll(async () => {
		await browser?.close();
		await app?.stop();
	});

	it('shows the badge, downloads every export and each one validates with zero violations', async () => {
		const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
		const page = await context.newPage();
		await page.goto(`${app.url}/c/${course.slug}`);
		const badge = page.locator('img.badge-image');
		expect(await badge.getAttribute('alt')).toMatch(/^Micro-credential badge: Kiertotalouden tuotesuunnittelu, 3 ECTS, EQF level 6/);
		await expect.poll(() => badge.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(600);

		const section = page.getByRole('region', { name: 'Downloads for issuers' });
		const links = [
			'Open Badges 3.0 achievement',
			'Open Badges 3.0 credential template',
			'Europass learning opportunity (ELM)',
			'European Digital Credential template (ELM)',
			'Specification (JSON)'
		];
		for (const name of links) {
			const [download] = await Promise.all([page.waitForEvent('download'), section.getByRole('link', { name, exact: true }).click()]);
			const body = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
			const format = detectFormat(body);
			expect(format, name).not.toBeNull();
			const result = await validate(format!, body);
			expect(result.violations, `${name} (${download.suggestedFilename()})`).toEqual([]);
		}
		const [swedish] = await Promise.all([page.waitForEvent('download'), section.getByRole('link', { name: 'Swedish' }).first().click()]);
		expect(swedish.suggestedFilename()).toBe('circular-product-design-v1.sv.ob3-achievement.json');
		const [png] = await Promise.all([page.waitForEvent('download'), section.getByRole('link', { name: /Badge image/ }).click()]);
		expect(fs.readFileSync(await png.path()).subarray(1, 4).toString()).toBe('PNG');

		await page.getByText('Issue with…').click();
		expect(await page.getByRole('heading', { name: 'Europass EDC' }).isVisible()).toBe(true);
		await expectAccessible(page);
		await screenshot(page, 'exports-course-page');
		await section.screenshot({ path: 'tests/.artifacts/screenshots/exports-downloads-section.png' });
		await page.locator('header.head').screenshot({ path: 'tests/.artifacts/screenshots/exports-course-head.png' });

		await page.setViewportSize({ width: 390, height: 844 });
		expect(await scrollsSideways(page)).toBe(false);
		await expectAccessible(page);
		await screenshot(page, 'exports-course-page-phone');
		await section.screenshot({ path: 'tests/.artifacts/screenshots/exports-downloads-section-phone.png' });
		await context.close();
	});

	it('lets the owner upload a badge from Settings: a bad file is refused next to the field, an SVG is sanitised', async () => {
		const { context, page } = await ownerSettings(true);
		await expect.poll(() => page.getByRole('heading', { name: 'Badge image' }).count()).toBe(1);
		expect(await page.getByText('carry the generated badge').count()).toBe(1);
		await expectAccessible(page);

		const input = page.getByLabel('Upload your own badge');
		await input.setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not a picture') });
		await page.getByRole('button', { name: 'Upload badge' }).click();
		await expect.poll(() => page.getByText('This is neither a PNG nor an SVG file').count()).toBe(1);
		expect(await input.getAttribute('aria-invalid')).toBe('true');
		await expectAccessible(page);
		await screenshot(page, 'exports-badge-refused');

		await input.setInputFiles({ name: 'cpd.svg', mimeType: 'image/svg+xml', buffer: Buffer.from(OWN_BADGE) });
		await page.getByRole('button', { name: 'Upload badge' }).click();
		await expect.poll(() => page.getByRole('status').filter({ hasText: 'Uploaded.' }).count()).toBe(1);
		expect(await page.getByRole('status').textContent()).toContain('<script>');
		expect(await page.getByText('carry the uploaded badge').count()).toBe(1);
		const preview = page.locator('.badge-row img');
		await expect.poll(() => preview.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
		await expectAccessible(page);
		await screenshot(page, 'exports-badge-uploaded');

		// Published v1 keeps its generated badge: the upload is for the next version.
		const published = await page.request.get(`${app.url}/api/v1/specs/${course.slug}/versions/1/badge.svg`);
		expect(await published.text()).toContain('MICRO-CREDENTIAL');
		await page.getByRole('button', { name: 'Use the generated badge again' }).click();
		await expect.poll(() => page.getByText('carry the generated badge').count()).toBe(1);
		await context.close();
	});

	it('takes an uploaded PNG without JavaScript too', async () => {
		const { context, page } = await ownerSettings(false);
		const png = await (await page.request.get(`${app.url}/api/v1/specs/${course.slug}/versions/1/badge.png`)).body();
		await page.getByLabel('Upload your own badge').setInputFiles({ name: 'badge.png', mimeType: 'image/png', buffer: png });
		await page.getByRole('button', { name: 'Upload badge' }).click();
		await page.waitForLoadState();
		expect(await page.getByRole('status').textContent()).toContain('Uploaded.');
		expect(await page.getByText('the uploaded badge').count()).toBe(1);
		await screenshot(page, 'exports-badge-uploaded-nojs');
		await context.close();
	});
});
