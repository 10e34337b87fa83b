import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { canonicalJson } from '$lib/course-spec/canonical-json';
import { docToSpec } from '$lib/course-spec/doc';
import { renameCourse } from '$lib/server/courses';
import { isDomainError } from '$lib/server/errors';
import type { Actor } from '$lib/server/policy';
import { contentHash, publishCourse } from '$lib/server/publishing';
import { approveSubmission, loadReviewPage, requestChanges, submitForReview } from '$lib/server/review';
import { createTestDatabase } from '$tests/support/db';
import { buildCompleteCourse, buildPerson, domainErrorOf as errorOf, editSpec, loggingMail } from '$tests/support/review';
import { withoutLive } from '$lib/server/live-context';

// Publishing freezes what was submitted and approved, immutably, under a lock.

const { db } = await createTestDatabase();
const mail = loggingMail();
let coordinator: Actor;
let otherCoordinator: Actor;
let owner: Actor;

beforeAll(async () => {
	await buildPerson(db, 'Ada Admin', 'admin');
	coordinator = await buildPerson(db, 'Cai Coordinator', 'coordinator');
	otherCoordinator = await buildPerson(db, 'Cleo Coordinator', 'coordinator');
	owner = await buildPerson(db, 'Liisa Lecturer');
});

async function approvedCourse(title: string) {
	const id = await buildCompleteCourse(db, owner, title);
	await submitForReview(withoutLive(db), owner, id, { note: 'Ready.' }, mail);
	await approveSubmission(withoutLive(db), coordinator, id, {}, mail);
	return id;
}

const versionsOf = (courseId: string) =>
	db.selectFrom('published_versions').selectAll().where('course_id', '=', courseId).orderBy('number').execute();

