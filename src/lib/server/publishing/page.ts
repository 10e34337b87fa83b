import type { Kysely } from 'kysely';
import { diffSpecs } from '$lib/course-spec/diff';
import type { CourseStatus, Database } from '../db/types';
import { allowedTransitions, type Actor, type Transition } from '../policy';
import { authorizeCourse } from '../courses/access';
import { transitionContext } from '../review/context';
import { namesOf } from '../review/people';
import { primaryLanguage } from '$lib/course-spec/rules/field-values';
import { pendingPublicationFeedback } from '../feedback/items';
import { slugify } from './slug';
import { publishingTarget } from './target';
import { checkForPublishing, type PublishingProblem } from './validate';

export interface PublishedVersionSummary {
	number: number;
	contentHash: string;
	changeNotes: string;
	feedbackSummary: string;
	approvedBy: string | null;
	approvedAt: Date;
	publishedBy: string | null;
	publishedAt: Date;
}

/** The approved submission a coordinator is about to publish: exactly what will be frozen. */
export interface ApprovedSubmission {
	submittedBy: string | null;
	submittedAt: Date;
	approvedBy: string | null;
	approvedAt: Date;
	/** The team's notes, the form's starting point. */
	changeNotes: string;
	/** The team's "updated after pilot feedback" summary, likewise. */
	feedbackSummary: string;
	/** Feedback items marked done that publishing attaches to this version. */
	pendingFeedback: number;
	/** Changes against the latest published version, when there is one. */
	changesSincePublished: number | null;
	/** What keeps it from being published (its exports must validate, among others); empty when it can go. */
	problems: PublishingProblem[];
}

export interface PublishPage {
	status: CourseStatus;
	retired: boolean;
	/** The public address, fixed at the first publication. */
	slug: string | null;
	/** Before that: what the address will most likely be (a number is added if it is taken by then). */
	proposedSlug: string;
	transitions: Transition[];
	nextVersion: number;
	approved: ApprovedSubmission | null;
	versions: PublishedVersionSummary[];
}

/** `origin` only shapes the ids inside the exports that are checked, never whether they pass. */
export async function loadPublishPage(db: Kysely<Database>, actor: Actor, courseId: string, origin = 'http://localhost'): Promise<PublishPage> {
	const access = await authorizeCourse(db, actor, courseId, 'course.view');
	const context = await transitionContext(db, access);
	const rows = await db
		.selectFrom('published_versions')
		.select(['number', 'content_hash', 'change_notes', 'feedback_summary', 'approved_by', 'approved_at', 'published_by', 'published_at', 'spec'])
		.where('course_id', '=', courseId)
		.orderBy('number', 'desc')
		.execute();
	const approvedRow =
		context.status === 'approved'
			? await db
					.selectFrom('course_reviews')
					.select(['submitted_by', 'submitted_at', 'decided_by', 'decided_at', 'change_notes', 'feedback_summary', 'spec'])
					.where('course_id', '=', courseId)
					.where('decision', '=', 'approved')
					.orderBy('submitted_at', 'desc')
					.limit(1)
					.executeTakeFirst()
			: undefined;
	const names = await namesOf(db, [
		...rows.flatMap((r) => [r.approved_by, r.published_by]),
		approvedRow?.submitted_by ?? null,
		approvedRow?.decided_by ?? null
	]);
	const name = (id: string | null) => (id ? (names.get(id) ?? null) : null);
	const check = approvedRow ? await checkForPublishing(db, approvedRow.spec, await publishingTarget(db, access.course, origin)) : null;
	return {
		status: context.status,
		retired: context.retired,
		slug: access.course.slug,
		proposedSlug: access.course.slug ?? slugify((approvedRow && approvedRow.spec.title[primaryLanguage(approvedRow.spec)]) || access.course.title),
		transitions: allowedTransitions(actor, context),
		nextVersion: (rows.length > 0 ? Number(rows[0].number) : 0) + 1,
		approved: approvedRow
			? {
					submittedBy: name(approvedRow.submitted_by),
					submittedAt: new Date(approvedRow.submitted_at),
					approvedBy: name(approvedRow.decided_by),
					approvedAt: new Date(approvedRow.decided_at ?? approvedRow.submitted_at),
					changeNotes: approvedRow.change_notes,
					feedbackSummary: approvedRow.feedback_summary,
					pendingFeedback: (await pendingPublicationFeedback(db, courseId)).addressed,
					changesSincePublished: rows.length > 0 ? diffSpecs(rows[0].spec, approvedRow.spec).changes : null,
					problems: check && !check.ok ? check.problems : []
				}
			: null,
		versions: rows.map((row) => ({
			number: Number(row.number),
			contentHash: row.content_hash,
			changeNotes: row.change_notes,
			feedbackSummary: row.feedback_summary,
			approvedBy: name(row.approved_by),
			approvedAt: new Date(row.approved_at),
			publishedBy: name(row.published_by),
			publishedAt: new Date(row.published_at)
		}))
	};
}
