import type { Page } from 'playwright-core';

// Steps the editor's browser tests share: waiting for the live document and filling lists the way
// a person does, through the form.

/** Waits until the live document is connected (a locator wait, so beforeAll may use it too). */
export const connected = (page: Page) =>
	page.locator('[data-testid="connection-status"][data-status="connected"]').waitFor({ timeout: 20_000 });

export async function openEditor(page: Page, courseUrl: string): Promise<void> {
	await page.goto(courseUrl);
	await connected(page);
}

/** Adds an item with the list's "+ Add" button and types into its first field; returns the item id. */
export async function addItem(page: Page, noun: 'outcome' | 'module' | 'assessment', text: string): Promise<string> {
	await page.getByRole('button', { name: `+ Add ${noun}` }).click();
	const prefix = { outcome: 'field-outcomeText-', module: 'field-moduleTitle-', assessment: 'field-assessmentTitle-' }[noun];
	// The new item takes focus once the derived spec has caught up with the document.
	const handle = await page.waitForFunction(
		(start) => (document.activeElement?.id.startsWith(start) ? document.activeElement.id : null),
		prefix,
		{ timeout: 10_000 }
	);
	const id = (await handle.jsonValue()) as string;
	await page.keyboard.type(text);
	return id.slice(prefix.length);
}

/** Ticks "LOn" in a module's or assessment's outcome links. */
export async function linkOutcome(page: Page, field: 'moduleOutcomes' | 'assessmentOutcomes', itemId: string, lo: string) {
	await page.locator(`#field-${field}-${itemId}-wrapper`).getByRole('checkbox', { name: new RegExp(`^${lo}\\b`) }).check();
}

/** Whether the page scrolls sideways (the phone-width check). */
export const scrollsSideways = (page: Page) =>
	page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);

/** What is on screen now (sticky bars and dialogs included, unlike a full-page shot). */
export const viewportShot = (page: Page, name: string) =>
	page.screenshot({ path: `tests/.artifacts/screenshots/${name}.png` });
