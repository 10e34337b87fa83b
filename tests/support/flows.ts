import type { Browser, Page } from 'playwright-core';

export const PASSWORD = 'a long enough password';

/** Signs a new person up through the signup form and waits for the page it leads to. */
export async function signUpAs(page: Page, name: string, email: string): Promise<void> {
	await page.getByLabel('Your name').fill(name);
	await page.getByLabel('Email').fill(email);
	await page.getByLabel('Password').fill(PASSWORD);
	await page.getByRole('button', { name: 'Create account' }).click();
}

/** A fresh browser context with a newly signed-up person, on the course dashboard. */
export async function newPerson(browser: Browser, baseUrl: string, name: string): Promise<Page> {
	const page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
	await page.goto(`${baseUrl}/signup`);
	await signUpAs(page, name, `${name.toLowerCase().replace(/\W+/g, '.')}.${Date.now()}@example.org`);
	await page.waitForURL(`${baseUrl}/courses`);
	return page;
}

export async function createCourse(page: Page, baseUrl: string, title: string): Promise<string> {
	await page.goto(`${baseUrl}/courses`);
	await page.getByLabel('Title').fill(title);
	await page.getByRole('button', { name: 'Create course' }).click();
	await page.waitForURL(/\/courses\/[a-z2-7]{24}$/);
	return page.url();
}

/** Creates an invite link from the course's team page; returns it pointing at baseUrl. */
export async function createInviteLink(
	page: Page,
	courseUrl: string,
	baseUrl: string,
	role: 'editor' | 'commenter' | 'viewer',
	perspective = 'company_partner'
): Promise<string> {
	await page.goto(`${courseUrl}/team`);
	await page.getByLabel('Role', { exact: true }).selectOption(role);
	await page.getByLabel('Perspective', { exact: true }).selectOption(perspective);
	await page.getByRole('button', { name: 'Create invite link' }).click();
	const field = page.getByLabel('Invite link');
	await field.waitFor();
	return (await field.inputValue()).replace(/^https?:\/\/[^/]+/, baseUrl);
}

/** A logged-in person follows an invite link and joins the course. */
export async function acceptInvite(page: Page, link: string): Promise<void> {
	await page.goto(link);
	await page.getByRole('button', { name: 'Join the course' }).click();
	await page.waitForURL(/\/courses\/[a-z2-7]{24}$/);
}
