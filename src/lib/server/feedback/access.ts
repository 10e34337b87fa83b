import { m } from '$lib/paraglide/messages';
import type { Kysely, Selectable } from 'kysely';
import type { Database, FeedbackRoundTable } from '../db/types';
import { can, type Actor } from '../policy';
import { canFeedback, type FeedbackTeamAction } from '../policy/feedback';
import { getCourseAccess, type CourseAccess } from '../courses/access';
import { forbidden, notFound } from '../errors';
import { ID_PATTERN } from '../ids';

export type RoundRow = Selectable<FeedbackRoundTable>;

/**
 * Loads a course for a team member and checks one feedback action. As with authorizeCourse, a course
 * the actor may not view is reported as missing.
 */
export async function authorizeFeedback(
	db: Kysely<Database>,
	actor: Actor,
	courseId: string,
	action: FeedbackTeamAction
): Promise<CourseAccess> {
	const access = await getCourseAccess(db, courseId, actor.id);
	if (!access || !can(actor, 'course.view', access.context)) throw notFound(m.feedback_error_course_not_found());
	if (!canFeedback(actor, action, access.context)) throw forbidden();
	return access;
}

/** The same for one round of the course; a round of another course is missing too. */
export async function authorizeRound(
	db: Kysely<Database>,
	actor: Actor,
	courseId: string,
	roundId: string,
	action: FeedbackTeamAction
): Promise<{ access: CourseAccess; round: RoundRow }> {
	const access = await authorizeFeedback(db, actor, courseId, action);
	const round = ID_PATTERN.test(roundId)
		? await db.selectFrom('feedback_rounds').selectAll().where('id', '=', roundId).where('course_id', '=', courseId).executeTakeFirst()
		: undefined;
	if (!round) throw notFound(m.feedback_error_round_not_found());
	return { access, round };
}

export interface FeedbackPermissions {
	manage: boolean;
	export: boolean;
	triage: boolean;
}

/** What the actor may do with the course's feedback; throws like authorizeFeedback when they may not see it. */
export async function feedbackPermissions(db: Kysely<Database>, actor: Actor, courseId: string): Promise<FeedbackPermissions> {
	const { context } = await authorizeFeedback(db, actor, courseId, 'feedback.view');
	return {
		manage: canFeedback(actor, 'feedback.manage', context),
		export: canFeedback(actor, 'feedback.export', context),
		triage: canFeedback(actor, 'feedback.triage', context)
	};
}
