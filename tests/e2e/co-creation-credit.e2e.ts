import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { RunningApp } from '../support/app-server';
import { chromiumAvailable, expectAccessible, launchBrowser, screenshot } from '../support/browser';
import { PASSWORD } from '../support/flows';
import { startSeededApp } from '../support/seeded-app';
import { addMember, buildUser } from '../support/factories';
import { buildCompleteCourse, loggingMail } from '../support/review';
import { createThread } from '$lib/server/comments';
import { publishCourse } from '$lib/server/publishing';
import { approveSubmission, submitForReview } from '$lib/server/review';
import { viewportShot } from './editor-support';
import { withoutLive } from '$lib/server/live-context';

// The owner chooses, in the course settings and without JavaScript, to show who co-created the
// course on its public page; a reader then sees the line there, at desktop and phone widths.

describe.skipIf(!chromiumAvailable())('co-creation on the public page', () => {
	let app: RunningApp;
	let browser: Browser;
	let owner: Page;
	let reader: Page;
	let courseId: string;
	let slug: string;

	beforeAll(async () => {
		const started = await startSeededApp(async (db) => {
			const mail = loggingMail();
			const lecturer = await buildUser(db, { name: 'Liisa Lecturer', email: 'liisa@example.org', password: PASSWORD });
			const kaisa = await buildUser(db, { name: 'Kaisa Coordinator' });
			await db.updateTable('users').set({ role: 'coordinator' }).where('id', '=', kaisa.id).execute();
			const coordinator = { id: kaisa.id, role: 'coordinator' as const };
			const owner = { id: lecturer.id, role: 'member' as const };
			const id = await buildCompleteCourse(db, owner, 'Circular design for small manufacturers');
			for (const [name, perspective] of [['Sanna Student', 'student'], ['Sami Student', 'student'], ['Pekka Partner', 'company_partner']] as const) {
				const person = await buildUser(db, { name });
				await addMember(db, id, person.id, 'commenter', perspective);
				await createThread(withoutLive(db), { id: person.id, role: 'member' }, id, { anchor: { kind: 'field', field: 'summary' }, body: `A thought from ${name}` });
			}
			await submitForReview(withoutLive(db), owner, id, { note: 'Ready' }, mail);
			await approveSubmission(withoutLive(db), coordinator, id, {}, mail);
			const published = await publishCourse(withoutLive(db), coordinator, id, {}, mail);
			return { courseId: id, slug: published.slug };
		});
		app = started.app;
		({ courseId, slug } = started.seeded);
		browser = await launchBrowser();
		owner = await (await browser.newContext({ viewport: { width: 1400, height: 900 }, javaScriptEnabled: false })).newPage();
		await owner.goto(`${app.url}/login`);
		await owner.getByLabel('Email').fill('liisa@example.org');
		await owner.getByLabel('Password').fill(PASSWORD);
		await owner.getByRole('button', { name: 'Log in' }).click();
		await owner.waitForURL(`${app.url}/courses`);
		reader = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
	}, 120_000);
	afterAll(async () => {
		await browser?.close();
		await app?.stop();
	});

	const line = 'Co-created with 2 students and 1 company partner';

	it('is off until the owner ticks it in the settings (no JavaScript needed)', async () => {
		await reader.goto(`${app.url}/c/${slug}`);
		await reader.getByRole('heading', { level: 1 }).waitFor();
		expect(await reader.getByText(line).count()).toBe(0);

		await owner.goto(`${app.url}/courses/${courseId}/settings`);
		const section = owner.getByRole('region', { name: 'Co-creation on the public page' });
		expect(await section.textContent()).toContain(`So far: ${line}`);
		const box = section.getByRole('checkbox', { name: /Show “co-created with/ });
		expect(await box.isChecked()).toBe(false);
		await box.check();
		await section.getByRole('button', { name: 'Save' }).click();
		await owner.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
		expect(await owner.getByRole('checkbox', { name: /Show “co-created with/ }).isChecked()).toBe(true);
		await owner.getByRole('region', { name: 'Co-creation on the public page' }).scrollIntoViewIfNeeded();
		await viewportShot(owner, 'co-creation-settings');
	});

	it('the public page then shows the figure of its publication, on a phone too', async () => {
		await reader.goto(`${app.url}/c/${slug}`);
		await reader.getByText(line).waitFor();
		await screenshot(reader, 'co-creation-public-page');
		await expectAccessible(reader);
		await reader.setViewportSize({ width: 390, height: 844 });
		await reader.reload();
		await reader.getByText(line).waitFor();
		expect(await reader.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)).toBe(false);
		await viewportShot(reader, 'co-creation-public-phone');
	});

	it('unticking hides it again', async () => {
		await owner.goto(`${app.url}/courses/${courseId}/settings`);
		await owner.getByRole('checkbox', { name: /Show “co-created with/ }).uncheck();
		await owner.getByRole('region', { name: 'Co-creation on the public page' }).getByRole('button', { name: 'Save' }).click();
		await owner.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
		await reader.goto(`${app.url}/c/${slug}`);
		await reader.getByRole('heading', { level: 1 }).waitFor();
		expect(await reader.getByText(line).count()).toBe(0);
	});
});