describe('publishing a version', () => {
	it('freezes the submitted state and spec, not edits made after submitting, with the hash of its canonical JSON', async () => {
		const id = await buildCompleteCourse(db, owner, 'Circular design');
		await submitForReview(withoutLive(db), owner, id, { note: 'First version.' }, mail);
		// The team keeps editing while the course is in review.
		await editSpec(db, id, owner.id, (spec) => {
			spec.learningOutcomes[0].text.en = 'Edited after submitting.';
		});
		await approveSubmission(withoutLive(db), coordinator, id, { note: 'Looks good.' }, mail);
		const published = await publishCourse(withoutLive(db), coordinator, id, { changeNotes: '' }, mail);
		expect(published).toMatchObject({ number: 1, slug: 'circular-design' });

		const [v1] = await versionsOf(id);
		expect(v1.spec.learningOutcomes[0].text.en).toBe('Describe the basics.');
		const frozen = new Y.Doc();
		Y.applyUpdate(frozen, new Uint8Array(v1.state));
		expect(canonicalJson(docToSpec(frozen))).toBe(canonicalJson(v1.spec));
		expect(v1.content_hash).toBe(contentHash(v1.spec));
		expect(v1.content_hash).toBe(published.contentHash);
		const review = await db.selectFrom('course_reviews').selectAll().where('course_id', '=', id).executeTakeFirstOrThrow();
		expect(v1).toMatchObject({ review_id: review.id, approved_by: coordinator.id, published_by: coordinator.id, change_notes: '' });
		expect(new Date(v1.approved_at).getTime()).toBe(new Date(review.decided_at!).getTime());
	});

	it('makes v2 from a new submission, with change notes the team wrote, keeping the address of v1', async () => {
		const id = await approvedCourse('Platform economy');
		await publishCourse(withoutLive(db), coordinator, id, {}, mail);
		await renameCourse(withoutLive(db), owner, id, 'Platform economy for small firms');

		// From the second version on the team says what changed, next to the field.
		expect(await errorOf(submitForReview(withoutLive(db), owner, id, { note: 'v2 please.' }, mail))).toMatchObject({ code: 'invalid', field: 'changeNotes' });
		await submitForReview(withoutLive(db), owner, id, { note: 'v2 please.', changeNotes: 'A clearer title.' }, mail);
		await approveSubmission(withoutLive(db), coordinator, id, {}, mail);
		const notes = await db.selectFrom('course_reviews').select('change_notes').where('decision', '=', 'approved').where('course_id', '=', id).orderBy('submitted_at', 'desc').executeTakeFirstOrThrow();
		expect(notes.change_notes).toBe('A clearer title.');
		expect(await errorOf(publishCourse(withoutLive(db), coordinator, id, { changeNotes: '  ' }, mail))).toMatchObject({ code: 'invalid', field: 'changeNotes' });
		const v2 = await publishCourse(withoutLive(db), coordinator, id, { changeNotes: 'A clearer title for small firms.' }, mail);
		expect(v2).toMatchObject({ number: 2, slug: 'platform-economy' });

		const versions = await versionsOf(id);
		expect(versions.map((v) => [v.number, v.spec.title.en, v.change_notes])).toEqual([
			[1, 'Platform economy', ''],
			[2, 'Platform economy for small firms', 'A clearer title for small firms.']
		]);
		expect(versions[0].content_hash).not.toBe(versions[1].content_hash);
		const course = await db.selectFrom('courses').select(['slug', 'status']).where('id', '=', id).executeTakeFirstOrThrow();
		expect(course).toEqual({ slug: 'platform-economy', status: 'published' });
	});

	it('refuses a new submission that reads exactly as the published version, and says so on the page', async () => {
		const id = await approvedCourse('Unchanged course');
		await publishCourse(withoutLive(db), coordinator, id, {}, mail);
		expect((await loadReviewPage(withoutLive(db), owner, id)).readiness).toMatchObject({ unchanged: true, changesSincePublished: 0 });
		const error = await errorOf(submitForReview(withoutLive(db), owner, id, { note: 'Again?', changeNotes: 'Nothing really.' }, mail));
		expect(error).toMatchObject({ code: 'invalid', message: 'Nothing has changed since v1: there is no new version to submit.' });
		await editSpec(db, id, owner.id, (spec) => {
			spec.ectsCredits = 3;
		});
		expect((await loadReviewPage(withoutLive(db), owner, id)).readiness).toMatchObject({ unchanged: false, changesSincePublished: 1 });
		expect(await errorOf(submitForReview(withoutLive(db), owner, id, { note: 'More credits.', changeNotes: '3 ECTS now.' }, mail))).toBeNull();
	});

	it('gives each course its own address, numbering courses of the same title', async () => {
		const first = await approvedCourse('Data literacy');
		const second = await approvedCourse('Data  literacy!');
		expect((await publishCourse(withoutLive(db), coordinator, first, {}, mail)).slug).toBe('data-literacy');
		expect((await publishCourse(withoutLive(db), coordinator, second, {}, mail)).slug).toBe('data-literacy-2');
	});

	it('publishes once when two coordinators publish the same course at the same moment', async () => {
		const id = await approvedCourse('Service design');
		const results = await Promise.allSettled([
			publishCourse(withoutLive(db), coordinator, id, { changeNotes: 'From Cai.' }, mail),
			publishCourse(withoutLive(db), otherCoordinator, id, { changeNotes: 'From Cleo.' }, mail)
		]);
		expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
		const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
		expect(isDomainError(refused.reason) && refused.reason.code).toBe('conflict');
		expect(await versionsOf(id)).toHaveLength(1);
		const events = await db.selectFrom('course_status_events').select('to_status').where('course_id', '=', id).where('to_status', '=', 'published').execute();
		expect(events).toHaveLength(1);
	});

	it('records one approval when two coordinators approve the same submission at the same moment', async () => {
		const id = await buildCompleteCourse(db, owner, 'Green logistics');
		await submitForReview(withoutLive(db), owner, id, { note: 'Ready.' }, mail);
		const results = await Promise.allSettled([
			approveSubmission(withoutLive(db), coordinator, id, { note: 'Yes.' }, mail),
			approveSubmission(withoutLive(db), otherCoordinator, id, { note: 'Yes!' }, mail)
		]);
		expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
		const events = await db.selectFrom('course_status_events').select('to_status').where('course_id', '=', id).where('to_status', '=', 'approved').execute();
		expect(events).toHaveLength(1);
		// The team hears about it once, not twice.
		const notified = await db.selectFrom('notifications').select('id').where('course_id', '=', id).where('kind', '=', 'review.approved').execute();
		expect(notified).toHaveLength(1);
	});

	it('refuses to submit a course with EU mandatory elements missing, naming them', async () => {
		const id = await buildCompleteCourse(db, owner, 'Half done', (spec) => {
			spec.learningOutcomes = [];
			spec.assessments = [];
		});
		const error = await errorOf(submitForReview(withoutLive(db), owner, id, { note: 'Ready?' }, mail));
		expect(error?.code).toBe('invalid');
		expect(error?.message).toContain('Learning outcomes');
		expect(error?.message).toContain('Type of assessment');
		expect(await db.selectFrom('course_reviews').select('id').where('course_id', '=', id).execute()).toEqual([]);
		// An empty note is refused next to its field before anything else is looked at.
		expect(await errorOf(submitForReview(withoutLive(db), owner, id, { note: ' ' }, mail))).toMatchObject({ code: 'invalid', field: 'note' });
	});
});

describe('published versions are immutable in the database itself', () => {
	let id: string;
	beforeAll(async () => {
		id = await approvedCourse('Immutable course');
		await publishCourse(withoutLive(db), coordinator, id, { changeNotes: 'Original notes.' }, mail);
	});

	it('refuses an UPDATE', async () => {
		await expect(
			db.updateTable('published_versions').set({ content_hash: '0'.repeat(64) } as never).where('course_id', '=', id).execute()
		).rejects.toThrow(/published versions cannot be changed or deleted/);
		await expect(sql`update published_versions set change_notes = 'rewritten' where course_id = ${id}`.execute(db)).rejects.toThrow(
			/cannot be changed/
		);
	});

	it('refuses a DELETE and a TRUNCATE', async () => {
		await expect(db.deleteFrom('published_versions').where('course_id', '=', id).execute()).rejects.toThrow(/cannot be changed or deleted/);
		await expect(sql`truncate published_versions cascade`.execute(db)).rejects.toThrow(/cannot be changed or deleted/);
		const [v1] = await versionsOf(id);
		expect(v1.change_notes).toBe('Original notes.');
		expect(v1.content_hash).toBe(contentHash(v1.spec));
	});
});
