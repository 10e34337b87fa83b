import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { fullSpec } from '$lib/course-spec/fixtures';
import type { RunningApp } from '../support/app-server';
import { chromiumAvailable, expectAccessible, launchBrowser, screenshot } from '../support/browser';
import { buildPublishedCourse, buildUser } from '../support/factories';
import { PASSWORD } from '../support/flows';
import { startSeededApp } from '../support/seeded-app';

// The course workspace's own pages (history, review, published versions, team), pathways, an invite
// and an access request, walked in Finnish and in Swedish: no English word left in the main content,
// axe clean, and nothing sticking out at a phone's width.

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

/** Words that only English text has (Swedish shares "Team", "Status" and "version", so they are not here). */
const ENGLISH = /\b(the|and|with|of|to|is|are|Save|Review|Published|History|Invite|Nothing|Submit|Approve|Retire|Compare|Members|Pathways?|Parts|Details|Request|Feedback|Settings|Specification|Contributions|Latest|Retired|Archived|Course|courses?|Public|address|Versions)\b/;

/**
 * The main content's text without what users wrote (titles, names) and without parts other converters
 * own (the readiness list's field names and hints come from the course-spec rules).
 */
async function mainText(page: Page, userContent: string[]): Promise<string> {
	const text = await page.evaluate(() => {
		const main = document.querySelector('main')!.cloneNode(true) as HTMLElement;
		for (const skip of main.querySelectorAll('#submit-missing ul, code, .hash, select, textarea, input')) skip.remove();
		return main.innerText;
	});
	// The product's name is the same in every language.
	return [...userContent, 'Co-course'].reduce((rest, words) => rest.split(words).join(' '), text);
}

async function expectNoEnglish(page: Page, userContent: string[]): Promise<void> {
	const text = await mainText(page, userContent);
	const found = text.match(ENGLISH);
	expect(found?.[0], `English left on ${page.url()}: …${found ? text.slice(Math.max(0, found.index! - 60), found.index! + 60) : ''}…`).toBeUndefined();
}

async function expectFitsPhone(page: Page, name: string): Promise<void> {
	await screenshot(page, `${name}-desktop`);
	await page.setViewportSize(PHONE);
	await screenshot(page, `${name}-phone`);
	const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
	expect(overflow, `horizontal overflow on ${page.url()}`).toBeLessThanOrEqual(0);
	await page.setViewportSize(DESKTOP);
}

async function checkPage(page: Page, name: string, userContent: string[]): Promise<void> {
	await expectNoEnglish(page, userContent);
	await expectAccessible(page);
	await expectFitsPhone(page, name);
}

