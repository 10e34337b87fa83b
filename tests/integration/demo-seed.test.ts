import { describe, expect, it } from 'vitest';
import { contentHash, validateForPublishing } from '$lib/server/publishing';
import { parseCatalogueQuery } from '$lib/server/catalogue/query';
import { searchCatalogue } from '$lib/server/catalogue';
import { loadCoursePage } from '$lib/server/public-pages';
import { authenticate, createUser } from '$lib/server/users';
import { DemoRefused, seedDemo, type DemoResult } from '$lib/server/demo/seed';
import { createTestDatabase } from '$tests/support/db';

// The demo is made through the app's own verbs, so what it produces must be what the app accepts:
// every state of a course, published versions that pass the publishing check, feedback on the public
// page only in the team's words, and accounts whose passwords exist only as hashes.

const ORIGIN = 'http://localhost:3000';
const { db } = await createTestDatabase();
const seeded: DemoResult = await seedDemo(db, { origin: ORIGIN });

const courseNamed = (title: string) => db.selectFrom('courses').selectAll().where('title', '=', title).executeTakeFirstOrThrow();

describe('npm run seed:demo on an empty instance', () => {
	it('makes one account of each kind, with the roles they need', async () => {
		const users = await db.selectFrom('users').select(['email', 'role']).orderBy('email').execute();
		expect(users).toEqual([
			{ email: 'admin@demo.example.org', role: 'admin' },
			{ email: 'coordinator@demo.example.org', role: 'coordinator' },
			{ email: 'lecturer@demo.example.org', role: 'member' },
			{ email: 'partner@demo.example.org', role: 'member' },
			{ email: 'student@demo.example.org', role: 'member' }
		]);
		expect(seeded.accounts.map((a) => a.role)).toEqual(['admin', 'coordinator', 'lecturer', 'partner', 'student']);
		const perspectives = await db.selectFrom('course_members').select('perspective').distinct().execute();
		expect(perspectives.map((p) => p.perspective).sort()).toEqual(['company_partner', 'lecturer', 'student']);
	});

	it('stores the printed passwords only as argon2id hashes, and each one logs in', async () => {
		const rows = await db.selectFrom('users').select(['email', 'password_hash']).execute();
		const passwords = new Set(seeded.accounts.map((a) => a.password));
		expect(passwords.size).toBe(seeded.accounts.length);
		for (const account of seeded.accounts) {
			expect(account.password).toMatch(/^[a-zA-Z2-9]{4}(-[a-zA-Z2-9]{4}){3}$/);
			const row = rows.find((r) => r.email === account.user.email)!;
			expect(row.password_hash).toMatch(/^\$argon2id\$/);
			for (const password of passwords) expect(row.password_hash).not.toContain(password);
			expect((await authenticate(db, account.user.email, account.password))?.id).toBe(account.user.id);
		}
	});

	it('has about a dozen courses in every state of their life', async () => {
		expect(seeded.courses).toHaveLength(12);
		const courses = await db.selectFrom('courses').select(['id', 'status', 'retired_at']).execute();
		const statuses = new Set(courses.map((c) => c.status));
		for (const status of ['draft', 'in_review', 'changes_requested', 'approved', 'published'] as const) expect(statuses, status).toContain(status);
		expect(courses.filter((c) => c.retired_at !== null)).toHaveLength(1);

		const versions = await db.selectFrom('published_versions').select(['course_id', 'number', 'change_notes']).execute();
		const twice = [...new Set(versions.filter((v) => v.number === 2).map((v) => v.course_id))];
		expect(twice).toHaveLength(2);
		for (const v2 of versions.filter((v) => v.number === 2)) expect(v2.change_notes.length).toBeGreaterThan(40);

		const sentBack = await db.selectFrom('course_reviews').select('decision_note').where('decision', '=', 'changes_requested').execute();
		expect(sentBack).toHaveLength(1);
		expect(sentBack[0].decision_note).toContain('cannot be observed');
		// Some courses are in Finnish and English, Finnish first.
		const languages = await db.selectFrom('published_versions').select('spec').execute();
		expect(languages.some((v) => v.spec.languages[0] === 'fi' && v.spec.languages.includes('en'))).toBe(true);
	});

	it('publishes only specs that pass the publishing check, with their content hash', async () => {
		const versions = await db.selectFrom('published_versions').select(['spec', 'content_hash']).execute();
		expect(versions.length).toBeGreaterThanOrEqual(8);
		for (const version of versions) {
			const check = validateForPublishing(version.spec);
			expect(check.ok, JSON.stringify(check.ok ? null : check.problems)).toBe(true);
			expect(version.content_hash).toBe(contentHash(version.spec));
		}
	});

	it('shows “updated after pilot feedback” on v2 of the piloted course, in the team’s words only', async () => {
		const course = await courseNamed('Platform Economy Basics');
		const v2 = await loadCoursePage(db, course.slug!, undefined, ORIGIN);
		expect(v2?.version.number).toBe(2);
		expect(v2?.pilotFeedback).toMatchObject({ summary: expect.stringContaining('Six participants'), addressed: 3 });
		expect(v2?.pilotFeedback?.items.map((i) => i.said)).toEqual([
			'The case videos of module 2 were too long, and the business model canvas needed more time and guidance.',
			'It was not clear what the platform strategy should look like at the end.'
		]);
		// A participant's own answer never reaches the public page.
		expect(JSON.stringify(v2)).not.toContain('I skipped half of them');
		expect(JSON.stringify(v2)).not.toContain('pricing on marketplaces');
		const v1 = await loadCoursePage(db, course.slug!, 1, ORIGIN);
		expect(v1?.pilotFeedback).toBeNull();

		const rounds = await db.selectFrom('feedback_rounds').select(['course_id', 'closes_at']).execute();
		expect(rounds).toHaveLength(2);
		expect((await db.selectFrom('feedback_responses').select('id').execute()).length).toBe(9);
	});

	it('keeps edits made after publishing out of the public page and the catalogue', async () => {
		const course = await courseNamed('Data Literacy for SMEs');
		expect(course.status).toBe('published');
		expect(JSON.stringify(await loadCoursePage(db, course.slug!, undefined, ORIGIN))).not.toContain('newsletter');
		const search = parseCatalogueQuery(new URLSearchParams({ q: 'newsletter' }));
		if (!search.ok) throw new Error('query');
		expect((await searchCatalogue(db, search.query)).total).toBe(0);
		const found = parseCatalogueQuery(new URLSearchParams({ q: 'dashboard' }));
		if (!found.ok) throw new Error('query');
		expect((await searchCatalogue(db, found.query)).items.map((i) => i.slug)).toContain(course.slug);
	});

	it('refuses to run again, with a message that says what to do', async () => {
		const again = await seedDemo(db, { origin: ORIGIN }).catch((e) => e);
		expect(again).toBeInstanceOf(DemoRefused);
		expect(again.message).toMatch(/already has 5 accounts.*--force/);
		const forced = await seedDemo(db, { origin: ORIGIN, force: true }).catch((e) => e);
		expect(forced).toBeInstanceOf(DemoRefused);
		expect(forced.message).toContain('The demo is here already');
		expect(await db.selectFrom('courses').select('id').execute()).toHaveLength(12);
	});
});

describe('npm run seed:demo -- --force on an instance in use', () => {
	it('adds the demo next to what is there, without a second admin', async () => {
		const { db: used } = await createTestDatabase();
		const owner = await createUser(used, { name: 'Real Admin', email: 'real.admin@example.org', password: 'a long enough password' });
		expect(await seedDemo(used, { origin: ORIGIN }).catch((e) => e)).toBeInstanceOf(DemoRefused);
		const result = await seedDemo(used, { origin: ORIGIN, force: true });
		expect(result.accounts.map((a) => a.role)).toEqual(['coordinator', 'lecturer', 'partner', 'student']);
		const admins = await used.selectFrom('users').select('id').where('role', '=', 'admin').execute();
		expect(admins).toEqual([{ id: owner.id }]);
		expect(result.courses).toHaveLength(12);
	});
});
