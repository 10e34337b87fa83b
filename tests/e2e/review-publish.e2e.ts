import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { extractText, getDocumentProxy } from 'unpdf';
import { startApp, type RunningApp } from '../support/app-server';
import { chromiumAvailable, expectAccessible, launchBrowser, screenshot } from '../support/browser';
import { createCourse, newPerson } from '../support/flows';
import { openEditor, scrollsSideways } from './editor-support';
import { completeCourse, prepareInstance, waitForServer } from './review-support';

// The whole review: a lecturer fills a course until it is complete, submits it, a coordinator asks
// for changes, the team fixes and resubmits, the coordinator sees what changed, approves and
// publishes v1; bells, the dashboard and the timeline tell everyone what happened. Then anyone finds
// it in the catalogue, reads it and downloads its PDF; a pilot round on v1 leads to v2, whose public
// page says it was updated after pilot feedback.

const TITLE = 'Circular design for small manufacturers';
const SLUG = 'circular-design-for-small-manufacturers';
// What a participant writes: it must never reach a public page.
const PARTICIPANT_WORDS = 'Which product? Pirjo from the Lahti pilot could not tell.';

describe.skipIf(!chromiumAvailable())('submitting, reviewing and publishing a course', () => {
	let app: RunningApp;
	let browser: Browser;
	let admin: Page;
	let coordinator: Page;
	let owner: Page;
	let courseUrl: string;

	const bell = (page: Page) => page.getByRole('link', { name: /^Notifications/ });
	const status = (page: Page) => page.locator('#status-heading');

	/** Phone width: nothing scrolls sideways, and axe finds nothing serious. */
	async function checkPhone(page: Page, name: string) {
		await page.setViewportSize({ width: 390, height: 844 });
		expect(await scrollsSideways(page), `${name} scrolls sideways at 390 px`).toBe(false);
		await screenshot(page, `${name}-phone`);
		await expectAccessible(page);
		await page.setViewportSize({ width: 1400, height: 900 });
	}

	beforeAll(async () => {
		app = await startApp();
		browser = await launchBrowser();
		// The first account is the instance's admin: it sets the provider and names a coordinator.
		admin = await newPerson(browser, app.url, 'Ada Admin');
		coordinator = await newPerson(browser, app.url, 'Cai Coordinator');
		owner = await newPerson(browser, app.url, 'Liisa Lecturer');
		await prepareInstance(admin, app.url, 'Cai Coordinator');
		courseUrl = await createCourse(owner, app.url, TITLE);
	});
	afterAll(async () => {
		await browser?.close();
		await app?.stop();
	});

	it('lists what is missing, with links to the fields, before the course can be submitted', async () => {
		await owner.getByRole('link', { name: 'Review', exact: true }).click();
		await owner.waitForURL(`${courseUrl}/review`);
		const submit = owner.getByRole('button', { name: 'Submit for review' });
		expect(await submit.isDisabled()).toBe(true);
		const missing = owner.locator('#submit-missing');
		expect(await missing.textContent()).toMatch(/Not ready yet: 6 things need filling in/);
		for (const element of ['Learning outcomes', 'Notional workload', 'Level (EQF)', 'Type of assessment', 'Form of participation', 'Type of quality assurance']) {
			expect(await missing.getByRole('link', { name: element }).count(), element).toBe(1);
		}
		// The awarding body and its country come from the provider profile.
		expect(await missing.textContent()).not.toContain('Awarding body');
		await screenshot(owner, 'review-not-ready');
		await expectAccessible(owner);
		await checkPhone(owner, 'review-not-ready');

		await missing.getByRole('link', { name: 'Learning outcomes' }).click();
		await owner.waitForURL(`${courseUrl}#field-learningOutcomes`);
		await expect.poll(() => owner.evaluate(() => document.activeElement?.textContent?.trim())).toBe('+ Add outcome');
	});

	it('submits the completed course with a note to the reviewer, which the note field asks for', async () => {
		await completeCourse(owner, courseUrl);
		// The review page reads the live document on the server: it is ready once the edits arrived.
		await waitForServer(owner, `${courseUrl}/review`, async (page) => (await page.locator('p.ready').count()) === 1);
		const submit = owner.getByRole('button', { name: 'Submit for review' });
		expect(await submit.isDisabled()).toBe(false);
		await submit.click();
		await expect.poll(() => owner.locator('#field-note-error').textContent()).toContain('Write a short note to the reviewer');
		expect(await owner.locator('#field-note').getAttribute('aria-invalid')).toBe('true');

		await owner.getByLabel('Note to the reviewer').fill('First full draft. Please look at the outcome wording.');
		await owner.getByRole('button', { name: 'Submit for review' }).click();
		await owner.getByRole('status').filter({ hasText: 'Submitted for review' }).waitFor();
		expect(await status(owner).textContent()).toContain('In review');
		expect(await owner.locator('[data-to="in_review"]').textContent()).toMatch(/Submitted for review\s*by Liisa Lecturer/);
		await screenshot(owner, 'review-submitted');
		await expectAccessible(owner);
	});

	it('puts the course in the coordinator’s queue and rings the bell', async () => {
		await coordinator.goto(`${app.url}/courses`);
		await expect.poll(() => bell(coordinator).getAttribute('aria-label')).toBe('Notifications, 1 unread');
		const queue = coordinator.getByRole('region', { name: /Review queue/ });
		const item = queue.getByRole('listitem').filter({ hasText: TITLE });
		expect(await item.textContent()).toMatch(/Provider\s*Example University of Applied Sciences/);
		expect(await item.textContent()).toMatch(/Submitted\s*Liisa Lecturer, \d+ \w+ \d{4}/);
		expect(await item.textContent()).toMatch(/Waiting\s*since today/);
		await screenshot(coordinator, 'review-queue');
		await expectAccessible(coordinator);
		await checkPhone(coordinator, 'review-queue');
	});

	it('lets the coordinator ask for changes with a comment, which the team sees on the course and the dashboard', async () => {
		await coordinator.getByRole('link', { name: TITLE }).first().click();
		await coordinator.waitForURL(`${courseUrl}/review`);
		expect(await coordinator.getByRole('region', { name: 'Checks on the submission' }).textContent()).toContain('9 of 9 mandatory elements');
		expect(await coordinator.getByRole('region', { name: 'Checks on the submission' }).textContent()).toContain('cannot be observed');
		expect(await coordinator.getByRole('region', { name: 'Published courses with a similar name' }).textContent()).toContain('None');
		await screenshot(coordinator, 'review-workspace');
		await expectAccessible(coordinator);
		await checkPhone(coordinator, 'review-workspace');

		await coordinator.getByRole('button', { name: 'Request changes' }).click();
		await expect.poll(() => coordinator.locator('#field-comment-error').textContent()).toContain('Tell the team what to change');
		await coordinator.getByLabel('What should the team change?').fill('LO1 cannot be observed: say what the learner can do, e.g. “Apply”.');
		await coordinator.getByRole('button', { name: 'Request changes' }).click();
		await coordinator.getByRole('status').filter({ hasText: 'Sent back to the team' }).waitFor();

		await owner.goto(`${app.url}/courses`);
		expect(await bell(owner).getAttribute('aria-label')).toBe('Notifications, 1 unread');
		const card = owner.locator('.course').filter({ hasText: TITLE });
		expect(await card.textContent()).toContain('Changes requested');
		expect(await card.textContent()).toContain('Cai Coordinator asked for changes:');
		expect(await card.textContent()).toContain('LO1 cannot be observed');
		await screenshot(owner, 'dashboard-changes-requested');
		await expectAccessible(owner);

		await owner.goto(courseUrl);
		expect(await owner.getByRole('status').filter({ hasText: 'asked for changes' }).textContent()).toContain('LO1 cannot be observed');

		await bell(owner).click();
		await owner.waitForURL(`${app.url}/notifications`);
		const notification = owner.getByRole('listitem').filter({ hasText: 'Cai Coordinator asked for changes' });
		expect(await notification.textContent()).toContain('LO1 cannot be observed');
		await screenshot(owner, 'notifications');
		await expectAccessible(owner);
		await checkPhone(owner, 'notifications');
		await notification.getByRole('button').click();
		await owner.waitForURL(`${courseUrl}/review`);
		expect(await owner.getByTestId('review-comment').textContent()).toContain('LO1 cannot be observed');
		expect(await bell(owner).getAttribute('aria-label')).toBe('Notifications');
	});

	it('shows the coordinator what the team changed since the comment, then approves and publishes v1', async () => {
		await openEditor(owner, courseUrl);
		const outcome = owner.locator('textarea[id^="field-outcomeText-"]').first();
		await outcome.click();
		await owner.keyboard.press('ControlOrMeta+A');
		await owner.keyboard.type('Apply circular design principles to a product');
		await waitForServer(owner, `${courseUrl}/review/changes?from=submission&to=current`, async (page) => (await page.locator('.item[data-status="changed"]').count()) === 1);
		await owner.goto(`${courseUrl}/review`);
		await owner.getByLabel('Note to the reviewer').fill('LO1 now says what the learner does.');
		await owner.getByRole('button', { name: 'Submit for review' }).click();
		await owner.getByRole('status').filter({ hasText: 'Submitted for review' }).waitFor();

		await coordinator.goto(`${courseUrl}/review`);
		const changes = coordinator.getByRole('region', { name: 'What changed' });
		expect(await changes.textContent()).toMatch(/Since you last asked for changes.*1 change/);
		await changes.getByRole('link', { name: 'See what the team changed' }).click();
		await coordinator.waitForURL(/\/review\/changes\?from=previous&to=submission$/);
		const changedOutcome = coordinator.locator('.item[data-status="changed"]');
		expect(await changedOutcome.locator('ins').allTextContents()).toContain('Apply');
		expect(await changedOutcome.locator('del').allTextContents()).toContain('Understand');
		await screenshot(coordinator, 'review-changes-since-comment');
		await expectAccessible(coordinator);
		await checkPhone(coordinator, 'review-changes-since-comment');

		await coordinator.goto(`${courseUrl}/review/submitted`);
		expect(await coordinator.locator('#section-outcomes li').textContent()).toContain('Apply circular design principles');
		await screenshot(coordinator, 'review-submitted-spec');
		await expectAccessible(coordinator);

		await coordinator.goto(`${courseUrl}/review`);
		await coordinator.getByLabel('Note to the team (optional)').fill('Clear and complete.');
		await coordinator.getByRole('button', { name: 'Approve', exact: true }).click();
		await coordinator.waitForURL(`${courseUrl}/publish?approved=1`);
		const form = coordinator.getByRole('region', { name: 'Publish v1' });
		expect(await form.textContent()).toContain('the specification as submitted');
		expect(await form.textContent()).toContain('/c/circular-design-for-small-manufacturers');
		await screenshot(coordinator, 'publish-form');
		await expectAccessible(coordinator);
		await checkPhone(coordinator, 'publish-form');
		await coordinator.getByLabel(/Change notes/).fill('First publication.');
		await coordinator.getByRole('button', { name: 'Publish v1' }).click();
		await coordinator.getByRole('status').filter({ hasText: 'Published v1' }).waitFor();
		const v1 = coordinator.getByRole('listitem').filter({ has: coordinator.getByRole('heading', { name: 'v1' }) });
		expect(await v1.textContent()).toContain('First publication.');
		expect(await v1.locator('.hash').textContent()).toMatch(/^[0-9a-f]{64}$/);
		await screenshot(coordinator, 'published-versions');
		await expectAccessible(coordinator);
		await checkPhone(coordinator, 'published-versions');
	});

	it('tells the team, and keeps every step in the timeline', async () => {
		await owner.goto(`${courseUrl}/review`);
		expect(await bell(owner).getAttribute('aria-label')).toBe('Notifications, 2 unread');
		expect(await status(owner).textContent()).toContain('Published');
		const steps = await owner.locator('.timeline li').evaluateAll((items) =>
			items.map((li) => li.querySelector('.what')?.textContent?.replace(/\s+/g, ' ').trim())
		);
		expect(steps).toEqual([
			'Submitted for review by Liisa Lecturer',
			'Asked for changes by Cai Coordinator',
			'Resubmitted for review by Liisa Lecturer',
			'Approved by Cai Coordinator',
			'Published v1 by Cai Coordinator'
		]);
		expect(await owner.locator('.timeline [data-to="changes_requested"] blockquote').textContent()).toContain('LO1 cannot be observed');
		expect(await owner.locator('.timeline [data-to="published"] blockquote').textContent()).toBe('First publication.');
		await screenshot(owner, 'review-timeline');
		await expectAccessible(owner);
		await checkPhone(owner, 'review-timeline');
		await owner.goto(`${app.url}/notifications`);
		expect(await owner.locator('.item.unread').count()).toBe(2);
		await owner.getByRole('button', { name: 'Mark all as read' }).click();
		await expect.poll(() => bell(owner).getAttribute('aria-label')).toBe('Notifications');
	});
	it('is found in the catalogue by a word from an outcome, read by anyone, and downloaded as a PDF holding its title', async () => {
		const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
		const reader = await context.newPage();
		await reader.goto(`${app.url}/catalogue`);
		await reader.getByLabel('Search').fill('principles');
		await reader.getByRole('button', { name: 'Search', exact: true }).click();
		await reader.waitForURL(/q=principles/);
		await expect.poll(() => reader.getByRole('heading', { name: '1–1 of 1 course' }).count()).toBe(1);
		expect((await reader.locator('mark').allTextContents()).map((m) => m.toLowerCase())).toContain('principles');
		await screenshot(reader, 'flow-catalogue-search');
		await expectAccessible(reader);

		await reader.getByRole('link', { name: TITLE }).click();
		await reader.waitForURL(`${app.url}/c/${SLUG}`);
		expect(await reader.getByRole('heading', { level: 1 }).textContent()).toBe(TITLE);
		expect(await reader.locator('.outcomes').textContent()).toContain('Apply circular design principles to a product');
		expect(await reader.getByText('Updated after pilot feedback').count()).toBe(0);
		await screenshot(reader, 'flow-course-page-v1');
		await expectAccessible(reader);

		const [download] = await Promise.all([reader.waitForEvent('download'), reader.getByRole('link', { name: 'Download PDF' }).click()]);
		expect(download.suggestedFilename()).toBe(`${SLUG}-v1.pdf`);
		const bytes = fs.readFileSync(await download.path());
		expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
		const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
		expect(text).toContain(TITLE);
		expect(text).toContain('Apply circular design principles to a product');
		await context.close();
	});

	it('runs a pilot round on v1; its item marked done goes into v2, whose page says “updated after pilot feedback”', async () => {
		await owner.goto(`${courseUrl}/history`);
		await owner.getByLabel('Version name').fill('Pilot version');
		await owner.getByRole('button', { name: 'Save version' }).click();
		await owner.getByRole('status').filter({ hasText: /Saved v\d+/ }).waitFor();
		await owner.goto(`${courseUrl}/feedback/new`);
		await owner.getByLabel('Title', { exact: true }).fill('Pilot with partner companies');
		await owner.getByRole('button', { name: 'Create round' }).click();
		await owner.waitForURL(/\/feedback\/[a-z2-7]{24}\/questions\?created=1$/);
		const roundUrl = owner.url().replace(/\/questions\?created=1$/, '');
		await owner.goto(roundUrl);
		await owner.getByRole('button', { name: 'Create anonymous link' }).click();
		const link = (await owner.getByLabel('Anonymous link', { exact: true }).inputValue()).replace(/^https?:\/\/[^/]+/, app.url);

		const participant = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
		await participant.goto(link);
		await participant.getByText('Company partner or entrepreneur').click();
		for (const group of await participant.locator('fieldset:has(.scale)').all()) await group.getByRole('radio').nth(4).check();
		await participant.locator('textarea[name^="outcome."]').fill(PARTICIPANT_WORDS);
		await participant.getByRole('button', { name: 'Send my feedback' }).click();
		await participant.waitForURL(`${link}/thanks`);
		await participant.context().close();

		await owner.goto(`${roundUrl}/items`);
		const item = owner.locator('li.item').filter({ hasText: PARTICIPANT_WORDS });
		await item.getByLabel('Done').check();
		await item.getByLabel('What you did, or why not').fill('LO1 now names the product: one from a partner company.');
		await item.getByLabel('“You said”, for the public list').fill('It was not clear which product the redesign is about.');
		await item.getByRole('button', { name: 'Save decision' }).click();
		await expect.poll(() => item.getByRole('status').textContent()).toContain('Saved');

		await openEditor(owner, courseUrl);
		const outcome = owner.locator('textarea[id^="field-outcomeText-"]').first();
		await outcome.click();
		await owner.keyboard.press('End');
		await owner.keyboard.type(' of a partner company');
		await waitForServer(owner, `${courseUrl}/review`, async (page) => (await page.locator('p.ready').count()) === 1 && (await page.getByText(/Nothing has changed since v1/).count()) === 0);
		const summary = owner.getByLabel('Updated after pilot feedback (optional)');
		expect(await owner.locator('#field-feedbackSummary-hint').textContent()).toContain('1 feedback item is marked done');
		await owner.getByLabel('Note to the reviewer').fill('v2 after the pilot.');
		await owner.getByLabel('Change notes for v2').fill('LO1 now names the product to redesign.');
		await summary.fill('One partner company answered the pilot; we made the first outcome name the product.');
		await screenshot(owner, 'flow-submit-v2-with-feedback-summary');
		await expectAccessible(owner);
		await owner.getByRole('button', { name: 'Submit for review' }).click();
		await owner.getByRole('status').filter({ hasText: 'Submitted for review' }).waitFor();

		await coordinator.goto(`${courseUrl}/review`);
		expect(await coordinator.locator('.submission').textContent()).toContain('we made the first outcome name the product');
		await coordinator.getByRole('button', { name: 'Approve', exact: true }).click();
		await coordinator.waitForURL(`${courseUrl}/publish?approved=1`);
		expect(await coordinator.getByLabel('Change notes for v2').inputValue()).toBe('LO1 now names the product to redesign.');
		const corrected = coordinator.getByLabel('Updated after pilot feedback');
		expect(await corrected.inputValue()).toBe('One partner company answered the pilot; we made the first outcome name the product.');
		await corrected.fill('One partner company answered the pilot: the first outcome now names the product.');
		await screenshot(coordinator, 'flow-publish-v2');
		await expectAccessible(coordinator);
		await coordinator.getByRole('button', { name: 'Publish v2' }).click();
		await coordinator.getByRole('status').filter({ hasText: 'Published v2' }).waitFor();
		const published = coordinator.getByRole('listitem').filter({ has: coordinator.getByRole('heading', { name: 'v2' }) });
		expect(await published.textContent()).toContain('the first outcome now names the product');

		const reader = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
		await reader.goto(`${app.url}/c/${SLUG}`);
		const note = reader.getByRole('complementary', { name: 'Updated after pilot feedback' });
		expect(await note.textContent()).toContain('One partner company answered the pilot: the first outcome now names the product.');
		expect(await note.textContent()).toContain('This version addresses 1 point raised by pilot participants.');
		const saidList = reader.getByRole('region', { name: 'You said, we changed' });
		expect(await saidList.textContent()).toContain('It was not clear which product the redesign is about.');
		expect(await saidList.textContent()).toContain('LO1 now names the product: one from a partner company.');
		expect(await reader.content()).not.toContain('Pirjo');
		await screenshot(reader, 'flow-course-page-v2-after-pilot');
		await expectAccessible(reader);
		const pdf = await reader.request.get(`${app.url}/c/${SLUG}/v/2/pdf`);
		const { text: pdfText } = await extractText(await getDocumentProxy(new Uint8Array(await pdf.body())), { mergePages: true });
		expect(pdfText).toContain('Updated after pilot feedback');
		expect(pdfText).toContain('It was not clear which product the redesign is about.');
		expect(pdfText).not.toContain('Pirjo');

		await reader.getByRole('link', { name: /Version history/ }).click();
		await reader.waitForURL(`${app.url}/c/${SLUG}/versions`);
		const v2 = reader.getByRole('listitem').filter({ has: reader.getByRole('heading', { name: /Version 2/ }) }).first();
		expect(await v2.textContent()).toContain('LO1 now names the product to redesign.');
		expect(await v2.textContent()).toContain('Updated after pilot feedback');
		expect(await v2.textContent()).toContain('It was not clear which product the redesign is about.');
		expect(await reader.content()).not.toContain('Pirjo');
		await screenshot(reader, 'flow-version-history');
		await expectAccessible(reader);
		await reader.goto(`${app.url}/c/${SLUG}/v/1`);
		expect(await reader.getByText('Updated after pilot feedback').count()).toBe(0);
		await reader.context().close();
	});
});
