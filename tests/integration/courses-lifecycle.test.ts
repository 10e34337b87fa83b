import { beforeEach, describe, expect, it } from 'vitest';
import type { User } from '$lib/server/users';
import {
	authorizeCourse,
	createCourse,
	listMembers,
	listMyCourses,
	renameCourse,
	setCourseArchived
} from '$lib/server/courses';
import { authorizeCollab } from '$lib/server/collab-access';
import { createTestDatabase, resetTables } from '$tests/support/db';
import { addMember, buildCourse, buildSession, buildUser } from '$tests/support/factories';
import { withoutLive } from '$lib/server/live-context';

const database = await createTestDatabase();
const { db } = database;

const SECRET_TITLE = 'Confidential: merger readiness';

let admin: User;
let owner: User;
let editor: User;
let commenter: User;
let stranger: User;
let courseId: string;

beforeEach(async () => {
	await resetTables(database);
	admin = await buildUser(db, { name: 'Instance Admin' });
	owner = await buildUser(db, { name: 'Olga Owner' });
	editor = await buildUser(db, { name: 'Eddie Editor' });
	commenter = await buildUser(db, { name: 'Cora Commenter' });
	stranger = await buildUser(db, { name: 'Stan Stranger' });
	courseId = (await buildCourse(db, owner, SECRET_TITLE)).id;
	await addMember(db, courseId, editor.id, 'editor');
	await addMember(db, courseId, commenter.id, 'commenter');
});

async function course() {
	return db.selectFrom('courses').selectAll().where('id', '=', courseId).executeTakeFirstOrThrow();
}

describe('createCourse', () => {
	it('makes the creator the owner, with the chosen perspective, of a draft course', async () => {
		const created = await createCourse(db, stranger, { title: '  Data literacy  ', perspective: 'company_partner' });
		expect(created).toEqual({ id: expect.stringMatching(/^[a-z2-7]{24}$/), title: 'Data literacy' });
		expect(await listMembers(db, stranger, created.id)).toEqual([
			expect.objectContaining({ userId: stranger.id, role: 'owner', perspective: 'company_partner' })
		]);
		const row = await db.selectFrom('courses').selectAll().where('id', '=', created.id).executeTakeFirstOrThrow();
		expect(row).toMatchObject({ title: 'Data literacy', status: 'draft', archived_at: null, created_by: stranger.id });
	});

	it('starts the course with a live document', async () => {
		const { id } = await createCourse(db, stranger, { title: 'Data literacy' });
		const updates = await db.selectFrom('course_doc_updates').select('course_id').where('course_id', '=', id).execute();
		expect(updates.length).toBeGreaterThan(0);
	});
});

describe('listMyCourses', () => {
	it('shows only my courses, with my role, status and member count', async () => {
		const other = (await buildCourse(db, stranger, 'Someone else’s course')).id;
		const mine = await listMyCourses(db, commenter.id);
		expect(mine).toEqual([
			expect.objectContaining({
				id: courseId,
				title: SECRET_TITLE,
				role: 'commenter',
				perspective: 'other',
				status: 'draft',
				archived: false,
				memberCount: 3
			})
		]);
		expect(mine.map((c) => c.id)).not.toContain(other);
		expect((await listMyCourses(db, owner.id))[0]).toMatchObject({ role: 'owner', memberCount: 3 });
		expect(await listMyCourses(db, admin.id)).toEqual([]);
	});

	it('filters on archived when asked', async () => {
		const second = (await buildCourse(db, owner, 'Still running')).id;
		await setCourseArchived(withoutLive(db), owner, courseId, true);

		expect((await listMyCourses(db, owner.id)).map((c) => c.id).sort()).toEqual([courseId, second].sort());
		expect((await listMyCourses(db, owner.id, { archived: true })).map((c) => [c.id, c.archived])).toEqual([
			[courseId, true]
		]);
		expect((await listMyCourses(db, owner.id, { archived: false })).map((c) => [c.id, c.archived])).toEqual([
			[second, false]
		]);
	});
});

describe('renaming', () => {
	it('lets owners and editors rename, trimming the title', async () => {
		await renameCourse(withoutLive(db), editor, courseId, '  Readiness for mergers ');
		expect((await course()).title).toBe('Readiness for mergers');
		await renameCourse(withoutLive(db), owner, courseId, 'Mergers 101');
		expect((await course()).title).toBe('Mergers 101');
	});

	it('refuses a commenter (forbidden)', async () => {
		await expect(renameCourse(withoutLive(db), commenter, courseId, 'Hijacked')).rejects.toMatchObject({ code: 'forbidden' });
		expect((await course()).title).toBe(SECRET_TITLE);
	});
});

