import type { Kysely } from 'kysely';
import { diffSpecs } from '$lib/course-spec/diff';
import { docToSpec } from '$lib/course-spec/doc';
import { checkCompleteness, type Completeness } from '$lib/course-spec/rules/completeness';
import { checkQuality, type QualityIssue } from '$lib/course-spec/rules/quality';
import type { CourseSpec } from '$lib/course-spec/types';
import type { CourseStatus, Database, ReviewDecision } from '../db/types';
import { allowedTransitions, TRANSITIONS, type Actor, type Transition } from '../policy';
import { authorizeCourse } from '../courses/access';
import { currentCourseDoc } from '../course-docs';
import { getProviderProfile } from '../settings';
import { pendingPublicationFeedback } from '../feedback/items';
import { findSimilarPublished, type SimilarCourse } from '../publishing/similar';
import { checkForPublishing, type PublishingProblem, type PublishingTarget } from '../publishing/validate';
import { publishingTarget } from '../publishing/target';
import { transitionContext } from './context';
import { namesOf } from './people';
import { daysSince } from './queue';
import { latestSubmission, previousSubmission, type SubmissionRow } from './submissions';
import { readTimeline, type TimelineEvent } from './timeline';
import type { LiveContext } from '../live-context';

export interface SubmissionView {
	submittedBy: string | null;
	submittedAt: Date;
	note: string;
	changeNotes: string;
	/** "Updated after pilot feedback", in the team's words. */
	feedbackSummary: string;
	decision: ReviewDecision | null;
	decisionNote: string;
	decidedBy: string | null;
	decidedAt: Date | null;
	daysWaiting: number;
}

/** Whether the live document could be submitted now, and what is in the way. */
export interface Readiness {
	problems: PublishingProblem[];
	/** It reads exactly as the latest published version: there is nothing new to submit. */
	unchanged: boolean;
	/** Changes since the last published version, when there is one. */
	changesSincePublished: number | null;
	/** Feedback items marked done that the next publication will carry ("you said, we changed"). */
	pendingFeedback: number;
}

/** What a reviewer weighs: findings on the submitted spec and how it compares. */
export interface ReviewWorkspace {
	completeness: Completeness;
	quality: QualityIssue[];
	/** Edits to the live document since it was submitted (not part of this submission). */
	changedSinceSubmission: number;
	/** The team's changes since the reviewers last asked for changes. */
	sincePrevious: { count: number; submittedAt: Date } | null;
	/** Against the latest published version, when there is one. */
	againstPublished: { count: number; version: number } | null;
	similar: SimilarCourse[];
}

export interface ReviewPage {
	status: CourseStatus;
	retired: boolean;
	/** The steps this person can take now (the transition table decides). */
	transitions: Transition[];
	nextVersion: number;
	latestPublished: { number: number; publishedAt: Date } | null;
	/** The latest submission, open or decided. */
	submission: SubmissionView | null;
	/** For team members while the course can be submitted. */
	readiness: Readiness | null;
	/** While a submission waits for a decision or for publishing. */
	workspace: ReviewWorkspace | null;
	timeline: TimelineEvent[];
}

/** `origin` only shapes the ids inside the exports that readiness validates, never whether they pass. */
export async function loadReviewPage(ctx: LiveContext, actor: Actor, courseId: string, origin = 'http://localhost'): Promise<ReviewPage> {
	const { db } = ctx;
	const access = await authorizeCourse(db, actor, courseId, 'course.view');
	const context = await transitionContext(db, access);
	const [submission, timeline, latest] = await Promise.all([
		latestSubmission(db, courseId),
		readTimeline(db, courseId),
		db
			.selectFrom('published_versions')
			.select(['number', 'spec', 'published_at'])
			.where('course_id', '=', courseId)
			.orderBy('number', 'desc')
			.limit(1)
			.executeTakeFirst()
	]);
	const published = latest ? { spec: latest.spec, version: Number(latest.number), at: new Date(latest.published_at) } : null;
	const submit = TRANSITIONS.submit;
	const couldSubmit = access.membership !== null && submit.from.includes(context.status) && !context.retired && !context.archived;
	const pending =
		submission && ((context.status === 'in_review' && submission.decision === null) || (context.status === 'approved' && submission.decision === 'approved'))
			? submission
			: null;
	// The live document is read only when it is compared with something.
	const live = couldSubmit || pending ? await currentSpec(ctx, courseId) : null;

	return {
		status: context.status,
		retired: context.retired,
		transitions: allowedTransitions(actor, context),
		nextVersion: (published?.version ?? 0) + 1,
		latestPublished: published ? { number: published.version, publishedAt: published.at } : null,
		submission: submission ? await present(db, submission) : null,
		readiness:
			couldSubmit && live
				? {
						...(await readiness(db, live, published?.spec, await publishingTarget(db, access.course, origin))),
						pendingFeedback: (await pendingPublicationFeedback(db, courseId)).addressed
					}
				: null,
		workspace: pending && live ? await workspace(db, pending, live, published, (await getProviderProfile(db)).hoursPerEcts) : null,
		timeline
	};
}

async function currentSpec(ctx: LiveContext, courseId: string): Promise<CourseSpec> {
	const doc = await currentCourseDoc(ctx, courseId);
	try {
		return docToSpec(doc);
	} finally {
		doc.destroy();
	}
}

async function readiness(
	db: Kysely<Database>,
	live: CourseSpec,
	published: CourseSpec | undefined,
	target: PublishingTarget
): Promise<Omit<Readiness, 'pendingFeedback'>> {
	const check = await checkForPublishing(db, live, target);
	const changes = published ? diffSpecs(published, live).changes : null;
	return { problems: check.ok ? [] : check.problems, unchanged: changes === 0, changesSincePublished: changes };
}

async function workspace(
	db: Kysely<Database>,
	submission: SubmissionRow,
	live: CourseSpec,
	published: { spec: CourseSpec; version: number; at: Date } | null,
	hoursPerEcts: number
): Promise<ReviewWorkspace> {
	const submitted = submission.spec;
	const [previous, similar] = await Promise.all([previousSubmission(db, submission), findSimilarPublished(db, submission.course_id, submitted)]);
	// A round of changes from before the latest publication belongs to that version's story, not this one's.
	const relevantPrevious = previous && (!published || new Date(previous.submitted_at) > published.at) ? previous : null;
	return {
		completeness: checkCompleteness(submitted),
		quality: checkQuality(submitted, { hoursPerEcts }),
		changedSinceSubmission: diffSpecs(submitted, live).changes,
		sincePrevious: relevantPrevious
			? { count: diffSpecs(relevantPrevious.spec, submitted).changes, submittedAt: new Date(relevantPrevious.submitted_at) }
			: null,
		againstPublished: published ? { count: diffSpecs(published.spec, submitted).changes, version: published.version } : null,
		similar
	};
}

async function present(db: Kysely<Database>, row: SubmissionRow): Promise<SubmissionView> {
	const names = await namesOf(db, [row.submitted_by, row.decided_by]);
	const submittedAt = new Date(row.submitted_at);
	return {
		submittedBy: names.get(row.submitted_by) ?? null,
		submittedAt,
		note: row.note,
		changeNotes: row.change_notes,
		feedbackSummary: row.feedback_summary,
		decision: row.decision,
		decisionNote: row.decision_note,
		decidedBy: row.decided_by ? (names.get(row.decided_by) ?? null) : null,
		decidedAt: row.decided_at ? new Date(row.decided_at) : null,
		daysWaiting: daysSince(submittedAt)
	};
}
