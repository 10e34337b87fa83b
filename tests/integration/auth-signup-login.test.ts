import { beforeEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { createAuthLimiters, logIn, signUp, validateSessionToken, wrongCredentialsMessage } from '$lib/server/auth';
import { DomainError } from '$lib/server/errors';
import { createTestDatabase, resetTables } from '$tests/support/db';

const database = await createTestDatabase();
const { db } = database;

beforeEach(() => resetTables(database));

const PASSWORD = 'plum orchard 42';
let n = 0;
function input(overrides: Partial<{ name: string; email: string; password: string }> = {}) {
	n += 1;
	return { name: `Signup ${n}`, email: `signup${n}@example.org`, password: PASSWORD, ...overrides };
}

// These tests are about accounts, not rate limits: the counters are emptied with the tables between tests.
const signUpAt = (data: ReturnType<typeof input>) => signUp(db, createAuthLimiters(db), '192.0.2.1', data);
const logInAt = (data: { email: string; password: string }) => logIn(db, createAuthLimiters(db), '192.0.2.1', data);

describe('signUp', () => {
	it('creates the user and a session whose token validates to that user', async () => {
		const { user, session, token } = await signUpAt(input({ name: '  Ada Lovelace ', email: 'Ada@Example.org' }));
		expect(user).toMatchObject({ name: 'Ada Lovelace', email: 'ada@example.org' });
		expect(session.userId).toBe(user.id);

		const stored = await db.selectFrom('users').selectAll().where('id', '=', user.id).executeTakeFirstOrThrow();
		expect(stored.email).toBe('ada@example.org');
		const validated = await validateSessionToken(db, token);
		expect(validated.user?.id).toBe(user.id);
	});

	it('makes the first account the admin and every later one a member', async () => {
		const first = await signUpAt(input());
		const second = await signUpAt(input());
		const third = await signUpAt(input());
		expect([first.user.role, second.user.role, third.user.role]).toEqual(['admin', 'member', 'member']);
	});

	it('makes exactly one admin when the first signups arrive at the same time', async () => {
		// Eight at once: enough for their transactions to overlap on PostgreSQL (argon2 runs on 4 threads).
		const results = await Promise.all(Array.from({ length: 8 }, () => signUpAt(input())));
		expect(results.filter((r) => r.user.role === 'admin')).toHaveLength(1);
		const admins = await db.selectFrom('users').select('id').where('role', '=', 'admin').execute();
		expect(admins).toHaveLength(1);
	});

	it('stores an argon2id hash, never the password itself', async () => {
		const { user } = await signUpAt(input());
		const { password_hash } = await db
			.selectFrom('users')
			.select('password_hash')
			.where('id', '=', user.id)
			.executeTakeFirstOrThrow();
		expect(password_hash.startsWith('$argon2id$')).toBe(true);
		expect(password_hash).not.toContain(PASSWORD);
	});

	it('stores only the SHA-256 of the session token', async () => {
		const { token, session } = await signUpAt(input());
		const rows = await db.selectFrom('sessions').select('id').execute();
		expect(rows).toEqual([{ id: createHash('sha256').update(token).digest('hex') }]);
		expect(session.id).not.toBe(token);
	});
});

describe('signUp refuses a taken email', () => {
	it.each([
		['the same address', 'grace@example.org'],
		['different case', 'GRACE@Example.ORG'],
		['surrounding whitespace', '  grace@example.org\t']
	])('with %s: conflict on the email field', async (_, again) => {
		await signUpAt(input({ email: 'grace@example.org' }));
		await expect(signUpAt(input({ email: again }))).rejects.toMatchObject({ code: 'conflict', field: 'email' });
		const count = await db.selectFrom('users').select(db.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
		expect(Number(count.n)).toBe(1);
	});
});

describe('signUp checks the password', () => {
	it.each([
		['too short', 'abc123xyz'],
		['too long', 'ab1-'.repeat(65)],
		['too few different characters', 'aaaabbbbcccc'],
		['the email address itself', 'Linus@Example.org']
	])('%s: invalid on the password field, and no account is made', async (_, password) => {
		const err = await signUpAt(input({ email: 'linus@example.org', password })).catch((e: unknown) => e);
		expect(err).toBeInstanceOf(DomainError);
		expect(err).toMatchObject({ code: 'invalid', field: 'password' });
		expect(await db.selectFrom('users').select('id').execute()).toEqual([]);
	});

	it('accepts a hard-to-guess password of exactly the minimum length', async () => {
		const { user } = await signUpAt(input({ password: 'tq8-vz2mwr' }));
		expect(user.id).toMatch(/^[a-z2-7]{24}$/);
	});
});

describe('logIn', () => {
	it('starts a new session for the right email and password, ignoring case and whitespace in the email', async () => {
		const { user } = await signUpAt(input({ email: 'marie@example.org' }));
		const result = await logInAt({ email: ' MARIE@example.org ', password: PASSWORD });
		expect(result.user.id).toBe(user.id);
		expect((await validateSessionToken(db, result.token)).user?.id).toBe(user.id);
		expect(await db.selectFrom('sessions').select('id').execute()).toHaveLength(2);
	});

	it('gives the same generic message for a wrong password and for an unknown email', async () => {
		await signUpAt(input({ email: 'marie@example.org' }));
		const wrongPassword = await logInAt({ email: 'marie@example.org', password: 'not the password' }).catch(
			(e: unknown) => e
		);
		const unknownEmail = await logInAt({ email: 'nobody@example.org', password: PASSWORD }).catch((e: unknown) => e);

		for (const err of [wrongPassword, unknownEmail]) {
			expect(err).toBeInstanceOf(DomainError);
			expect(err).toMatchObject({ code: 'invalid', message: wrongCredentialsMessage(), field: undefined });
		}
		expect(await db.selectFrom('sessions').select('id').execute()).toHaveLength(1);
	});

	it('does not accept the stored hash in place of the password', async () => {
		await signUpAt(input({ email: 'marie@example.org' }));
		const { password_hash } = await db.selectFrom('users').select('password_hash').executeTakeFirstOrThrow();
		await expect(logInAt({ email: 'marie@example.org', password: password_hash })).rejects.toMatchObject({
			message: wrongCredentialsMessage()
		});
	});
});
