import type { Transaction } from 'kysely';
import type { CourseRole, Database } from '../db/types';

// Who hears about a step of the review. The actor is left out by addNotifications.

/** Everyone who reviews submissions: coordinators and admins. */
export async function reviewerIds(trx: Transaction<Database>): Promise<string[]> {
	const rows = await trx.selectFrom('users').select('id').where('role', 'in', ['coordinator', 'admin']).execute();
	return rows.map((row) => row.id);
}

/** The course's team, or the members with one of `roles`. */
export async function teamIds(trx: Transaction<Database>, courseId: string, roles?: readonly CourseRole[]): Promise<string[]> {
	const rows = await trx
		.selectFrom('course_members')
		.select('user_id')
		.where('course_id', '=', courseId)
		.$if(roles !== undefined, (qb) => qb.where('role', 'in', roles!))
		.execute();
	return rows.map((row) => row.user_id);
}

/** The people who act on a decision: owners and editors, and whoever submitted if they are still on the team. */
export async function actingTeamIds(trx: Transaction<Database>, courseId: string, submittedBy: string | null): Promise<string[]> {
	const rows = await trx
		.selectFrom('course_members')
		.select(['user_id', 'role'])
		.where('course_id', '=', courseId)
		.execute();
	return rows.filter((row) => row.role === 'owner' || row.role === 'editor' || row.user_id === submittedBy).map((row) => row.user_id);
}
