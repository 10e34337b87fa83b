import type { Kysely } from 'kysely';
import type { Database, InstanceRole } from '../db/types';
import { generateSecretToken } from '../ids';
import { hashToken } from '../hash';
import { toLocaleOrNull, type Locale } from '$lib/i18n/locales';

export const SESSION_COOKIE = 'session';

const DAY_MS = 24 * 60 * 60 * 1000;
export const SESSION_LIFETIME_MS = 30 * DAY_MS;
/** A session is extended when it is used in the last half of its life. */
export const SESSION_RENEW_WITHIN_MS = 15 * DAY_MS;

export interface SessionUser {
	id: string;
	name: string;
	email: string;
	role: InstanceRole;
	/** Interface language the person chose, if any. */
	locale: Locale | null;
}

export interface Session {
	id: string;
	userId: string;
	expiresAt: Date;
}

export type SessionValidationResult =
	| { session: Session; user: SessionUser; renewed: boolean }
	| { session: null; user: null; renewed: false };

export function generateSessionToken(): string {
	return generateSecretToken();
}

export async function createSession(
	db: Kysely<Database>,
	token: string,
	userId: string,
	now = new Date()
): Promise<Session> {
	const session: Session = {
		id: hashToken(token),
		userId,
		expiresAt: new Date(now.getTime() + SESSION_LIFETIME_MS)
	};
	await db
		.insertInto('sessions')
		.values({ id: session.id, user_id: userId, expires_at: session.expiresAt })
		.execute();
	return session;
}

export async function validateSessionToken(
	db: Kysely<Database>,
	token: string,
	now = new Date()
): Promise<SessionValidationResult> {
	const id = hashToken(token);
	const row = await db
		.selectFrom('sessions')
		.innerJoin('users', 'users.id', 'sessions.user_id')
		.select([
			'sessions.id',
			'sessions.expires_at',
			'users.id as user_id',
			'users.name',
			'users.email',
			'users.role',
			'users.locale'
		])
		.where('sessions.id', '=', id)
		.executeTakeFirst();
	if (!row) return { session: null, user: null, renewed: false };

	const expiresAt = new Date(row.expires_at);
	if (now.getTime() >= expiresAt.getTime()) {
		await db.deleteFrom('sessions').where('id', '=', id).execute();
		return { session: null, user: null, renewed: false };
	}

	let renewed = false;
	let currentExpiry = expiresAt;
	if (expiresAt.getTime() - now.getTime() < SESSION_RENEW_WITHIN_MS) {
		currentExpiry = new Date(now.getTime() + SESSION_LIFETIME_MS);
		await db.updateTable('sessions').set({ expires_at: currentExpiry }).where('id', '=', id).execute();
		renewed = true;
	}
	return {
		session: { id, userId: row.user_id, expiresAt: currentExpiry },
		user: { id: row.user_id, name: row.name, email: row.email, role: row.role, locale: toLocaleOrNull(row.locale) },
		renewed
	};
}

export async function invalidateSession(db: Kysely<Database>, sessionId: string): Promise<void> {
	await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

export async function invalidateUserSessions(db: Kysely<Database>, userId: string): Promise<void> {
	await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}
