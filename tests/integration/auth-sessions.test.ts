import { beforeEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import {
	createSession,
	generateSessionToken,
	invalidateSession,
	invalidateUserSessions,
	SESSION_LIFETIME_MS,
	validateSessionToken
} from '$lib/server/auth';
import { TOKEN_PATTERN } from '$lib/server/ids';
import { createTestDatabase, resetTables } from '$tests/support/db';
import { buildUser } from '$tests/support/factories';

const database = await createTestDatabase();
const { db } = database;

const DAY = 24 * 60 * 60 * 1000;
const T0 = new Date('2031-03-01T12:00:00.000Z');
const at = (days: number) => new Date(T0.getTime() + days * DAY);
const sha256Hex = (token: string) => createHash('sha256').update(token).digest('hex');

async function storedExpiry(sessionId: string): Promise<Date | undefined> {
	const row = await db.selectFrom('sessions').select('expires_at').where('id', '=', sessionId).executeTakeFirst();
	return row ? new Date(row.expires_at) : undefined;
}

let userId: string;
beforeEach(async () => {
	await resetTables(database);
	userId = (await buildUser(db, { name: 'Sam Session' })).id;
});

describe('storing a session', () => {
	it('keeps only the SHA-256 hex of the token, with a 30-day expiry', async () => {
		const token = generateSessionToken();
		expect(token).toMatch(TOKEN_PATTERN);
		const session = await createSession(db, token, userId, T0);

		expect(session).toEqual({ id: sha256Hex(token), userId, expiresAt: at(30) });
		const rows = await db.selectFrom('sessions').selectAll().execute();
		expect(rows).toHaveLength(1);
		expect(rows[0].id).toBe(sha256Hex(token));
		expect(JSON.stringify(rows)).not.toContain(token);
		expect(await storedExpiry(session.id)).toEqual(at(30));
	});

	it('makes a different token every time', () => {
		const tokens = new Set(Array.from({ length: 50 }, generateSessionToken));
		expect(tokens.size).toBe(50);
	});
});

describe('validating a token', () => {
	it('returns the session and the user', async () => {
		const token = generateSessionToken();
		await createSession(db, token, userId, T0);
		const result = await validateSessionToken(db, token, at(1));
		expect(result.user).toMatchObject({ id: userId, name: 'Sam Session', role: 'admin' });
		expect(result.session).toEqual({ id: sha256Hex(token), userId, expiresAt: at(30) });
		expect(result.renewed).toBe(false);
	});

	it('rejects an unknown token, and the hash used as a token', async () => {
		const token = generateSessionToken();
		await createSession(db, token, userId, T0);
		expect((await validateSessionToken(db, generateSessionToken(), at(1))).user).toBeNull();
		expect((await validateSessionToken(db, sha256Hex(token), at(1))).user).toBeNull();
	});

	it('reflects the user’s current instance role', async () => {
		const token = generateSessionToken();
		await createSession(db, token, userId, T0);
		await db.updateTable('users').set({ role: 'coordinator' }).where('id', '=', userId).execute();
		expect((await validateSessionToken(db, token, at(1))).user?.role).toBe('coordinator');
	});
});

describe('expiry', () => {
	it('treats a session as gone at 30 days and deletes its row', async () => {
		const token = generateSessionToken();
		const { id } = await createSession(db, token, userId, T0);

		const result = await validateSessionToken(db, token, at(30));
		expect(result).toEqual({ session: null, user: null, renewed: false });
		expect(await storedExpiry(id)).toBeUndefined();
	});

	it('still accepts the session a moment before it expires (and renews it)', async () => {
		const token = generateSessionToken();
		await createSession(db, token, userId, T0);
		const justBefore = new Date(at(30).getTime() - 1);
		const result = await validateSessionToken(db, token, justBefore);
		expect(result.user?.id).toBe(userId);
		expect(result.renewed).toBe(true);
	});
});

describe('renewal', () => {
	it('pushes the expiry to now + 30 days when used in the last 15 days', async () => {
		const token = generateSessionToken();
		const { id } = await createSession(db, token, userId, T0);

		const result = await validateSessionToken(db, token, at(16));
		expect(result.renewed).toBe(true);
		expect(result.session?.expiresAt).toEqual(at(16 + 30));
		expect(await storedExpiry(id)).toEqual(new Date(at(16).getTime() + SESSION_LIFETIME_MS));

		// The renewed session outlives the original 30 days.
		expect((await validateSessionToken(db, token, at(40))).user?.id).toBe(userId);
	});

	it('does not touch a session used in the first half of its life', async () => {
		const token = generateSessionToken();
		const { id } = await createSession(db, token, userId, T0);

		for (const day of [0, 7, 14, 15]) {
			const result = await validateSessionToken(db, token, at(day));
			expect(result.renewed, `day ${day}`).toBe(false);
			expect(result.session?.expiresAt).toEqual(at(30));
		}
		expect(await storedExpiry(id)).toEqual(at(30));
	});
});

describe('logging out', () => {
	it('invalidateSession makes that token invalid and leaves other sessions alone', async () => {
		const laptop = generateSessionToken();
		const phone = generateSessionToken();
		const { id } = await createSession(db, laptop, userId, T0);
		await createSession(db, phone, userId, T0);

		await invalidateSession(db, id);
		expect((await validateSessionToken(db, laptop, at(1))).user).toBeNull();
		expect((await validateSessionToken(db, phone, at(1))).user?.id).toBe(userId);
	});

	it('invalidateUserSessions ends every session of that user only', async () => {
		const other = await buildUser(db);
		const mine = [generateSessionToken(), generateSessionToken()];
		const theirs = generateSessionToken();
		for (const token of mine) await createSession(db, token, userId, T0);
		await createSession(db, theirs, other.id, T0);

		await invalidateUserSessions(db, userId);
		for (const token of mine) expect((await validateSessionToken(db, token, at(1))).user).toBeNull();
		expect((await validateSessionToken(db, theirs, at(1))).user?.id).toBe(other.id);
		expect(await db.selectFrom('sessions').select('user_id').execute()).toEqual([{ user_id: other.id }]);
	});

	it('ends the sessions of a deleted user with it', async () => {
		const token = generateSessionToken();
		await createSession(db, token, userId, T0);
		await db.deleteFrom('users').where('id', '=', userId).execute();
		expect((await validateSessionToken(db, token, at(1))).user).toBeNull();
	});
});
