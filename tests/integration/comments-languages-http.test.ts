import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '$lib/server/auth/session';
import type { RunningApp } from '$tests/support/app-server';
import { ensureProductionBuild } from '$tests/support/production-build';
import { startSeededApp } from '$tests/support/seeded-app';
import { addMember, buildCourse, buildSession, buildUser } from '$tests/support/factories';

// The comments API words its refusals in the language of the request that caused them: the
// account's setting, else Accept-Language, else English (the editor shows them as they come).

describe('comments API in the request language', () => {
	let app: RunningApp;
	let courseId: string;
	let anna: string;
	let sven: string;

	beforeAll(async () => {
		await ensureProductionBuild();
		const started = await startSeededApp(async (db) => {
			const owner = await buildUser(db, { name: 'Anna Owner' });
			const swede = await buildUser(db, { name: 'Sven Owner' });
			await db.updateTable('users').set({ locale: 'sv' }).where('id', '=', swede.id).execute();
			const course = await buildCourse(db, owner);
			await addMember(db, course.id, swede.id, 'editor');
			return { courseId: course.id, anna: await buildSession(db, owner.id), sven: await buildSession(db, swede.id) };
		});
		app = started.app;
		({ courseId, anna, sven } = started.seeded);
	}, 300_000);
	afterAll(async () => {
		await app?.stop();
	});

	const post = (session: string, body: unknown, acceptLanguage?: string) =>
		fetch(`${app.url}/courses/${courseId}/comments`, {
			method: 'POST',
			headers: {
				'content-type': 'application/json',
				cookie: `${SESSION_COOKIE}=${session}`,
				...(acceptLanguage ? { 'accept-language': acceptLanguage } : {})
			},
			body: JSON.stringify(body)
		});
	const emptyComment = { action: 'create', anchor: { kind: 'field', field: 'title', itemId: null }, body: '', mentions: [] };

	it.each([
		[undefined, 'Write a comment first.'],
		['fi-FI,fi;q=0.9,en;q=0.5', 'Kirjoita ensin kommentti.'],
		['sv-FI', 'Skriv en kommentar först.']
	])('refuses an empty comment with Accept-Language %s', async (acceptLanguage, message) => {
		const response = await post(anna, emptyComment, acceptLanguage);
		expect(response.status).toBe(400);
		expect((await response.json()).error.message).toBe(message);
	});

	it('follows the account setting over Accept-Language', async () => {
		const response = await post(sven, { action: 'edit', id: 'nosuchcomment00000000000', body: 'Hej' }, 'fi');
		expect(response.status).toBe(404);
		expect((await response.json()).error.message).toBe('Kommentaren finns inte (längre).');
	});

	it('words the errors SvelteKit answers itself (unknown action) in the language too', async () => {
		const response = await post(anna, { action: 'dance' }, 'fi');
		expect(response.status).toBe(400);
		expect((await response.json()).message).toBe('Tuntematon toiminto.');
	});
});