describe.skipIf(!chromiumAvailable())('the course workspace, pathways and invites in Finnish and Swedish', () => {
	let app: RunningApp;
	let browser: Browser;
	let courseId: string;
	let coordinatorEmail: string;
	let swedishEmail: string;
	const title = 'Kiertotalouden liiketoimintamallit pk-yrityksille';
	const names = ['Kaisa Koordinaattori', 'Sven Svensson', title, 'Coordinator'];

	beforeAll(async () => {
		const started = await startSeededApp(async (db) => {
			const coordinator = await buildUser(db, { name: 'Kaisa Koordinaattori', password: PASSWORD });
			await db.updateTable('users').set({ role: 'coordinator' }).where('id', '=', coordinator.id).execute();
			const spec = fullSpec();
			const course = await buildPublishedCourse(db, { ...spec, title: { en: title } }, { publisher: coordinator });
			const swede = await buildUser(db, { name: 'Sven Svensson', password: PASSWORD });
			// The account's own setting wins over the browser's languages.
			await db.updateTable('users').set({ locale: 'sv' }).where('id', '=', swede.id).execute();
			return { courseId: course.courseId, coordinatorEmail: coordinator.email, swedishEmail: swede.email };
		});
		app = started.app;
		({ courseId, coordinatorEmail, swedishEmail } = started.seeded);
		browser = await launchBrowser();
	}, 300_000);
	afterAll(async () => {
		await browser?.close();
		await app?.stop();
	});

	async function logIn(locale: string, email: string, labels: { email: string; password: string; button: string }): Promise<Page> {
		const context = await browser.newContext({ locale, viewport: DESKTOP });
		const page = await context.newPage();
		page.setDefaultTimeout(15_000);
		await page.goto(`${app.url}/login`);
		await page.getByLabel(labels.email).fill(email);
		await page.getByLabel(labels.password).fill(PASSWORD);
		await page.getByRole('button', { name: labels.button, exact: true }).click();
		await page.waitForURL(`${app.url}/courses`);
		return page;
	}

	it('walks the course pages and pathways in Finnish', async () => {
		const page = await logIn('fi-FI', coordinatorEmail, { email: 'Sähköposti', password: 'Salasana', button: 'Kirjaudu sisään' });
		const course = `${app.url}/courses/${courseId}`;

		await page.goto(`${course}/history`);
		expect(await page.locator('h2#save-heading').textContent()).toBe('Tallenna versio');
		await page.getByLabel('Version nimi').fill('Lähetetty kumppaneille');
		await page.getByRole('button', { name: 'Tallenna versio' }).click();
		await page.getByRole('status').filter({ hasText: 'Tallennettu v1' }).waitFor();
		await checkPage(page, 'i18n-course-history-fi', [...names, 'Lähetetty kumppaneille']);
		await page.getByRole('link', { name: 'Näytä v1' }).click();
		await page.getByRole('button', { name: 'Palauta tämä versio…' }).waitFor();
		// The document below is another component (SpecDocument): the head of the page is this one's.
		const head = (await page.locator('.version-head').innerText()).split('Kaisa Koordinaattori').join(' ').split('Lähetetty kumppaneille').join(' ');
		expect(head.match(ENGLISH)?.[0], head).toBeUndefined();
		expect(head).toContain('Vain luku');

		await page.goto(`${course}/review`);
		expect(await page.locator('h2#timeline-heading').textContent()).toBe('Aikajana');
		await checkPage(page, 'i18n-course-review-fi', names);

		await page.goto(`${course}/publish`);
		expect(await page.locator('h2#versions-heading').textContent()).toContain('Julkaistut versiot');
		await checkPage(page, 'i18n-course-publish-fi', names);

		await page.goto(`${course}/team`);
		await page.getByRole('button', { name: 'Luo kutsulinkki' }).click();
		await page.getByRole('status').filter({ hasText: 'Kutsulinkki luotu.' }).waitFor();
		await checkPage(page, 'i18n-course-team-fi', names);

		await page.goto(`${app.url}/pathways`);
		expect(await page.locator('h1').textContent()).toBe('Opintopolut');
		await page.getByLabel('Nimi').fill('Kestävä valmistus');
		await page.getByLabel('Osoite').fill('kestava-valmistus');
		await page.getByRole('button', { name: 'Luo opintopolku' }).click();
		await page.waitForURL(/\/pathways\/[a-z2-7]{24}$/);
		await checkPage(page, 'i18n-pathway-fi', [...names, 'Kestävä valmistus']);
		// A finding from the server, in Finnish too: the address is taken.
		await page.goto(`${app.url}/pathways`);
		await checkPage(page, 'i18n-pathways-fi', [...names, 'Kestävä valmistus']);
		await page.getByLabel('Nimi').fill('Toinen polku');
		await page.getByLabel('Osoite').fill('kestava-valmistus');
		await page.getByRole('button', { name: 'Luo opintopolku' }).click();
		await expect.poll(() => page.locator('main').textContent()).toContain('Toisella opintopolulla on jo tämä osoite.');
		await page.context().close();
	});

	it('walks an invite, an access request and the course pages in Swedish', async () => {
		const coordinator = await logIn('fi-FI', coordinatorEmail, { email: 'Sähköposti', password: 'Salasana', button: 'Kirjaudu sisään' });
		await coordinator.goto(`${app.url}/courses/${courseId}/team`);
		await coordinator.getByRole('button', { name: 'Luo kutsulinkki' }).click();
		const link = (await coordinator.getByLabel('Kutsulinkki').inputValue()).replace(/^https?:\/\/[^/]+/, app.url);
		await coordinator.context().close();

		// A visitor whose browser asks for Swedish.
		const visitor = await (await browser.newContext({ locale: 'sv-FI', viewport: DESKTOP })).newPage();
		await visitor.goto(link);
		expect(await visitor.locator('.eyebrow').textContent()).toBe('Inbjudan');
		expect(await visitor.locator('main').textContent()).toContain('Kaisa Koordinaattori bjuder in dig att skriva kursen tillsammans som redigerare');
		await checkPage(visitor, 'i18n-invite-sv', names);
		await visitor.goto(`${app.url}/invite/not-a-real-token`);
		expect(await visitor.locator('h1').textContent()).toBe('Inbjudan kan inte användas');
		await checkPage(visitor, 'i18n-invite-unusable-sv', names);
		await visitor.context().close();

		const swede = await logIn('en-GB', swedishEmail, { email: 'Email', password: 'Password', button: 'Log in' });
		// The account's language: the page after login notices it differs from the login page's and reloads once.
		await expect.poll(() => swede.locator('html').getAttribute('lang')).toBe('sv');
		await swede.goto(`${app.url}/courses/${courseId}`);
		expect(await swede.locator('h1').textContent()).toBe('Kursen hittades inte');
		await swede.goto(`${app.url}/request-access/${courseId}`);
		await checkPage(swede, 'i18n-request-access-sv', names);
		await swede.getByRole('button', { name: 'Begär åtkomst' }).click();
		await expect.poll(() => swede.locator('h1').textContent()).toBe('Begäran har skickats');
		await checkPage(swede, 'i18n-request-sent-sv', names);

		await swede.goto(link);
		await swede.getByRole('button', { name: 'Gå med i kursen' }).click();
		await swede.waitForURL(/\/courses\/[a-z2-7]{24}$/);
		const course = `${app.url}/courses/${courseId}`;
		expect(await swede.locator('.course-header nav').textContent()).toContain('Beskrivning');
		for (const [path, name] of [
			['history', 'history'],
			['review', 'review'],
			['publish', 'publish'],
			['team', 'team']
		] as const) {
			await swede.goto(`${course}/${path}`);
			await checkPage(swede, `i18n-course-${name}-sv`, [...names, 'Lähetetty kumppaneille']);
		}
		await swede.goto(`${course}/history/compare?from=1&to=current`);
		expect(await swede.locator('h2#compare-heading').textContent()).toBe('Jämför versioner');
		// Screen readers hear the diff's marks in Swedish too.
		expect(await swede.locator('.diff-marks').first().evaluate((el) => getComputedStyle(el).getPropertyValue('--diff-inserted-label'))).toBe('" [infogat: "');
		await swede.context().close();
	});
});
