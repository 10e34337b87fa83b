import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startApp, type RunningApp } from '../support/app-server';
import { chromiumAvailable, expectAccessible, launchBrowser, screenshot } from '../support/browser';
import { createCourse, newPerson } from '../support/flows';
import { openEditor, scrollsSideways } from './editor-support';
import { completeCourse, prepareInstance, waitForServer } from './review-support';

// The whole review: a lecturer fills a course until it is complete, submits it, a coordinator asks
// for changes, the team fixes and resubmits, the coordinator sees what changed, approves and
// publishes v1; bells, the dashboard and the timeline tell everyone what happened.

const TITLE = 'Circular design for small manufacturers';

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
});
