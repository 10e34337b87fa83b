import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startApp, type RunningApp } from '../support/app-server';
import { chromiumAvailable, expectAccessible, launchBrowser, screenshot } from '../support/browser';
import { createCourse, newPerson } from '../support/flows';
import { openEditor, scrollsSideways, viewportShot } from './editor-support';

const PHONE = { width: 390, height: 844 };

describe.skipIf(!chromiumAvailable())('the spec editor on a phone', () => {
	let app: RunningApp;
	let browser: Browser;
	let owner: Page;
	let courseUrl: string;

	beforeAll(async () => {
		app = await startApp();
		browser = await launchBrowser();
		owner = await newPerson(browser, app.url, 'Liisa Lecturer');
		courseUrl = await createCourse(owner, app.url, 'Platform economy for small businesses');
		await owner.setViewportSize(PHONE);
		await openEditor(owner, courseUrl);
	});
	afterAll(async () => {
		await browser?.close();
		await app?.stop();
	});

	const summary = () => owner.getByRole('button', { name: /of \d+ required/ });
	const inViewport = async () => {
		const box = await summary().boundingBox();
		return box !== null && box.y >= 0 && box.y + box.height <= PHONE.height;
	};

	it('keeps completeness and findings in view while writing far down the page', async () => {
		const further = owner.locator('#field-furtherInformation');
		await further.scrollIntoViewIfNeeded();
		await further.click();
		await further.pressSequentially('Run together with partner companies.');
		expect(await owner.evaluate(() => window.scrollY)).toBeGreaterThan(2000);

		await expect.poll(inViewport).toBe(true);
		expect(await summary().textContent()).toMatch(/\d+ of 9 required\s*·\s*(no findings|\d+ findings?)/);

		await owner.locator('#field-ectsCredits').scrollIntoViewIfNeeded();
		await owner.locator('#field-ectsCredits').pressSequentially('90');
		await expect.poll(() => summary().textContent()).toMatch(/1 finding\b/);
		expect(await scrollsSideways(owner)).toBe(false);
		await screenshot(owner, 'editor-phone');
		await viewportShot(owner, 'editor-phone-writing');
		await expectAccessible(owner);
	});

	it('opens the live panel as a dialog that leads to a missing field and closes', async () => {
		await summary().click();
		const panel = owner.getByRole('dialog', { name: 'Live checks' });
		await expect.poll(() => panel.isVisible()).toBe(true);
		expect(await panel.getByRole('heading', { name: 'EU completeness' }).isVisible()).toBe(true);
		expect(await panel.textContent()).toContain('Micro-credentials usually carry 1–59 ECTS');
		expect(await scrollsSideways(owner)).toBe(false);
		await viewportShot(owner, 'editor-phone-panel');
		await expectAccessible(owner);

		await owner.keyboard.press('Escape');
		await expect.poll(() => panel.isVisible()).toBe(false);
		await expect.poll(() => owner.evaluate(() => document.activeElement?.textContent ?? '')).toMatch(/of 9 required/);

		await summary().click();
		await panel.getByRole('link', { name: 'Type of quality assurance' }).click();
		await expect.poll(() => panel.isVisible()).toBe(false);
		await expect.poll(() => owner.evaluate(() => document.activeElement?.id)).toBe('field-qualityAssuranceType');
	});
});
