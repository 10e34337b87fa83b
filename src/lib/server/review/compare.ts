import type { Kysely } from 'kysely';
import { diffSpecs, type SpecDiff } from '$lib/course-spec/diff';
import { docToSpec } from '$lib/course-spec/doc';
import type { CourseSpec } from '$lib/course-spec/types';
import type { Database } from '../db/types';
import type { Actor } from '../policy';
import { authorizeCourse } from '../courses/access';
import { currentCourseDoc } from '../course-docs';
import { invalid, notFound } from '../errors';
import { latestSubmission, previousSubmission } from './submissions';
import { m } from '$lib/paraglide/messages';
import type { LiveContext } from '../live-context';

/**
 * The specs a review compares: the latest published version, the submission the reviewers last
 * asked changes on, the latest submission, and the live document.
 */
export type ReviewSide = 'published' | 'previous' | 'submission' | 'current';
export const REVIEW_SIDES: readonly ReviewSide[] = ['published', 'previous', 'submission', 'current'];

export interface ReviewSideView {
	side: ReviewSide;
	/** "v2", or when it was submitted. */
	version: number | null;
	at: Date | null;
}

export interface ReviewComparison {
	from: ReviewSideView;
	to: ReviewSideView;
	diff: SpecDiff;
}

/** What changed between two of a course's review specs, field by field. */
export async function compareForReview(
	ctx: LiveContext,
	actor: Actor,
	courseId: string,
	from: ReviewSide,
	to: ReviewSide
): Promise<ReviewComparison> {
	const { db } = ctx;
	await authorizeCourse(db, actor, courseId, 'course.view');
	if (from === to) throw invalid(m.review_error_same_sides(), 'to');
	const [a, b] = [await side(ctx, courseId, from, 'from'), await side(ctx, courseId, to, 'to')];
	return { from: a.view, to: b.view, diff: diffSpecs(a.spec, b.spec) };
}

async function side(ctx: LiveContext, courseId: string, which: ReviewSide, field: 'from' | 'to'): Promise<{ view: ReviewSideView; spec: CourseSpec }> {
	const { db } = ctx;
	switch (which) {
		case 'current': {
			const doc = await currentCourseDoc(ctx, courseId);
			try {
				return { view: { side: which, version: null, at: null }, spec: docToSpec(doc) };
			} finally {
				doc.destroy();
			}
		}
		case 'published': {
			const row = await db
				.selectFrom('published_versions')
				.select(['number', 'spec', 'published_at'])
				.where('course_id', '=', courseId)
				.orderBy('number', 'desc')
				.limit(1)
				.executeTakeFirst();
			if (!row) throw invalid(m.review_error_nothing_published(), field);
			return { view: { side: which, version: Number(row.number), at: new Date(row.published_at) }, spec: row.spec };
		}
		case 'submission':
		case 'previous': {
			const latest = await latestSubmission(db, courseId);
			const row = latest && which === 'previous' ? await previousSubmission(db, latest) : latest;
			if (!row) throw invalid(which === 'previous' ? m.review_error_no_previous() : m.review_error_not_submitted(), field);
			return { view: { side: which, version: null, at: new Date(row.submitted_at) }, spec: row.spec };
		}
	}
}

/** The latest submission's spec as it was submitted: what the reviewer reads and approves. */
export async function readSubmittedSpec(db: Kysely<Database>, actor: Actor, courseId: string) {
	await authorizeCourse(db, actor, courseId, 'course.view');
	const row = await latestSubmission(db, courseId);
	if (!row) throw notFound(m.review_error_not_submitted());
	return { submittedAt: new Date(row.submitted_at), decision: row.decision, spec: row.spec };
}
