import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { PASSWORD, signUpAs } from '../support/flows';
import { addItem, linkOutcome, openEditor } from './editor-support';

// Steps the review browser tests share: naming a coordinator and filling a course until every EU
// mandatory element is there, through the pages a person uses.

/** The admin sets the provider profile (new courses start from it) and makes someone a coordinator. */
export async function prepareInstance(admin: Page, baseUrl: string, coordinatorName: string): Promise<void> {
	await admin.goto(`${baseUrl}/admin`);
	await admin.getByLabel('Organisation name').fill('Example University of Applied Sciences');
	await admin.getByLabel('Country').selectOption('FI');
	await admin.getByRole('button', { name: 'Save profile' }).click();
	await admin.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
	await admin.getByRole('button', { name: `Make coordinator: ${coordinatorName}` }).click();
	await admin.getByRole('button', { name: `Make member: ${coordinatorName}` }).waitFor();
}

/** Fills what a new course lacks for the EU mandatory elements, in the live editor. */
export async function completeCourse(page: Page, courseUrl: string, outcome = 'Understand circular design'): Promise<void> {
	await openEditor(page, courseUrl);
	await page.locator('#field-ectsCredits').pressSequentially('2');
	await page.locator('#field-eqfLevel').selectOption('5');
	await page.locator('#field-participationForm').selectOption({ index: 1 });
	await page.locator('#field-qualityAssuranceType').selectOption({ index: 1 });
	await addItem(page, 'outcome', outcome);
	const assessment = await addItem(page, 'assessment', 'Redesign project');
	await page.locator(`#field-assessmentType-${assessment}`).selectOption({ index: 1 });
	await linkOutcome(page, 'assessmentOutcomes', assessment, 'LO1');
}

/** Reloads a page that reads the live document on the server until it shows the edits just made. */
export async function waitForServer(page: Page, url: string, shows: (page: Page) => Promise<boolean>): Promise<void> {
	await expect
		.poll(async () => {
			await page.goto(url);
			return shows(page);
		}, { timeout: 20_000, message: `${url} to show the latest edits` })
		.toBe(true);
}

/** Signs a person up in a new context; `javaScript: false` for the no-script browser tests. */
export async function signUp(browser: Browser, baseUrl: string, name: string, options: { javaScript?: boolean } = {}) {
	const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, javaScriptEnabled: options.javaScript ?? true });
	const page = await context.newPage();
	const email = `${name.toLowerCase().replace(/\W+/g, '.')}.${Date.now()}@example.org`;
	await page.goto(`${baseUrl}/signup`);
	await signUpAs(page, name, email);
	await page.waitForURL(`${baseUrl}/courses`);
	return { page, email };
}

/** The same person in a second browser context (e.g. with JavaScript, to use the live editor). */
export async function logIn(browser: Browser, baseUrl: string, email: string): Promise<Page> {
	const page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
	await page.goto(`${baseUrl}/login`);
	await page.getByLabel('Email').fill(email);
	await page.getByLabel('Password').fill(PASSWORD);
	await page.getByRole('button', { name: 'Log in' }).click();
	await page.waitForURL(`${baseUrl}/courses`);
	return page;
}
