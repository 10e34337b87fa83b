import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { FIXTURE_IDS } from '$lib/course-spec/fixtures';
import { createAnonymousLink, submitResponse, submissionThrottle } from '$lib/server/feedback';
import { SESSION_COOKIE } from '$lib/server/auth/session';
import { LOCALE_COOKIE } from '$lib/i18n/locales';
import type { RunningApp } from '../support/app-server';
import { chromiumAvailable, expectAccessible, launchBrowser, screenshot } from '../support/browser';
import { buildSession } from '../support/factories';
import { buildRound, formValues, tokenOf } from '../support/feedback';
import { startSeededApp } from '../support/seeded-app';

// The team's feedback pages, the contributions page and the admin page walked in Finnish and in
// Swedish (no English left, axe clean, nothing wider than a phone), and a participant's link, which
// speaks the round's language whatever the browser asks for.

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };
const root = path.resolve(import.meta.dirname, '../..');
const messages = (language: string): Record<string, unknown> => JSON.parse(readFileSync(path.join(root, 'messages', `${language}.json`), 'utf8'));

/**
 * The English wordings of these pages that must not show in `language`: whole phrases (two words or
 * more, no parameters) whose translation differs, so a hit is untranslated text, not a shared word.
 */
function englishPhrases(language: 'fi' | 'sv'): string[] {
	const english = messages('en');
	const translated = messages(language);
	return Object.entries(english)
		.filter(([key]) => /^(feedback|admin|contributions)_/.test(key) && !key.startsWith('feedback_form_'))
		.filter(([key, value]) => typeof value === 'string' && !value.includes('{') && value.trim().includes(' ') && value !== translated[key])
		.map(([, value]) => (value as string).replace(/^[←✓]\s*/, '').replace(/…$/, ''));
}

async function walk(page: Page, url: string, language: 'fi' | 'sv', name: string): Promise<void> {
	await page.goto(url);
	expect(await page.locator('html').getAttribute('lang')).toBe(language);
	const text = (await page.locator('main').textContent()) ?? '';
	const left = englishPhrases(language).filter((phrase) => text.includes(phrase));
	expect(left, `English left on ${url}`).toEqual([]);
	await expectAccessible(page);
	for (const [size, viewport] of [['desktop', DESKTOP], ['phone', PHONE]] as const) {
		await page.setViewportSize(viewport);
		await screenshot(page, `i18n-${name}-${language}-${size}`);
		const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
		expect(overflow, `horizontal overflow on ${url} at ${size}`).toBeLessThanOrEqual(0);
	}
	await page.setViewportSize(DESKTOP);
}

describe.skipIf(!chromiumAvailable())('feedback, contributions and admin in Finnish and Swedish', () => {
	let app: RunningApp;
	let browser: Browser;
	let courseUrl: string;
	let roundUrl: string;
	let participantUrl: string;
	let session: string;

	beforeAll(async () => {
		const started = await startSeededApp(async (db) => {
			// The owner is the instance's first account, so its admin too.
			const { owner, courseId, round } = await buildRound(db, { language: 'sv' });
			const link = await createAnonymousLink(db, owner, courseId, round.id, null, 'http://localhost');
			const throttle = submissionThrottle(db);
			const [principles] = FIXTURE_IDS.modules;
			for (const [i, perspective] of (['student', 'student', 'student', 'other'] as const).entries()) {
				const answers = formValues({
					perspective,
					'overall.recommend': String(6 + i),
					...Object.fromEntries(FIXTURE_IDS.outcomes.flatMap((o) => [[`outcome.${o}.relevance`, String(2 + i)], [`outcome.${o}.clarity`, '4']])),
					[`module.${principles}.hours`]: String(20 + i),
					'overall.comment': `Kommentar ${i + 1}`
				});
				const result = await submitResponse(db, throttle, tokenOf(link.url), answers, `192.0.2.${10 + i}`);
				if (!result.ok) throw new Error(`seeding an answer failed: ${JSON.stringify(result)}`);
			}
			return { courseId, roundId: round.id, token: tokenOf(link.url), session: await buildSession(db, owner.id) };
		});
		app = started.app;
		courseUrl = `${app.url}/courses/${started.seeded.courseId}`;
		roundUrl = `${courseUrl}/feedback/${started.seeded.roundId}`;
		participantUrl = `${app.url}/r/${started.seeded.token}`;
		session = started.seeded.session;
		browser = await launchBrowser();
	}, 120_000);
	afterAll(async () => {
		await browser?.close();
		await app?.stop();
	});

	for (const language of ['fi', 'sv'] as const) {
		it(`walks the team's pages in ${language === 'fi' ? 'Finnish' : 'Swedish'}`, async () => {
			const context = await browser.newContext({ viewport: DESKTOP });
			const host = new URL(app.url).hostname;
			await context.addCookies([
				{ name: SESSION_COOKIE, value: session, domain: host, path: '/' },
				{ name: LOCALE_COOKIE, value: language, domain: host, path: '/' }
			]);
			const page = await context.newPage();
			await walk(page, `${courseUrl}/feedback`, language, 'feedback-rounds');
			await walk(page, `${courseUrl}/feedback/new`, language, 'feedback-new');
			await walk(page, roundUrl, language, 'feedback-round');
			await walk(page, `${roundUrl}/questions`, language, 'feedback-questions');
			await walk(page, `${roundUrl}/preview`, language, 'feedback-preview');
			await walk(page, `${roundUrl}/results`, language, 'feedback-results');
			await walk(page, `${roundUrl}/items`, language, 'feedback-items');
			await walk(page, `${courseUrl}/contributions`, language, 'contributions');
			await walk(page, `${app.url}/admin`, language, 'admin');

			// A form sent with a mistake says so in the reader's language, next to the field.
			await page.goto(`${courseUrl}/feedback/new`);
			// A new round's form starts in the team member's language.
			expect(await page.getByLabel(language === 'fi' ? 'Lomakkeen kieli' : 'Formulärets språk').inputValue()).toBe(language);
			await page.getByRole('button', { name: language === 'fi' ? 'Luo kierros' : 'Skapa omgång' }).click();
			const expected = language === 'fi' ? 'Anna kierrokselle otsikko' : 'Ge omgången en rubrik';
			await expect.poll(() => page.locator('#field-title-error').textContent()).toContain(expected);
			await context.close();
		}, 240_000);
	}

	it("gives a participant the form in the round's language, and an unknown link in the browser's", async () => {
		const context = await browser.newContext({ locale: 'fi-FI', viewport: PHONE });
		const page = await context.newPage();
		await page.goto(participantUrl);
		expect(await page.locator('html').getAttribute('lang')).toBe('sv');
		expect(await page.getByRole('button', { name: 'Skicka min respons' }).count()).toBe(1);
		await expectAccessible(page);
		await screenshot(page, 'i18n-participant-sv-phone');

		await page.goto(`${app.url}/r/${'a'.repeat(32)}`);
		expect(await page.locator('html').getAttribute('lang')).toBe('fi');
		expect(await page.locator('h1').textContent()).toBe('Linkki ei toimi');
		await expectAccessible(page);
		await context.close();
	});
});