describe('archiving', () => {
	it('is for the owner only', async () => {
		await expect(setCourseArchived(withoutLive(db), editor, courseId, true)).rejects.toMatchObject({ code: 'forbidden' });
		expect((await course()).archived_at).toBeNull();
		await setCourseArchived(withoutLive(db), owner, courseId, true);
		expect((await course()).archived_at).toBeInstanceOf(Date);
	});

	it('makes the course read-only: no rename, no edit, still visible', async () => {
		await setCourseArchived(withoutLive(db), owner, courseId, true);

		await expect(renameCourse(withoutLive(db), owner, courseId, 'New name')).rejects.toMatchObject({ code: 'forbidden' });
		await expect(renameCourse(withoutLive(db), editor, courseId, 'New name')).rejects.toMatchObject({ code: 'forbidden' });
		await expect(authorizeCourse(db, editor, courseId, 'course.edit')).rejects.toMatchObject({ code: 'forbidden' });
		await expect(authorizeCourse(db, commenter, courseId, 'course.view')).resolves.toMatchObject({
			context: { archived: true }
		});
		expect((await course()).title).toBe(SECRET_TITLE);

		const collab = await authorizeCollab(db, { courseId, sessionToken: await buildSession(db, editor.id) });
		expect(collab).toMatchObject({ ok: true, canWrite: false });
	});

	it('can be undone by the owner, after which editing works again', async () => {
		await setCourseArchived(withoutLive(db), owner, courseId, true);
		await expect(setCourseArchived(withoutLive(db), editor, courseId, false)).rejects.toMatchObject({ code: 'forbidden' });
		await setCourseArchived(withoutLive(db), owner, courseId, false);
		expect((await course()).archived_at).toBeNull();
		await renameCourse(withoutLive(db), editor, courseId, 'Back in business');
		expect((await course()).title).toBe('Back in business');
		await expect(authorizeCourse(db, editor, courseId, 'course.edit')).resolves.toBeDefined();
	});
});

describe('people outside the course', () => {
	it('get not_found for every verb, and the message never names the course', async () => {
		const attempts: (() => Promise<unknown>)[] = [
			() => renameCourse(withoutLive(db), stranger, courseId, 'Mine now'),
			() => setCourseArchived(withoutLive(db), stranger, courseId, true),
			() => listMembers(db, stranger, courseId),
			() => authorizeCourse(db, stranger, courseId, 'course.view'),
			() => authorizeCourse(db, admin, courseId, 'course.view'),
			() => authorizeCourse(db, null, courseId, 'course.view')
		];
		for (const attempt of attempts) {
			const err = await attempt().then(
				() => null,
				(e: unknown) => e
			);
			expect(err).toMatchObject({ code: 'not_found', status: 404 });
			expect(String((err as Error).message)).not.toContain('merger');
		}
		expect(await course()).toMatchObject({ title: SECRET_TITLE, archived_at: null });
	});

	it('get the same answer for a course that does not exist', async () => {
		const missing = 'a'.repeat(24);
		const [realErr, missingErr] = await Promise.all([
			renameCourse(withoutLive(db), stranger, courseId, 'x').catch((e: unknown) => e),
			renameCourse(withoutLive(db), stranger, missing, 'x').catch((e: unknown) => e)
		]);
		expect(realErr).toEqual(missingErr);
	});

	it('lets a coordinator read a submitted course, but not change it', async () => {
		const coordinator = await buildUser(db, { name: 'Coco Coordinator' });
		await db.updateTable('users').set({ role: 'coordinator' }).where('id', '=', coordinator.id).execute();
		const asCoordinator = { ...coordinator, role: 'coordinator' as const };

		await expect(authorizeCourse(db, asCoordinator, courseId, 'course.view')).rejects.toMatchObject({ code: 'not_found' });
		await db.updateTable('courses').set({ status: 'in_review' }).where('id', '=', courseId).execute();
		await expect(authorizeCourse(db, asCoordinator, courseId, 'course.view')).resolves.toMatchObject({
			membership: null
		});
		await expect(renameCourse(withoutLive(db), asCoordinator, courseId, 'Reviewed')).rejects.toMatchObject({ code: 'forbidden' });
		await expect(authorizeCourse(db, admin, courseId, 'course.view')).resolves.toBeDefined();
	});
});
