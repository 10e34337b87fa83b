import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { RunningApp } from '../support/app-server';
import { chromiumAvailable, launchBrowser } from '../support/browser';
import { PASSWORD } from '../support/flows';
import { buildRound } from '../support/feedback';
import { startSeededApp } from '../support/seeded-app';
import { createAnonymousLink } from '$lib/server/feedback';

// On a slow phone connection a page is readable (server-rendered) seconds before its script has
// arrived, and people start typing. When the script takes over the page, what they typed must stay:
// a form that empties itself then loses the answers, or sends a form that fails for no visible reason.

/** Opens a page whose scripts (not its styles, which come first) are held back until the returned function is called. */
async function openWithScriptsHeld(page: Page, url: string): Promise<() => Promise<void>> {
	let release!: () => void;
	const held = new Promise<void>((resolve) => (release = resolve));
	await page.route('**/_app/immutable/**/*.js', async (route) => {
		await held;
		await route.continue();
	});
	await page.goto(url, { waitUntil: 'commit' });
	await page.locator('main').waitFor();
	expect(await page.locator('html').getAttribute('data-hydrated')).toBeNull();
	return async () => {
		release();
		await page.locator('html[data-hydrated]').waitFor();
	};
}

describe.skipIf(!chromiumAvailable())('what people type before the page script arrives', () => {
	let app: RunningApp;
	let browser: Browser;
	let participantLink: string;

	beforeAll(async () => {
		const started = await startSeededApp(async (db) => {
			const { owner, courseId, round } = await buildRound(db);
			return (await createAnonymousLink(db, owner, courseId, round.id, null, 'http://placeholder')).url;
		});
		app = started.app;
		participantLink = started.seeded.replace('http://placeholder', app.url);
		browser = await launchBrowser();
	}, 120_000);
	afterAll(async () => {
		await browser?.close();
		await app?.stop();
	});

	it('keeps the name and email typed into the sign-up form, which then goes through', async () => {
		const page = await browser.newPage();
		const scriptsArrive = await openWithScriptsHeld(page, `${app.url}/signup`);
		await page.getByLabel('Your name').fill('Sanna Slow');
		await page.getByLabel('Email').fill('sanna.slow@example.org');
		await page.getByLabel('Password').fill(PASSWORD);
		await scriptsArrive();
		expect(await page.getByLabel('Your name').inputValue()).toBe('Sanna Slow');
		expect(await page.getByLabel('Email').inputValue()).toBe('sanna.slow@example.org');
		await page.getByRole('button', { name: 'Create account' }).click();
		await page.waitForURL(`${app.url}/courses`);
		await page.close();
	});

	it('keeps the perspective chosen and the answer typed into a pilot form', async () => {
		const page = await browser.newPage();
		const scriptsArrive = await openWithScriptsHeld(page, participantLink);
		await page.getByRole('radio', { name: 'Company partner' }).check();
		const answer = page.locator('textarea[name^="outcome."]').first();
		await answer.fill('The examples fit a small manufacturer well.');
		await scriptsArrive();
		expect(await page.getByRole('radio', { name: 'Company partner' }).isChecked()).toBe(true);
		expect(await answer.inputValue()).toBe('The examples fit a small manufacturer well.');
		await page.close();
	});
});
