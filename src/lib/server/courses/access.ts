import type { Kysely } from 'kysely';
import type { CourseRole, CourseRow, Database, Perspective } from '../db/types';
import { can, type Actor, type CourseAction, type CourseContext } from '../policy';
import { forbidden, notFound } from '../errors';
import { ID_PATTERN } from '../ids';
import { m } from '$lib/paraglide/messages';

export interface CourseAccess {
	course: CourseRow;
	membership: { role: CourseRole; perspective: Perspective } | null;
	context: CourseContext;
}

export async function getCourseAccess(
	db: Kysely<Database>,
	courseId: string,
	userId: string | null
): Promise<CourseAccess | null> {
	if (!ID_PATTERN.test(courseId)) return null;
	const course = await db.selectFrom('courses').selectAll().where('id', '=', courseId).executeTakeFirst();
	if (!course) return null;
	const membership = userId
		? ((await db
				.selectFrom('course_members')
				.select(['role', 'perspective'])
				.where('course_id', '=', courseId)
				.where('user_id', '=', userId)
				.executeTakeFirst()) ?? null)
		: null;
	const context: CourseContext = { status: course.status, archived: course.archived_at !== null, membership };
	return { course, membership, context };
}

/**
 * Loads a course for an actor and checks one action. A course the actor may not even view is
 * reported as missing, so its existence and title never leak.
 */
export async function authorizeCourse(
	db: Kysely<Database>,
	actor: Actor | null,
	courseId: string,
	action: CourseAction
): Promise<CourseAccess> {
	const access = await getCourseAccess(db, courseId, actor?.id ?? null);
	if (!access || !can(actor, 'course.view', access.context)) throw notFound(m.course_not_found());
	if (!can(actor, action, access.context)) throw forbidden();
	return access;
}
