import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { extractText, getDocumentProxy } from 'unpdf';
import { multilingualSpec } from '$lib/course-spec/fixtures';
import { addPart, createPathway, setPathwayPublished } from '$lib/server/pathways';
import type { RunningApp } from '../support/app-server';
import { chromiumAvailable, expectAccessible, launchBrowser, screenshot } from '../support/browser';
import { buildPublishedCourse, buildUser, type PublishedCourse } from '../support/factories';
import { buildPerson } from '../support/review';
import { finnishSpec } from '../support/catalogue-fixtures';
import { startSeededApp } from '../support/seeded-app';

// The public pages (catalogue, a course in three languages, its versions, a pathway, a missing page)
// and the course's Settings walked by a Finnish and by a Swedish reader: none of the interface's
// English may be left in the main content, nothing may stick out at phone width, and axe is clean.

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };

/** English the converted pages used to say; in Finnish or Swedish none of it may remain. */
const ENGLISH: Record<string, string[]> = {
	catalogue: ['Course catalogue', 'Search', 'Filters', 'Field of study', 'Any field', 'Newest first', 'Learning pathways', 'published', 'Apply filters'],
	course: [
		'Micro-credential specification',
		'Download PDF',
		'Downloads for issuers',
		'Version history',
		'About the course',
		'Learning outcomes',
		'After completing',
		'Published specification',
		'Content hash',
		'Other languages',
		'Issue with',
		'Part of a pathway',
		// Field labels and vocabulary values of the document, worded in the edition's language.
		'ECTS credits',
		'Workload',
		'Learning setting',
		'Languages of instruction',
		'Target group',
		'Awarding body'
	],
	versions: ['Version history', 'First publication', 'Published', 'Latest'],
	pathway: ['Learning pathway', 'To complete', 'All parts', 'Credits', 'Download ELM', 'Each part'],
	settings: ['Course settings', 'Badge image', 'Rename', 'Archive course', 'Upload your own badge', 'generated badge'],
	missing: ['We could not find', 'Go to the course catalogue']
};

async function expectNoEnglish(page: Page, words: string[]): Promise<void> {
	const text = await page.locator('main').innerText();
	for (const word of words) expect(text, `“${word}” on ${page.url()}`).not.toMatch(new RegExp(`\\b${word}\\b`));
}

async function expectNoHorizontalOverflow(page: Page): Promise<void> {
	const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
	expect(overflow, `horizontal overflow on ${page.url()}`).toBeLessThanOrEqual(0);
}

async function check(page: Page, name: string, words: string[]): Promise<void> {
	await expectNoEnglish(page, words);
	await expectAccessible(page);
	for (const [size, viewport] of [['desktop', DESKTOP], ['phone', PHONE]] as const) {
		await page.setViewportSize(viewport);
		await screenshot(page, `${name}-${size}`);
		await expectNoHorizontalOverflow(page);
	}
	await page.setViewportSize(DESKTOP);
}

describe.skipIf(!chromiumAvailable())('public pages and course settings in Finnish and Swedish', () => {
	let app: RunningApp;
	let browser: Browser;
	let course: PublishedCourse;
	let owner: { email: string; password: string };

	beforeAll(async () => {
		const started = await startSeededApp(async (db) => {
			await db.updateTable('provider_profile').set({ organisation_name: 'Esimerkkiammattikorkeakoulu', country: 'FI', website: 'https://www.example.fi' }).execute();
			const owner = await buildUser(db, { name: 'Olli Omistaja' });
			const course = await buildPublishedCourse(db, multilingualSpec(), { slug: 'kiertotalous', publisher: owner });
			const coordinator = await buildPerson(db, 'Kaisa Koordinaattori', 'coordinator');
			const pathway = await createPathway(db, coordinator, {
				title: 'Kestävä valmistus',
				slug: 'kestava-valmistus',
				description: 'Opintojaksoja kohti kiertotaloutta.',
				language: 'fi',
				requirement: 'all',
				requiredCount: null
			});
			const other = await buildPublishedCourse(db, finnishSpec(), { slug: 'saavutettavat-palvelut' });
			for (const part of [course, other]) await addPart(db, coordinator, pathway.id, part.courseId);
			await setPathwayPublished(db, coordinator, pathway.id, true);
			return { owner, course };
		});
		app = started.app;
		({ course, owner } = started.seeded);
		browser = await launchBrowser();
	}, 300_000);
	afterAll(async () => {
		await browser?.close();
		await app?.stop();
	});

	for (const [locale, lang] of [
		['fi-FI', 'fi'],
		['sv-FI', 'sv']
	] as const) {
		it(`walks the public pages and Settings in ${lang}`, { timeout: 240_000 }, async () => {
			const context = await browser.newContext({ locale, viewport: DESKTOP });
			const page = await context.newPage();

			await page.goto(`${app.url}/catalogue`);
			expect(await page.locator('html').getAttribute('lang')).toBe(lang);
			await check(page, `i18n-catalogue-${lang}`, ENGLISH.catalogue);

			// The plain address gives this reader's edition: the document and the controls agree.
			await page.goto(`${app.url}/c/${course.slug}`);
			expect(await page.locator('.document').getAttribute('lang')).toBe(lang);
			await page.locator('details.guide summary').click();
			await check(page, `i18n-course-${lang}`, ENGLISH.course);
			// Printed from the browser: the page margins speak the document's language too.
			const printed = await page.pdf({ format: 'A4' });
			const { text } = await extractText(await getDocumentProxy(new Uint8Array(printed)), { mergePages: true });
			expect(text).toMatch(lang === 'fi' ? /Sivu 1\/\d/ : /Sida 1 av \d/);
			expect(text).toContain(lang === 'fi' ? 'julkaistu opintojakson kuvaus' : 'publicerad kursbeskrivning');
			expect(text).not.toMatch(/Page 1 of/);

			await page.goto(`${app.url}/c/${course.slug}/versions`);
			await check(page, `i18n-versions-${lang}`, ENGLISH.versions);

			await page.goto(`${app.url}/p/kestava-valmistus`);
			await check(page, `i18n-pathway-${lang}`, ENGLISH.pathway);

			const missing = await page.goto(`${app.url}/c/no-such-course`);
			expect(missing?.status()).toBe(404);
			await check(page, `i18n-missing-${lang}`, ENGLISH.missing);

			await page.goto(`${app.url}/login`);
			// By field name: the labels are in the interface language.
			await page.locator('input[name="email"]').fill(owner.email);
			await page.locator('input[name="password"]').fill(owner.password);
			await page.locator('input[name="password"]').press('Enter');
			await page.waitForURL(`${app.url}/courses`);
			await page.goto(`${app.url}/courses/${course.courseId}/settings`);
			await check(page, `i18n-settings-${lang}`, ENGLISH.settings);
			await context.close();
		});
	}

	it('keeps the switcher on public pages: a Swedish reader switches the interface to Finnish, the edition stays Swedish', async () => {
		const context = await browser.newContext({ locale: 'sv-FI', viewport: DESKTOP });
		const page = await context.newPage();
		await page.goto(`${app.url}/c/${course.slug}?lang=sv`);
		await page.getByRole('button', { name: 'suomi' }).click();
		await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('fi');
		expect(page.url()).toBe(`${app.url}/c/${course.slug}?lang=sv`);
		expect(await page.locator('.document').getAttribute('lang')).toBe('sv');
		expect(await page.getByRole('link', { name: 'Lataa PDF' }).count()).toBe(1);
		expect(await page.locator('#outcomes-heading').textContent()).toBe('Lärandemål');
		await expectAccessible(page);
		await context.close();
	});
});
