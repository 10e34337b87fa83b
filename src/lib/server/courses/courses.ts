import { sql, type Kysely } from 'kysely';
import type { CourseRole, CourseStatus, Database, Perspective } from '../db/types';
import type { Actor } from '../policy';
import { can } from '../policy';
import { forbidden } from '../errors';
import { generateId } from '../ids';
import { authorizeCourse } from './access';
import { initialCourseDoc } from './initial-doc';
import { getProviderProfile } from '../settings';
import { appendDocUpdate } from '../realtime/persistence';
import { refreshCourseAccess } from '../live-access';
import { changeCourseDoc } from '../course-docs';
import { docPrimaryLanguage, replaceText } from '$lib/course-spec/layout';
import { getText } from '$lib/course-spec/mutations';
import type { LiveContext } from '../live-context';

export interface CourseSummary {
	id: string;
	title: string;
	status: CourseStatus;
	archived: boolean;
	role: CourseRole;
	perspective: Perspective;
	memberCount: number;
	updatedAt: Date;
}

export async function createCourse(
	db: Kysely<Database>,
	actor: Actor,
	input: { title: string; perspective?: Perspective }
): Promise<{ id: string; title: string }> {
	if (!can(actor, 'course.create')) throw forbidden();
	const id = generateId();
	const title = input.title.trim();
	await db.transaction().execute(async (trx) => {
		await trx.insertInto('courses').values({ id, title, created_by: actor.id }).execute();
		await trx
			.insertInto('course_members')
			.values({ course_id: id, user_id: actor.id, role: 'owner', perspective: input.perspective ?? 'lecturer' })
			.execute();
		const profile = await getProviderProfile(trx);
		await appendDocUpdate(trx, id, initialCourseDoc(title, profile), [actor.id]);
	});
	return { id, title };
}

/** The courses the user belongs to, most recently changed first. */
export async function listMyCourses(
	db: Kysely<Database>,
	userId: string,
	options: { archived?: boolean } = {}
): Promise<CourseSummary[]> {
	let query = db
		.selectFrom('course_members as m')
		.innerJoin('courses as c', 'c.id', 'm.course_id')
		.select([
			'c.id',
			'c.title',
			'c.status',
			'c.archived_at',
			'c.updated_at',
			'm.role',
			'm.perspective',
			sql<number>`(select count(*)::int from course_members mm where mm.course_id = c.id)`.as('member_count')
		])
		.where('m.user_id', '=', userId);
	if (options.archived !== undefined) {
		query = query.where('c.archived_at', options.archived ? 'is not' : 'is', null);
	}
	const rows = await query.orderBy('c.updated_at', 'desc').orderBy('c.id').execute();
	return rows.map((r) => ({
		id: r.id,
		title: r.title,
		status: r.status,
		archived: r.archived_at !== null,
		role: r.role,
		perspective: r.perspective,
		memberCount: Number(r.member_count),
		updatedAt: new Date(r.updated_at)
	}));
}

/** Renames the course: its row for lists, and the spec's title in its main language for the editor. */
export async function renameCourse(ctx: LiveContext, actor: Actor, courseId: string, title: string) {
	const { db } = ctx;
	await authorizeCourse(db, actor, courseId, 'course.rename');
	const trimmed = title.trim();
	await db.updateTable('courses').set({ title: trimmed, updated_at: new Date() }).where('id', '=', courseId).execute();
	await changeCourseDoc(ctx, courseId, actor.id, (doc) =>
		replaceText(getText(doc, 'title', docPrimaryLanguage(doc)), trimmed)
	);
}

export async function setCourseArchived(ctx: LiveContext, actor: Actor, courseId: string, archived: boolean) {
	const { db } = ctx;
	await authorizeCourse(db, actor, courseId, 'course.archive');
	await db
		.updateTable('courses')
		.set({ archived_at: archived ? new Date() : null, updated_at: new Date() })
		.where('id', '=', courseId)
		.execute();
	// Archiving makes everyone read-only; unarchiving gives editors their pen back.
	refreshCourseAccess(ctx.live, courseId);
}
