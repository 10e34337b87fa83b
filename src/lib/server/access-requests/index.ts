import type { Kysely, Transaction } from 'kysely';
import type { Database, Perspective } from '../db/types';
import { can, type Actor } from '../policy';
import { authorizeCourse, getCourseAccess } from '../courses/access';
import { addOrUpgradeMember } from '../courses/members';
import { conflict, DomainError, notFound } from '../errors';
import { generateId } from '../ids';
import type { InviteRole } from '../invites';
import { m } from '$lib/paraglide/messages';

/** How many requests one person may send per hour, to any courses, existing or not. */
export const ACCESS_REQUESTS_PER_HOUR = 10;
const WINDOW_MS = 60 * 60 * 1000;

export interface AccessRequest {
	id: string;
	userId: string;
	name: string;
	email: string;
	message: string;
	createdAt: Date;
}

export class TooManyRequestsError extends DomainError {
	constructor(readonly retryAfterSeconds: number) {
		const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
		super('rate_limited', m.access_error_too_many({ wait: m.auth_wait_minutes({ count: minutes }) }));
	}
}

/**
 * Asks a course's owners for a role. The answer is the same whether the course exists, whether the
 * person is already in it, or neither: only a real course gets the request stored. Every attempt
 * counts towards the person's hourly limit, so the limit cannot tell real courses from made-up ones.
 */
export async function requestAccess(
	db: Kysely<Database>,
	actor: Actor,
	courseId: string,
	input: { message: string },
	now = new Date()
): Promise<void> {
	await db.transaction().execute(async (trx) => {
		await countAttempt(trx, actor.id, now);
		const access = await getCourseAccess(trx, courseId, actor.id);
		if (!access || !can(actor, 'access.request', access.context)) return;
		const updated = await trx
			.updateTable('course_access_requests')
			.set({ message: input.message })
			.where('course_id', '=', courseId)
			.where('user_id', '=', actor.id)
			.where('status', '=', 'pending')
			.executeTakeFirst();
		if (Number(updated.numUpdatedRows) > 0) return;
		await trx
			.insertInto('course_access_requests')
			.values({ id: generateId(), course_id: courseId, user_id: actor.id, message: input.message, created_at: now })
			.execute();
	});
}

// Locking the person's row serialises their attempts, so parallel requests cannot slip past the limit.
async function countAttempt(trx: Transaction<Database>, userId: string, now: Date): Promise<void> {
	await trx.selectFrom('users').select('id').where('id', '=', userId).forUpdate().execute();
	const since = new Date(now.getTime() - WINDOW_MS);
	await trx.deleteFrom('access_request_attempts').where('user_id', '=', userId).where('attempted_at', '<=', since).execute();
	const recent = await trx
		.selectFrom('access_request_attempts')
		.select('attempted_at')
		.where('user_id', '=', userId)
		.orderBy('attempted_at')
		.execute();
	if (recent.length >= ACCESS_REQUESTS_PER_HOUR) {
		const oldest = new Date(recent[0].attempted_at).getTime();
		throw new TooManyRequestsError((oldest + WINDOW_MS - now.getTime()) / 1000);
	}
	await trx.insertInto('access_request_attempts').values({ user_id: userId, attempted_at: now }).execute();
}

/** Open requests of a course, oldest first, for its owners. */
export async function listAccessRequests(db: Kysely<Database>, actor: Actor, courseId: string): Promise<AccessRequest[]> {
	await authorizeCourse(db, actor, courseId, 'access.review');
	return pendingRequests(db, courseId);
}

/** The same list for a caller that has already checked 'access.review' on this course. */
export async function pendingRequests(db: Kysely<Database>, courseId: string): Promise<AccessRequest[]> {
	const rows = await db
		.selectFrom('course_access_requests as r')
		.innerJoin('users as u', 'u.id', 'r.user_id')
		.select(['r.id', 'r.user_id', 'u.name', 'u.email', 'r.message', 'r.created_at'])
		.where('r.course_id', '=', courseId)
		.where('r.status', '=', 'pending')
		.orderBy('r.created_at')
		.orderBy('r.id')
		.execute();
	return rows.map((r) => ({
		id: r.id,
		userId: r.user_id,
		name: r.name,
		email: r.email,
		message: r.message,
		createdAt: new Date(r.created_at)
	}));
}

export async function approveAccessRequest(
	db: Kysely<Database>,
	actor: Actor,
	courseId: string,
	requestId: string,
	grant: { role: InviteRole; perspective: Perspective }
): Promise<void> {
	await authorizeCourse(db, actor, courseId, 'access.review');
	await db.transaction().execute(async (trx) => {
		const request = await takePending(trx, actor, courseId, requestId, 'approved');
		await addOrUpgradeMember(trx, courseId, request.user_id, grant.role, grant.perspective);
	});
}

export async function declineAccessRequest(db: Kysely<Database>, actor: Actor, courseId: string, requestId: string) {
	await authorizeCourse(db, actor, courseId, 'access.review');
	await db.transaction().execute((trx) => takePending(trx, actor, courseId, requestId, 'declined'));
}

/**
 * Marks a pending request as answered and returns it. The conditional update is the lock: of two
 * owners answering at once, exactly one gets the row.
 */
async function takePending(
	trx: Transaction<Database>,
	actor: Actor,
	courseId: string,
	requestId: string,
	status: 'approved' | 'declined'
) {
	const taken = await trx
		.updateTable('course_access_requests')
		.set({ status, decided_by: actor.id, decided_at: new Date() })
		.where('id', '=', requestId)
		.where('course_id', '=', courseId)
		.where('status', '=', 'pending')
		.returning(['user_id'])
		.executeTakeFirst();
	if (taken) return taken;
	const exists = await trx
		.selectFrom('course_access_requests')
		.select('status')
		.where('id', '=', requestId)
		.where('course_id', '=', courseId)
		.executeTakeFirst();
	if (!exists) throw notFound(m.access_error_not_found());
	throw conflict(exists.status === 'approved' ? m.access_error_already_approved() : exists.status === 'declined' ? m.access_error_already_declined() : m.access_error_already_answered());
}
