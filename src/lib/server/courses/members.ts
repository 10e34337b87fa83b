import type { Kysely, Transaction } from 'kysely';
import type { CourseRole, Database, Perspective } from '../db/types';
import { ROLE_RANK, type Actor } from '../policy';
import { conflict, notFound } from '../errors';
import { authorizeCourse, type CourseAccess } from './access';
import { presenceColorAmong, presentMembers, type Member, type MemberRecord } from './member-presenter';
import { refreshCourseAccess, revokeCourseAccess } from '../live-access';
import { m } from '$lib/paraglide/messages';
import type { LiveContext } from '../live-context';

export type { Member };

export async function listMembers(db: Kysely<Database>, actor: Actor, courseId: string): Promise<Member[]> {
	const access = await authorizeCourse(db, actor, courseId, 'course.view');
	return presentMembers(await memberRecords(db, courseId), actor, access.context);
}

/**
 * A course's members in join order. The user id breaks ties between people who joined in the same
 * instant, so that everyone computes the same order, and so the same colours.
 */
export async function memberRecords(db: Kysely<Database>, courseId: string): Promise<MemberRecord[]> {
	const rows = await db
		.selectFrom('course_members as m')
		.innerJoin('users as u', 'u.id', 'm.user_id')
		.select(['u.id', 'u.name', 'u.email', 'm.role', 'm.perspective', 'm.joined_at'])
		.where('m.course_id', '=', courseId)
		.orderBy('m.joined_at')
		.orderBy('u.id')
		.execute();
	return rows.map((r) => ({
		userId: r.id,
		name: r.name,
		email: r.email,
		role: r.role,
		perspective: r.perspective,
		joinedAt: new Date(r.joined_at)
	}));
}

/** The colour the live editor shows for this person; `access` proves the course may be viewed. */
export async function presenceColor(db: Kysely<Database>, access: CourseAccess, userId: string): Promise<string> {
	return presenceColorAmong(await memberRecords(db, access.course.id), userId);
}

/**
 * Adds someone to a course, or upgrades their role if they are already in it. Never downgrades:
 * following a viewer link must not demote an editor.
 */
export async function addOrUpgradeMember(
	trx: Transaction<Database> | Kysely<Database>,
	courseId: string,
	userId: string,
	role: CourseRole,
	perspective: Perspective
): Promise<void> {
	const existing = await trx
		.selectFrom('course_members')
		.select('role')
		.where('course_id', '=', courseId)
		.where('user_id', '=', userId)
		.executeTakeFirst();
	if (!existing) {
		await trx.insertInto('course_members').values({ course_id: courseId, user_id: userId, role, perspective }).execute();
		return;
	}
	if (ROLE_RANK[role] > ROLE_RANK[existing.role]) {
		await trx
			.updateTable('course_members')
			.set({ role })
			.where('course_id', '=', courseId)
			.where('user_id', '=', userId)
			.execute();
	}
}

export async function changeMember(
	ctx: LiveContext,
	actor: Actor,
	courseId: string,
	userId: string,
	changes: { role?: CourseRole; perspective?: Perspective }
): Promise<void> {
	const { db } = ctx;
	await authorizeCourse(db, actor, courseId, 'course.manageTeam');
	await db.transaction().execute(async (trx) => {
		const member = await lockMembers(trx, courseId).then((all) => all.find((m) => m.user_id === userId));
		if (!member) throw notFound(m.team_error_not_member());
		// Both fields are optional in the form; an empty `set` would be invalid SQL.
		if (!changes.role && !changes.perspective) return;
		if (changes.role && changes.role !== 'owner' && member.role === 'owner') {
			await assertAnotherOwner(trx, courseId, userId);
		}
		await trx
			.updateTable('course_members')
			.set({ ...(changes.role && { role: changes.role }), ...(changes.perspective && { perspective: changes.perspective }) })
			.where('course_id', '=', courseId)
			.where('user_id', '=', userId)
			.execute();
	});
	if (changes.role) refreshCourseAccess(ctx.live, courseId, userId);
}

export async function removeMember(ctx: LiveContext, actor: Actor, courseId: string, userId: string) {
	const { db } = ctx;
	const action = userId === actor.id ? 'course.leave' : 'course.manageTeam';
	await authorizeCourse(db, actor, courseId, action);
	await db.transaction().execute(async (trx) => {
		const member = await lockMembers(trx, courseId).then((all) => all.find((m) => m.user_id === userId));
		if (!member) throw notFound(m.team_error_not_member());
		if (member.role === 'owner') await assertAnotherOwner(trx, courseId, userId);
		await trx.deleteFrom('course_members').where('course_id', '=', courseId).where('user_id', '=', userId).execute();
	});
	revokeCourseAccess(ctx.live, courseId, userId);
}

// Locking the course's member rows makes the last-owner check safe against two owners leaving at once.
function lockMembers(trx: Transaction<Database>, courseId: string) {
	return trx
		.selectFrom('course_members')
		.select(['user_id', 'role'])
		.where('course_id', '=', courseId)
		.forUpdate()
		.execute();
}

async function assertAnotherOwner(trx: Transaction<Database>, courseId: string, exceptUserId: string) {
	const other = await trx
		.selectFrom('course_members')
		.select('user_id')
		.where('course_id', '=', courseId)
		.where('role', '=', 'owner')
		.where('user_id', '!=', exceptUserId)
		.executeTakeFirst();
	if (!other) {
		throw conflict(m.team_error_last_owner());
	}
}

