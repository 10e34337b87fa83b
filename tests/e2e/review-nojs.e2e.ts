import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startApp, type RunningApp } from '../support/app-server';
import { chromiumAvailable, launchBrowser, screenshot } from '../support/browser';
import { openEditor } from './editor-support';
import { completeCourse, logIn, prepareInstance, signUp, waitForServer } from './review-support';

// Every form of the review works without JavaScript: submit, withdraw, ask for changes, approve,
// publish, retire and bring back, and the notifications. Only writing the spec itself needs the
// live editor, which the owner uses in a second, scripted, tab.

const TITLE = 'Data literacy for shop owners';

describe.skipIf(!chromiumAvailable())('the review without JavaScript', () => {
	let app: RunningApp;
	let browser: Browser;
	let owner: Page;
	let ownerEditor: Page;
	let coordinator: Page;
	let courseUrl: string;

	const notice = (page: Page, text: string) => page.getByRole('status').filter({ hasText: text }).waitFor();

	beforeAll(async () => {
		app = await startApp();
		browser = await launchBrowser();
		const admin = await signUp(browser, app.url, 'Ada Admin', { javaScript: false });
		coordinator = (await signUp(browser, app.url, 'Cai Coordinator', { javaScript: false })).page;
		const lecturer = await signUp(browser, app.url, 'Liisa Lecturer', { javaScript: false });
		owner = lecturer.page;
		await prepareInstance(admin.page, app.url, 'Cai Coordinator');
		await owner.getByLabel('Title').fill(TITLE);
		await owner.getByRole('button', { name: 'Create course' }).click();
		await owner.waitForURL(/\/courses\/[a-z2-7]{24}$/);
		courseUrl = owner.url();
		ownerEditor = await logIn(browser, app.url, lecturer.email);
		await completeCourse(ownerEditor, courseUrl);
	});
	afterAll(async () => {
		await browser?.close();
		await app?.stop();
	});

	it('submits with an error next to an empty note, and withdraws through the confirmation', async () => {
		await waitForServer(owner, `${courseUrl}/review`, async (page) => (await page.locator('p.ready').count()) === 1);
		await owner.getByRole('button', { name: 'Submit for review' }).click();
		await owner.locator('#field-note-error').waitFor();
		expect(await owner.locator('#field-note-error').textContent()).toContain('Write a short note to the reviewer');
		await screenshot(owner, 'nojs-review-note-error');

		await owner.getByLabel('Note to the reviewer').fill('Ready for a first look.');
		await owner.getByRole('button', { name: 'Submit for review' }).click();
		await notice(owner, 'Submitted for review');
		expect(await owner.locator('#status-heading').textContent()).toContain('In review');

		await owner.getByRole('button', { name: 'Withdraw…' }).click();
		const confirm = owner.getByRole('dialog', { name: 'Withdraw the submission?' });
		await confirm.getByRole('button', { name: 'Withdraw submission' }).click();
		await notice(owner, 'Submission withdrawn');
		expect(await owner.locator('#status-heading').textContent()).toContain('Draft');

		await owner.getByLabel('Note to the reviewer').fill('Ready now, really.');
		await owner.getByRole('button', { name: 'Submit for review' }).click();
		await notice(owner, 'Submitted for review');
	});

	it('lets the coordinator ask for changes, then approve and publish', async () => {
		await coordinator.goto(`${app.url}/courses`);
		expect(await coordinator.getByRole('link', { name: /^Notifications/ }).getAttribute('aria-label')).toBe('Notifications, 2 unread');
		await coordinator.getByRole('link', { name: TITLE }).click();
		await coordinator.waitForURL(`${courseUrl}/review`);
		await coordinator.getByRole('button', { name: 'Request changes' }).click();
		await coordinator.locator('#field-comment-error').waitFor();
		await coordinator.getByLabel('What should the team change?').fill('Add a second outcome about data protection.');
		await coordinator.getByRole('button', { name: 'Request changes' }).click();
		await notice(coordinator, 'Sent back to the team');

		// The owner reads the comment and resubmits (after a change in the editor).
		await owner.goto(`${app.url}/notifications`);
		await owner.getByRole('listitem').filter({ hasText: 'asked for changes' }).getByRole('button').click();
		await owner.waitForURL(`${courseUrl}/review`);
		expect(await owner.getByTestId('review-comment').textContent()).toBe('Add a second outcome about data protection.');
		await openEditor(ownerEditor, courseUrl);
		await ownerEditor.locator('#field-ectsCredits').fill('3');
		await waitForServer(owner, `${courseUrl}/review/changes?from=submission&to=current`, async (page) =>
			(await page.locator('.pair[data-field="ectsCredits"]').count()) === 1
		);
		await owner.goto(`${courseUrl}/review`);
		await owner.getByLabel('Note to the reviewer').fill('Credits adjusted.');
		await owner.getByRole('button', { name: 'Submit for review' }).click();
		await notice(owner, 'Submitted for review');

		await coordinator.goto(`${courseUrl}/review`);
		await coordinator.getByRole('button', { name: 'Approve', exact: true }).click();
		await coordinator.waitForURL(`${courseUrl}/publish?approved=1`);
		await coordinator.getByLabel(/Change notes/).fill('First publication.');
		await coordinator.getByRole('button', { name: 'Publish v1' }).click();
		await notice(coordinator, 'Published v1');
		// axe needs scripts in the page; the same pages are checked with JavaScript in review-publish.e2e.ts.
		await screenshot(coordinator, 'nojs-published');
	});

	it('retires the course and brings it back', async () => {
		await coordinator.getByLabel('Why (optional, the team sees it)').fill('Not offered this year.');
		await coordinator.getByRole('button', { name: 'Retire course' }).click();
		await notice(coordinator, 'Retired');
		expect(await coordinator.locator('#versions-heading').textContent()).toContain('Retired');
		await coordinator.getByRole('button', { name: 'Bring the course back' }).click();
		await notice(coordinator, 'offered again');

		await owner.goto(`${courseUrl}/review`);
		const steps = await owner.locator('.timeline .what strong').allTextContents();
		expect(steps).toEqual([
			'Submitted for review',
			'Withdrew the submission',
			'Submitted for review',
			'Asked for changes',
			'Resubmitted for review',
			'Approved',
			'Published v1',
			'Retired the course',
			'Brought the course back'
		]);
		await owner.goto(`${app.url}/notifications`);
		await owner.getByRole('button', { name: 'Mark all as read' }).click();
		await notice(owner, 'Nothing unread');
		expect(await owner.getByRole('link', { name: /^Notifications/ }).getAttribute('aria-label')).toBe('Notifications');
	});
});
