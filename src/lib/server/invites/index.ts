import { sql, type Kysely } from 'kysely';
import type { CourseInviteRow, Database, Perspective } from '../db/types';
import type { Actor } from '../policy';
import { DomainError, notFound } from '../errors';
import { generateId, generateSecretToken, TOKEN_PATTERN } from '../ids';
import { hashToken } from '../hash';
import { authorizeCourse } from '../courses/access';
import { addOrUpgradeMember } from '../courses/members';
import { m } from '$lib/paraglide/messages';

export type InviteRole = 'editor' | 'commenter' | 'viewer';
export const DEFAULT_INVITE_DAYS = 14;
const DAY_MS = 24 * 60 * 60 * 1000;

/** An invite link that can still be used, as its course's owners see it (never its token). */
export interface Invite {
	id: string;
	role: InviteRole;
	perspective: Perspective;
	singleUse: boolean;
	useCount: number;
	expiresAt: Date;
	createdAt: Date;
	/** The name of the owner who created the link. */
	createdBy: string;
}

type InviteState = 'active' | 'expired' | 'revoked' | 'used';

export interface InvitePreview {
	courseId: string;
	courseTitle: string;
	role: InviteRole;
	perspective: Perspective;
	invitedBy: string;
}

export class InviteUnusableError extends DomainError {
	constructor(readonly reason: 'expired' | 'revoked' | 'used' | 'unknown') {
		const messages = {
			expired: () => m.invite_error_expired(),
			revoked: () => m.invite_error_revoked(),
			used: () => m.invite_error_used(),
			unknown: () => m.invite_error_unknown()
		};
		super(reason === 'unknown' ? 'not_found' : 'conflict', messages[reason]());
	}
}

function inviteState(row: CourseInviteRow, now: Date): InviteState {
	if (row.revoked_at) return 'revoked';
	if (row.single_use && row.use_count > 0) return 'used';
	if (new Date(row.expires_at).getTime() <= now.getTime()) return 'expired';
	return 'active';
}

function rowToInvite(row: CourseInviteRow, createdBy: string): Invite {
	return {
		id: row.id,
		role: row.role,
		perspective: row.perspective,
		singleUse: row.single_use,
		useCount: row.use_count,
		expiresAt: new Date(row.expires_at),
		createdAt: new Date(row.created_at),
		createdBy
	};
}

/** Creates an invite link; the token is returned once and only its hash is kept. */
export async function createInvite(
	db: Kysely<Database>,
	actor: Actor,
	courseId: string,
	input: { role: InviteRole; perspective: Perspective; singleUse: boolean; expiresInDays?: number },
	now = new Date()
): Promise<{ invite: Invite; token: string }> {
	await authorizeCourse(db, actor, courseId, 'course.manageTeam');
	const token = generateSecretToken();
	const days = input.expiresInDays ?? DEFAULT_INVITE_DAYS;
	const row = await db
		.insertInto('course_invites')
		.values({
			id: generateId(),
			course_id: courseId,
			token_hash: hashToken(token),
			role: input.role,
			perspective: input.perspective,
			single_use: input.singleUse,
			created_by: actor.id,
			expires_at: new Date(now.getTime() + days * DAY_MS),
			created_at: now
		})
		.returningAll()
		.executeTakeFirstOrThrow();
	const creator = await db.selectFrom('users').select('name').where('id', '=', actor.id).executeTakeFirstOrThrow();
	return { invite: rowToInvite(row, creator.name), token };
}

/** The links of a course that still let someone in, newest first. */
export async function listInvites(db: Kysely<Database>, actor: Actor, courseId: string, now = new Date()): Promise<Invite[]> {
	await authorizeCourse(db, actor, courseId, 'course.manageTeam');
	return activeInvites(db, courseId, now);
}

/** The same list for a caller that has already checked 'course.manageTeam' on this course. */
export async function activeInvites(db: Kysely<Database>, courseId: string, now = new Date()): Promise<Invite[]> {
	const rows = await db
		.selectFrom('course_invites as i')
		.innerJoin('users as u', 'u.id', 'i.created_by')
		.selectAll('i')
		.select('u.name as creator_name')
		.where('i.course_id', '=', courseId)
		.where('i.revoked_at', 'is', null)
		.where('i.expires_at', '>', now)
		.where((eb) => eb.or([eb('i.single_use', '=', false), eb('i.use_count', '=', 0)]))
		.orderBy('i.created_at', 'desc')
		.orderBy('i.id')
		.execute();
	return rows.map(({ creator_name, ...row }) => rowToInvite(row, creator_name));
}

export async function revokeInvite(db: Kysely<Database>, actor: Actor, courseId: string, inviteId: string) {
	await authorizeCourse(db, actor, courseId, 'course.manageTeam');
	const result = await db
		.updateTable('course_invites')
		.set({ revoked_at: new Date() })
		.where('id', '=', inviteId)
		.where('course_id', '=', courseId)
		.where('revoked_at', 'is', null)
		.executeTakeFirst();
	if (Number(result.numUpdatedRows) === 0) throw notFound(m.invite_error_not_found());
}

async function findUsableInvite(db: Kysely<Database>, token: string, now: Date, lock: boolean) {
	if (!TOKEN_PATTERN.test(token)) throw new InviteUnusableError('unknown');
	let query = db.selectFrom('course_invites').selectAll().where('token_hash', '=', hashToken(token));
	if (lock) query = query.forUpdate();
	const row = await query.executeTakeFirst();
	if (!row) throw new InviteUnusableError('unknown');
	const state = inviteState(row, now);
	if (state !== 'active') throw new InviteUnusableError(state);
	return row;
}

/** What the invite page shows before accepting. Anyone holding the token may see it. */
export async function previewInvite(db: Kysely<Database>, token: string, now = new Date()): Promise<InvitePreview> {
	const row = await findUsableInvite(db, token, now, false);
	const course = await db
		.selectFrom('courses')
		.innerJoin('users', 'users.id', 'courses.created_by')
		.select(['courses.id', 'courses.title', 'users.name as creator'])
		.where('courses.id', '=', row.course_id)
		.executeTakeFirstOrThrow();
	const inviter = await db.selectFrom('users').select('name').where('id', '=', row.created_by).executeTakeFirst();
	return {
		courseId: course.id,
		courseTitle: course.title,
		role: row.role,
		perspective: row.perspective,
		invitedBy: inviter?.name ?? course.creator
	};
}

/** Joins the course through an invite; single-use links are consumed atomically. */
export async function acceptInvite(
	db: Kysely<Database>,
	actor: Actor,
	token: string,
	now = new Date()
): Promise<{ courseId: string }> {
	return db.transaction().execute(async (trx) => {
		const row = await findUsableInvite(trx, token, now, true);
		await addOrUpgradeMember(trx, row.course_id, actor.id, row.role, row.perspective);
		await trx
			.updateTable('course_invites')
			.set({ use_count: sql`use_count + 1` })
			.where('id', '=', row.id)
			.execute();
		return { courseId: row.course_id };
	});
}

const INVITE_PATH = /^\/invite\/([a-z2-7]{32})$/;

/**
 * After signing up or logging in from an invite link, join the course right away, so the person lands
 * in it. Returns where to go next: the course, or the invite page (which explains what went wrong).
 */
export async function joinAfterSignIn(db: Kysely<Database>, actor: Actor, next: string): Promise<string> {
	const token = INVITE_PATH.exec(next)?.[1];
	if (!token) return next;
	try {
		const { courseId } = await acceptInvite(db, actor, token);
		return `/courses/${courseId}`;
	} catch (err) {
		if (err instanceof DomainError) return next;
		throw err;
	}
}
