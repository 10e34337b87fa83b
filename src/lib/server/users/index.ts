import { sql, type Kysely } from 'kysely';
import { m } from '$lib/paraglide/messages';
import type { Database, InstanceRole, UserRow } from '../db/types';
import { generateId } from '../ids';
import { hashPassword, verifyPassword } from '../auth/password';
import { conflict, forbidden, invalid, notFound } from '../errors';
import { can, type Actor } from '../policy';
import { refreshUserAccess } from '../live-access';
import type { LiveContext } from '../live-context';

export interface User {
	id: string;
	name: string;
	email: string;
	role: InstanceRole;
	createdAt: Date;
}

export function userRowToUser(row: Pick<UserRow, 'id' | 'name' | 'email' | 'role' | 'created_at'>): User {
	return { id: row.id, name: row.name, email: row.email, role: row.role, createdAt: new Date(row.created_at) };
}

export function normaliseEmail(email: string): string {
	return email.trim().toLowerCase();
}

/** Creates an account; the very first account of the instance becomes its admin. */
export async function createUser(
	db: Kysely<Database>,
	input: { name: string; email: string; password: string }
): Promise<User> {
	const email = normaliseEmail(input.email);
	const passwordHash = await hashPassword(input.password);
	return db.transaction().execute(async (trx) => {
		// Serialises concurrent first signups so that exactly one becomes admin.
		await sql`select pg_advisory_xact_lock(7240117)`.execute(trx);
		const taken = await trx.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
		if (taken) throw conflict(m.auth_email_taken(), 'email');
		const anyUser = await trx.selectFrom('users').select('id').limit(1).executeTakeFirst();
		const row = await trx
			.insertInto('users')
			.values({
				id: generateId(),
				name: input.name.trim(),
				email,
				password_hash: passwordHash,
				role: anyUser ? 'member' : 'admin'
			})
			.returning(['id', 'name', 'email', 'role', 'created_at'])
			.executeTakeFirstOrThrow();
		return userRowToUser(row);
	});
}

// Verifying against a real hash even for unknown emails keeps the response time from revealing accounts.
let dummyHash: Promise<string> | undefined;

/** Returns the user when email and password match; null otherwise, without saying which part was wrong. */
export async function authenticate(
	db: Kysely<Database>,
	email: string,
	password: string
): Promise<User | null> {
	const row = await db
		.selectFrom('users')
		.selectAll()
		.where('email', '=', normaliseEmail(email))
		.executeTakeFirst();
	if (!row) {
		dummyHash ??= hashPassword('not-a-real-password-0000');
		await verifyPassword(await dummyHash, password);
		return null;
	}
	return (await verifyPassword(row.password_hash, password)) ? userRowToUser(row) : null;
}

export async function listUsers(db: Kysely<Database>): Promise<User[]> {
	const rows = await db
		.selectFrom('users')
		.select(['id', 'name', 'email', 'role', 'created_at'])
		.orderBy('created_at')
		.execute();
	return rows.map(userRowToUser);
}

/** Admin verb: make a member a coordinator or back. Admin status itself is not changed here. */
export async function setCoordinator(
	ctx: LiveContext,
	actor: Actor,
	userId: string,
	coordinator: boolean
): Promise<User> {
	const { db } = ctx;
	if (!can(actor, 'admin.roles')) throw forbidden();
	const row = await db.selectFrom('users').select(['role']).where('id', '=', userId).executeTakeFirst();
	if (!row) throw notFound(m.admin_no_such_user());
	if (row.role === 'admin') throw invalid(m.admin_admin_role_fixed());
	const updated = await db
		.updateTable('users')
		.set({ role: coordinator ? 'coordinator' : 'member' })
		.where('id', '=', userId)
		.returning(['id', 'name', 'email', 'role', 'created_at'])
		.executeTakeFirstOrThrow();
	// Coordinators read submitted courses: their open sockets must be authorised under the new role.
	refreshUserAccess(ctx.live, userId);
	return userRowToUser(updated);
}
