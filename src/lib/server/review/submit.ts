import * as Y from 'yjs';
import type { Transaction } from 'kysely';
import { docToSpec } from '$lib/course-spec/doc';
import type { CourseSpec } from '$lib/course-spec/types';
import type { Database } from '../db/types';
import { bytesAsSql } from '../db/bytes';
import type { Actor } from '../policy';
import { authorizeCourse } from '../courses/access';
import { currentCourseDoc } from '../course-docs';
import { invalid } from '../errors';
import { generateId } from '../ids';
import type { MailContext } from '../notifications';
import { contentHash } from '../publishing/content-hash';
import { checkForPublishing } from '../publishing/validate';
import { publishingTarget } from '../publishing/target';
import { reviewerIds } from './recipients';
import { parseInput, submitSchema } from './schema';
import { nextVersionNumber } from './submissions';
import { runWorkflow } from './workflow';
import { openReviewComments } from '../comments/review';
import { m } from '$lib/paraglide/messages';
import type { LiveContext } from '../live-context';

/**
 * An owner hands the course to the coordinators. What is submitted is the live document as it is at
 * this moment, kept with the submission: that is what a coordinator reads and, if approved, what is
 * published. The team keeps editing meanwhile; those later edits are shown to the reviewer as
 * "changed since submission" and go into the next submission, never silently into this one.
 */
export async function submitForReview(
	ctx: LiveContext,
	actor: Actor,
	courseId: string,
	input: { note?: string; changeNotes?: string; feedbackSummary?: string },
	mail: MailContext
): Promise<{ submissionId: string; version: number }> {
	const { db } = ctx;
	const { note, changeNotes, feedbackSummary } = parseInput(submitSchema, input);
	// Outsiders learn nothing, not even that the course exists, before its document is read.
	await authorizeCourse(db, actor, courseId, 'course.view');
	const doc = await currentCourseDoc(ctx, courseId);
	let state: Uint8Array;
	let live: CourseSpec;
	try {
		state = Y.encodeStateAsUpdate(doc);
		live = docToSpec(doc);
	} finally {
		doc.destroy();
	}

	return runWorkflow(ctx, actor, courseId, mail, async (step) => {
		await step.take('submit', { note });
		const check = await checkForPublishing(step.trx, live, await publishingTarget(step.trx, step.course, mail.origin));
		if (!check.ok) {
			const count = check.problems.length;
			throw invalid(m.review_error_not_ready({ count, labels: check.problems.map((p) => p.label).join(', ') }));
		}
		const openReview = await openReviewComments(step.trx, courseId);
		if (openReview > 0) {
			throw invalid(m.review_error_open_comments({ count: openReview }));
		}
		const version = await nextVersionNumber(step.trx, courseId);
		if (version > 1 && (await sameAsPublished(step.trx, courseId, contentHash(check.spec)))) {
			throw invalid(m.review_error_unchanged({ version: version - 1 }));
		}
		if (version > 1 && changeNotes === '') {
			throw invalid(m.review_error_change_notes({ latest: version - 1, next: version }), 'changeNotes');
		}
		const submissionId = generateId();
		await step.trx
			.insertInto('course_reviews')
			.values({
				id: submissionId,
				course_id: courseId,
				submitted_by: actor.id,
				note,
				change_notes: changeNotes,
				feedback_summary: feedbackSummary,
				state: bytesAsSql(state),
				spec: JSON.stringify(check.spec)
			})
			.execute();
		await step.notify({ kind: 'review.submitted', recipients: await reviewerIds(step.trx), data: { note, version } });
		return { submissionId, version };
	});
}

/** Whether the latest published version has exactly this content (hashes of canonical JSON compare equal). */
async function sameAsPublished(trx: Transaction<Database>, courseId: string, hash: string): Promise<boolean> {
	const latest = await trx
		.selectFrom('published_versions')
		.select('content_hash')
		.where('course_id', '=', courseId)
		.orderBy('number', 'desc')
		.limit(1)
		.executeTakeFirst();
	return latest?.content_hash === hash;
}
