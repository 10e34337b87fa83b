import { sql, type Transaction } from 'kysely';
import type { CourseRow, CourseStatus, Database } from '../db/types';
import { can, checkTransition, type Actor, type Transition, type TransitionContext } from '../policy';
import { conflict, forbidden, notFound } from '../errors';
import { generateId, ID_PATTERN } from '../ids';
import { refreshReadersAccess } from '../live-access';
import { addNotifications, type MailContext, type NewNotification, type OutgoingEmail } from '../notifications';
import { STATUS_LABELS } from '$lib/labels';
import { m } from '$lib/paraglide/messages';
import type { LiveContext } from '../live-context';

/**
 * Every change of a course's status runs through here: one transaction that locks the course row,
 * checks each step against the policy's transition table, writes the new status with its timeline
 * event and the notification rows, and only after it commits sends the emails and reconnects live
 * readers who may have lost access. Nothing is half-written, and two people deciding on the same
 * course at once are served one after the other: the second finds the status already moved on.
 */

export interface WorkflowStep {
	trx: Transaction<Database>;
	/** The course row as locked at the start. */
	course: CourseRow;
	/** The course as it stands after the steps taken so far. */
	context: TransitionContext;
	/** Takes one step of the lifecycle, or throws (403 not this person's step, 409 not possible now). */
	take(transition: Transition, event?: { note?: string; versionNumber?: number }): Promise<CourseStatus>;
	notify(notification: Omit<NewNotification, 'courseId' | 'actorId'>): Promise<void>;
}

export async function runWorkflow<T>(
	ctx: LiveContext,
	actor: Actor,
	courseId: string,
	mail: MailContext,
	work: (step: WorkflowStep) => Promise<T>
): Promise<T> {
	const { db } = ctx;
	const emails: OutgoingEmail[] = [];
	let before: TransitionContext | undefined;
	let after: TransitionContext | undefined;
	const result = await db.transaction().execute(async (trx) => {
		const { course, context } = await lockCourse(trx, actor, courseId);
		before = context;
		const step: WorkflowStep = {
			trx,
			course,
			context,
			async take(transition, event = {}) {
				const check = checkTransition(actor, transition, step.context);
				if (!check.ok) {
					throw check.reason === 'forbidden' ? forbidden(FORBIDDEN[transition]()) : conflict(statusConflict(transition, step.context));
				}
				const retired = transition === 'retire' ? true : transition === 'unretire' ? false : step.context.retired;
				await trx
					.updateTable('courses')
					.set({
						status: check.to,
						updated_at: new Date(),
						...(retired !== step.context.retired ? { retired_at: retired ? new Date() : null } : {})
					})
					.where('id', '=', courseId)
					.execute();
				await trx
					.insertInto('course_status_events')
					.values({
						id: generateId(),
						course_id: courseId,
						from_status: step.context.status,
						to_status: transition === 'retire' ? 'retired' : transition === 'unretire' ? 'unretired' : check.to,
						actor_id: actor.id,
						note: event.note ?? '',
						version_number: event.versionNumber ?? null,
						// Steps taken in one transaction (approve, then publish) keep their order in the timeline.
						created_at: sql<Date>`clock_timestamp()`
					})
					.execute();
				step.context = { ...step.context, status: check.to, retired, published: step.context.published || transition === 'publish' };
				return check.to;
			},
			async notify(notification) {
				emails.push(...(await addNotifications(trx, { ...notification, courseId, actorId: actor.id }, mail.origin)));
			}
		};
		const value = await work(step);
		after = step.context;
		return value;
	});
	mail.mailer.send(emails);
	if (before && after && outsidersLostSight(before, after)) refreshReadersAccess(ctx.live, courseId);
	return result;
}

/** Loads and locks a course for a status change; a course the actor may not see does not exist for them. */
async function lockCourse(trx: Transaction<Database>, actor: Actor, courseId: string) {
	const missing = notFound(m.course_not_found());
	if (!ID_PATTERN.test(courseId)) throw missing;
	const course = await trx.selectFrom('courses').selectAll().where('id', '=', courseId).forUpdate().executeTakeFirst();
	if (!course) throw missing;
	const [membership, published] = await Promise.all([
		trx
			.selectFrom('course_members')
			.select(['role', 'perspective'])
			.where('course_id', '=', courseId)
			.where('user_id', '=', actor.id)
			.executeTakeFirst(),
		trx.selectFrom('published_versions').select('id').where('course_id', '=', courseId).limit(1).executeTakeFirst()
	]);
	const context: TransitionContext = {
		status: course.status,
		archived: course.archived_at !== null,
		membership: membership ?? null,
		published: published !== undefined,
		retired: course.retired_at !== null
	};
	if (!can(actor, 'course.view', context)) throw missing;
	return { course, context };
}

/** Whether a coordinator who is not on the team could read the course before and cannot any more. */
function outsidersLostSight(before: TransitionContext, after: TransitionContext): boolean {
	const outsider: Actor = { id: '', role: 'coordinator' };
	const as = (c: TransitionContext) => ({ ...c, membership: null });
	return can(outsider, 'course.view', as(before)) && !can(outsider, 'course.view', as(after));
}

const FORBIDDEN: Record<Transition, () => string> = {
	submit: () => m.review_forbidden_submit(),
	withdraw: () => m.review_forbidden_withdraw(),
	requestChanges: () => m.review_forbidden_request_changes(),
	approve: () => m.review_forbidden_approve(),
	publish: () => m.review_forbidden_publish(),
	retire: () => m.review_forbidden_retire(),
	unretire: () => m.review_forbidden_unretire()
};

function statusConflict(transition: Transition, course: TransitionContext): string {
	const status = STATUS_LABELS[course.status].toLowerCase();
	if (course.archived && transition !== 'retire' && transition !== 'unretire') {
		return m.review_conflict_archived();
	}
	switch (transition) {
		case 'submit':
			if (course.retired) return m.review_conflict_retired_submit();
			return course.status === 'in_review' ? m.review_conflict_already_waiting() : m.review_conflict_cannot_submit({ status });
		case 'withdraw':
			return m.review_conflict_cannot_withdraw({ status });
		case 'requestChanges':
		case 'approve':
			return m.review_conflict_already_decided({ status });
		case 'publish':
			return course.status === 'published' ? m.review_conflict_already_published() : m.review_conflict_cannot_publish({ status });
		case 'retire':
			if (course.retired) return m.review_conflict_already_retired();
			return course.published ? m.review_conflict_decide_before_retiring({ status }) : m.review_conflict_retire_unpublished();
		case 'unretire':
			return m.review_conflict_not_retired();
	}
}
