import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { fullSpec } from '$lib/course-spec/fixtures';
import type { RunningApp } from '../support/app-server';
import { chromiumAvailable, expectAccessible, launchBrowser, screenshot } from '../support/browser';
import { englishSpec } from '../support/catalogue-fixtures';
import { buildPublishedCourse, buildUser, type PublishedCourse } from '../support/factories';
import { PASSWORD } from '../support/flows';
import { startSeededApp } from '../support/seeded-app';

// A coordinator builds a pathway of two published courses without JavaScript (every step is a form),
// sees the 60 ECTS flag come and go, publishes it, and the pathway shows on its page, on the courses'
// pages and in the catalogue; the same pages at phone width with JavaScript, checked by axe there.

const fitsWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

describe.skipIf(!chromiumAvailable())('stackable pathways in a browser', () => {
	let app: RunningApp;
	let browser: Browser;
	let design: PublishedCourse;
	let email: string;

	beforeAll(async () => {
		const started = await startSeededApp(async (db) => {
			await db.updateTable('provider_profile').set({ organisation_name: 'Example University of Applied Sciences', country: 'FI', website: 'https://www.example.fi' }).execute();
			const coordinator = await buildUser(db, { name: 'Cora Coordinator', password: PASSWORD });
			await db.updateTable('users').set({ role: 'coordinator' }).where('id', '=', coordinator.id).execute();
			const design = await buildPublishedCourse(db, fullSpec());
			const repair = englishSpec('Repair economics for SMEs');
			repair.ectsCredits = 4;
			await buildPublishedCourse(db, repair);
			const big = englishSpec('Industrial engineering year');
			big.ectsCredits = 55;
			await buildPublishedCourse(db, big);
			return { design, email: coordinator.email };
		});
		app = started.app;
		({ design, email } = started.seeded);
		browser = await launchBrowser();
	}, 300_000);
	afterAll(async () => {
		await browser?.close();
		await app?.stop();
	});

	async function logIn(javaScript: boolean, viewport = { width: 1280, height: 900 }) {
		const context = await browser.newContext({ viewport, javaScriptEnabled: javaScript });
		const page = await context.newPage();
		// A step that cannot happen fails in seconds with its locator, not at the test's timeout.
		page.setDefaultTimeout(10_000);
		await page.goto(`${app.url}/login`);
		await page.getByLabel('Email').fill(email);
		await page.getByLabel('Password').fill(PASSWORD);
		await page.getByRole('button', { name: 'Log in' }).click();
		await page.waitForURL(`${app.url}/courses`);
		return { context, page };
	}

	const addCourse = async (page: Page, title: string) => {
		await page.getByLabel('Title or address').fill(title.split(' ')[0]);
		await page.getByRole('button', { name: 'Find' }).click();
		await page.getByRole('button', { name: `Add: ${title}` }).click();
		await page.getByRole('status').filter({ hasText: 'Part added.' }).waitFor();
	};

	it('builds, checks and publishes a pathway without JavaScript', { timeout: 180_000 }, async () => {
		const { context, page } = await logIn(false);
		await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Pathways' }).click();
		await page.waitForURL(`${app.url}/pathways`);

		// A bad address is refused next to its field, with what was typed kept.
		await page.getByLabel('Title', { exact: true }).fill('Sustainable manufacturing');
		await page.getByLabel('Address', { exact: true }).fill('Not an address!');
		await page.getByLabel('Description', { exact: true }).fill('Short courses for designers and engineers moving their products towards circular production.');
		await page.getByRole('button', { name: 'Create pathway' }).click();
		await page.getByText('Use lower-case letters, digits and single hyphens').waitFor();
		expect(await page.getByLabel('Title', { exact: true }).inputValue()).toBe('Sustainable manufacturing');
		await screenshot(page, 'pathways-new-error');
		await page.getByLabel('Address', { exact: true }).fill('sustainable-manufacturing');
		await page.getByRole('button', { name: 'Create pathway' }).click();
		await page.waitForURL(/\/pathways\/[a-z2-7]{24}$/);
		const editor = page.url();

		await addCourse(page, 'Circular Product Design');
		await addCourse(page, 'Industrial engineering year');
		await addCourse(page, 'Repair economics for SMEs');
		// 3 + 55 + 4 = 62 ECTS: flagged, with the reason.
		await page.getByText('Degree-sized: 60 ECTS or more.').waitFor();
		expect(await page.getByText('All 3 parts: 62 ECTS').count()).toBe(1);
		await screenshot(page, 'pathway-editor-flagged');

		await page.getByRole('button', { name: 'Remove: Industrial engineering year' }).click();
		await page.getByRole('status').filter({ hasText: 'Part removed.' }).waitFor();
		expect(await page.getByText('Degree-sized').count()).toBe(0);
		await page.getByRole('button', { name: 'Move up: Repair economics for SMEs' }).click();
		await page.getByRole('status').filter({ hasText: 'Order changed.' }).waitFor();
		expect(await page.locator('.parts .what > a').allTextContents()).toEqual(['Repair economics for SMEs', 'Circular Product Design']);

		// Any 1 of 2 parts.
		await page.getByRole('radio', { name: 'Some of its parts' }).check();
		await page.getByLabel('How many parts').fill('1');
		await page.getByRole('button', { name: 'Save details' }).click();
		await page.getByRole('status').filter({ hasText: 'Details saved.' }).waitFor();
		expect(await page.getByText('Any 1 of 2 parts: 3–4 ECTS').count()).toBe(1);

		await page.getByRole('button', { name: 'Publish pathway' }).click();
		await page.getByRole('status').filter({ hasText: 'The pathway is published.' }).waitFor();
		expect(await page.getByLabel('Address', { exact: true }).getAttribute('readonly')).not.toBeNull();
		await screenshot(page, 'pathway-editor-published');

		await page.getByRole('link', { name: 'Public page: /p/sustainable-manufacturing' }).click();
		await page.waitForURL(`${app.url}/p/sustainable-manufacturing`);
		expect(await page.getByRole('heading', { level: 1, name: 'Sustainable manufacturing' }).count()).toBe(1);
		expect(await page.getByText('Any 1 of 2').count()).toBe(1);
		await screenshot(page, 'pathway-public');

		await page.getByRole('link', { name: 'Circular Product Design' }).click();
		await page.waitForURL(`${app.url}/c/${design.slug}`);
		await page.getByRole('heading', { name: 'Part of a pathway' }).waitFor();
		await page.locator('.pathways').screenshot({ path: 'tests/.artifacts/screenshots/course-part-of-pathway.png' });

		await page.goto(`${app.url}/catalogue`);
		await page.getByRole('heading', { name: 'Learning pathways' }).waitFor();
		expect(await page.getByRole('link', { name: 'Sustainable manufacturing' }).count()).toBe(1);
		await screenshot(page, 'catalogue-pathways');

		expect(editor).toMatch(/\/pathways\//);
		await context.close();
	});

	it('fits a phone with JavaScript: the list, the editor and the public page', { timeout: 120_000 }, async () => {
		const { context, page } = await logIn(true, { width: 390, height: 844 });
		await page.goto(`${app.url}/pathways`);
		expect(await fitsWidth(page)).toBe(true);
		await expectAccessible(page);
		await screenshot(page, 'pathways-list-phone');
		await page.getByRole('link', { name: 'Sustainable manufacturing' }).click();
		await page.waitForURL(/\/pathways\/[a-z2-7]{24}$/);
		// The enhanced forms answer in place.
		await page.getByRole('button', { name: 'Move down: Repair economics for SMEs' }).click();
		await page.getByRole('status').filter({ hasText: 'Order changed.' }).waitFor();
		expect(await fitsWidth(page)).toBe(true);
		await expectAccessible(page);
		await screenshot(page, 'pathway-editor-phone');
		await page.goto(`${app.url}/p/sustainable-manufacturing`);
		expect(await page.locator('.parts h3').allTextContents()).toEqual(['Circular Product Design', 'Repair economics for SMEs']);
		expect(await fitsWidth(page)).toBe(true);
		await expectAccessible(page);
		await screenshot(page, 'pathway-public-phone');
		await page.goto(`${app.url}/c/${design.slug}`);
		await page.getByRole('heading', { name: 'Part of a pathway' }).waitFor();
		await expectAccessible(page);
		await page.goto(`${app.url}/catalogue`);
		await page.getByRole('heading', { name: 'Learning pathways' }).waitFor();
		await expectAccessible(page);
		await context.close();
	});
});
