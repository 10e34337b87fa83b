import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startApp, type RunningApp } from '../support/app-server';
import { chromiumAvailable, expectAccessible, launchBrowser, screenshot } from '../support/browser';
import { createCourse, newPerson } from '../support/flows';
import { addItem, linkOutcome, openEditor, viewportShot } from './editor-support';

describe.skipIf(!chromiumAvailable())('alignment and findings in the editor', () => {
	let app: RunningApp;
	let browser: Browser;
	let owner: Page;
	let courseUrl: string;

	beforeAll(async () => {
		app = await startApp();
		browser = await launchBrowser();
		owner = await newPerson(browser, app.url, 'Liisa Lecturer');
		courseUrl = await createCourse(owner, app.url, 'Platform economy for small businesses');
		await openEditor(owner, courseUrl);
	});
	afterAll(async () => {
		await browser?.close();
		await app?.stop();
	});

	const quality = () => owner.locator('section[aria-labelledby="quality-heading"]');
	const matrix = () => owner.getByRole('table', { name: 'Learning outcomes by module and assessment' });

	it('says what to start with on an empty spec instead of "No problems found"', async () => {
		const text = await quality().textContent();
		expect(text).not.toContain('No problems found');
		expect(text).toContain('Start with the learning outcomes');
		await quality().getByRole('link', { name: /learning outcomes/i }).click();
		await expect.poll(() => owner.evaluate(() => document.activeElement?.textContent)).toBe('+ Add outcome');
	});

	it('names modules and assessments in the matrix and shows each finding next to its field', async () => {
		const compare = await addItem(owner, 'outcome', 'Compare the business models of digital platforms');
		const plan = await addItem(owner, 'outcome', 'Plan the launch of a service on a platform');
		const module = await addItem(owner, 'module', 'Platforms in everyday business');
		await linkOutcome(owner, 'moduleOutcomes', module, 'LO1');
		const assessment = await addItem(owner, 'assessment', 'Launch plan for a real client');
		await linkOutcome(owner, 'assessmentOutcomes', assessment, 'LO1');
		await linkOutcome(owner, 'assessmentOutcomes', assessment, 'LO2');

		// LO2 is assessed but taught by no module: a finding in the panel and next to the outcome.
		await expect.poll(() => quality().textContent()).toContain('LO2 is not addressed by any module');
		const note = owner.locator(`#field-outcomeText-${plan}-wrapper`).getByText('LO2 is not addressed by any module');
		expect(await note.isVisible()).toBe(true);
		expect(await owner.locator(`#field-outcomeText-${compare}-wrapper`).textContent()).not.toContain('not addressed');
		const described = await owner.locator(`#field-outcomeText-${plan}`).getAttribute('aria-describedby');
		expect(await owner.evaluate((ids) => ids!.split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' '), described)).toContain(
			'not addressed by any module'
		);

		// Names are on screen, not only in a tooltip; column labels cannot be read as EU codes (M2–M11).
		for (const name of ['Platforms in everyday business', 'Launch plan for a real client', 'Compare the business models']) {
			const label = matrix().getByText(new RegExp(name));
			const box = await label.first().boundingBox();
			// Column names run upwards: their length is their height.
			expect(box && Math.max(box.width, box.height) > 40 && Math.min(box.width, box.height) > 8, `"${name}" visible in the matrix`).toBe(true);
		}
		expect(await matrix().textContent()).not.toMatch(/\bM\d+\b/);
		const header = await matrix().getByRole('columnheader', { name: /Platforms in everyday business/ }).count();
		expect(header).toBe(1);

		await screenshot(owner, 'editor-findings');
		await owner.locator(`#field-outcomeText-${plan}`).scrollIntoViewIfNeeded();
		await viewportShot(owner, 'editor-findings-desktop');
		await owner.setViewportSize({ width: 390, height: 844 });
		await owner.locator(`#field-outcomeText-${plan}`).scrollIntoViewIfNeeded();
		await viewportShot(owner, 'editor-findings-phone');
		await owner.getByRole('button', { name: /of \d+ required/ }).click();
		await owner.getByRole('dialog', { name: 'Live checks' }).getByRole('heading', { name: 'Alignment' }).scrollIntoViewIfNeeded();
		await viewportShot(owner, 'editor-findings-phone-matrix');
		await expectAccessible(owner);
		await owner.keyboard.press('Escape');
		await owner.setViewportSize({ width: 1400, height: 900 });
		await expectAccessible(owner);

		// The panel's finding leads to the outcome's field.
		await quality().getByRole('link', { name: /LO2 is not addressed/ }).click();
		await expect.poll(() => owner.evaluate(() => document.activeElement?.id)).toBe(`field-outcomeText-${plan}`);

		// Teaching it makes the finding go away everywhere.
		await linkOutcome(owner, 'moduleOutcomes', module, 'LO2');
		await expect.poll(() => owner.locator(`#field-outcomeText-${plan}-wrapper`).textContent()).not.toContain('not addressed');
		await expect.poll(() => quality().textContent()).not.toContain('not addressed');
	});
});
