import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { RunningApp } from '../support/app-server';
import { chromiumAvailable, expectAccessible, launchBrowser, screenshot } from '../support/browser';
import { PASSWORD } from '../support/flows';
import { startSeededApp } from '../support/seeded-app';
import { buildUser } from '../support/factories';
import { buildCompleteCourse, loggingMail } from '../support/review';
import { submitForReview } from '$lib/server/review';
import { logIn } from './review-support';
import { openEditor } from './editor-support';
import { withoutLive } from '$lib/server/live-context';

// A coordinator anchors a review comment to a field of a submitted course; the team sees it marked
// as a review comment and resolves it, and the review page counts what was resolved.

describe.skipIf(!chromiumAvailable())('review comments', () => {
	let app: RunningApp;
	let browser: Browser;
	let coordinator: Page;
	let owner: Page;
	let courseUrl: string;

	beforeAll(async () => {
		const started = await startSeededApp(async (db) => {
			const lecturer = await buildUser(db, { name: 'Liisa Lecturer', email: 'liisa@example.org', password: PASSWORD });
			const kaisa = await buildUser(db, { name: 'Kaisa Coordinator', email: 'kaisa@example.org', password: PASSWORD });
			await db.updateTable('users').set({ role: 'coordinator' }).where('id', '=', kaisa.id).execute();
			const courseId = await buildCompleteCourse(db, { id: lecturer.id, role: 'member' }, 'Circular design for small manufacturers');
			await submitForReview(withoutLive(db), { id: lecturer.id, role: 'member' }, courseId, { note: 'Ready' }, loggingMail());
			return { courseId };
		});
		app = started.app;
		courseUrl = `${app.url}/courses/${started.seeded.courseId}`;
		browser = await launchBrowser();
		coordinator = await logIn(browser, app.url, 'kaisa@example.org');
		owner = await logIn(browser, app.url, 'liisa@example.org');
	}, 120_000);
	afterAll(async () => {
		await browser?.close();
		await app?.stop();
	});

	it('a coordinator comments on a field; the team resolves it; the review page counts it', async () => {
		const problems: string[] = [];
		coordinator.on('pageerror', (err) => problems.push(err.message));
		coordinator.on('console', (msg) => msg.type() === 'error' && problems.push(msg.text()));
		try {
			await openEditor(coordinator, courseUrl);
		} catch (err) {
			await screenshot(coordinator, 'comments-review-failed');
			throw new Error(`${(err as Error).message}\n${problems.join('\n')}`);
		}
		await coordinator.locator('#field-ectsCredits-wrapper').getByRole('button', { name: /^Comment on ECTS credits/ }).click();
		await coordinator.keyboard.type('3 ECTS does not match 120 hours of work.');
		await coordinator.keyboard.press('Control+Enter');
		await coordinator.locator('#field-ectsCredits-wrapper').getByRole('article', { name: 'Comment by Kaisa Coordinator' }).waitFor();

		await openEditor(owner, courseUrl);
		const thread = owner.locator('#field-ectsCredits-wrapper').getByRole('article', { name: 'Comment by Kaisa Coordinator' });
		await thread.waitFor();
		expect(await thread.textContent()).toContain('Review');
		await thread.scrollIntoViewIfNeeded();
		await screenshot(owner, 'comments-review-thread');
		await thread.getByRole('button', { name: 'Resolve' }).click();
		await expect.poll(() => thread.count()).toBe(0);

		await coordinator.goto(`${courseUrl}/review`);
		await coordinator.getByText('Review comments on fields: 1 resolved, 0 open.').waitFor();
		await screenshot(coordinator, 'comments-review-page');
		await expectAccessible(coordinator);
	});
});
