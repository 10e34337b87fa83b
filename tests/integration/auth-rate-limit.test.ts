import { beforeEach, describe, expect, it } from 'vitest';
import { createAuthLimiters, logIn, RateLimitedError, signUp, WRONG_CREDENTIALS, type AuthLimiters } from '$lib/server/auth';
import { DomainError } from '$lib/server/errors';
import { createTestDatabase, resetTables } from '$tests/support/db';
import { buildUser } from '$tests/support/factories';

const database = await createTestDatabase();
const { db } = database;

const MINUTE = 60_000;
let clock = 0;
let limiters: AuthLimiters;
let account: { email: string; password: string };

beforeEach(async () => {
	await resetTables(database);
	clock = Date.UTC(2031, 0, 1);
	limiters = createAuthLimiters(() => clock);
	const user = await buildUser(db, { email: 'rosalind@example.org', password: 'double helix 51' });
	account = { email: user.email, password: user.password };
});

/** Runs one attempt and says how it ended, without throwing. */
async function outcome(attempt: Promise<unknown>): Promise<'ok' | 'wrong' | 'invalid' | 'limited'> {
	try {
		await attempt;
		return 'ok';
	} catch (err) {
		if (err instanceof RateLimitedError) return 'limited';
		if (!(err instanceof DomainError) || err.code !== 'invalid') throw err;
		return err.message === WRONG_CREDENTIALS ? 'wrong' : 'invalid';
	}
}

const login = (address: string, input: { email: string; password: string }) =>
	outcome(logIn(db, limiters, address, input));
const wrongPassword = () => ({ email: account.email, password: 'not the right one' });

describe('logIn per client address', () => {
	it('allows 20 attempts a minute from one address, then refuses even the right password', async () => {
		for (let i = 0; i < 20; i++) expect(await login('198.51.100.7', account)).toBe('ok');
		expect(await login('198.51.100.7', account)).toBe('limited');
		// Another address is not affected.
		expect(await login('198.51.100.8', account)).toBe('ok');
	});

	it('counts failed attempts on different accounts together', async () => {
		for (let i = 0; i < 20; i++) {
			expect(await login('198.51.100.7', { email: `guess${i}@example.org`, password: 'whatever123' })).toBe('wrong');
		}
		const err = await logIn(db, limiters, '198.51.100.7', account).catch((e: unknown) => e);
		expect(err).toBeInstanceOf(RateLimitedError);
		expect(err).toMatchObject({ code: 'rate_limited', status: 429, retryAfterSeconds: 60 });
	});

	it('gives one more attempt per elapsed minute (injected clock)', async () => {
		for (let i = 0; i < 20; i++) await login('198.51.100.7', account);
		expect(await login('198.51.100.7', account)).toBe('limited');

		clock += MINUTE - 1;
		expect(await login('198.51.100.7', account)).toBe('limited');
		clock += 1;
		expect(await login('198.51.100.7', account)).toBe('ok');
		expect(await login('198.51.100.7', account)).toBe('limited');

		clock += 20 * MINUTE;
		for (let i = 0; i < 20; i++) expect(await login('198.51.100.7', account)).toBe('ok');
		expect(await login('198.51.100.7', account)).toBe('limited');
	});
});

describe('logIn per account', () => {
	it('refuses the 11th failed attempt on one email even from different addresses', async () => {
		for (let i = 1; i <= 10; i++) expect(await login(`203.0.113.${i}`, wrongPassword())).toBe('wrong');
		// Now even the right password from a fresh address is refused, with a retry time of 5 minutes.
		const err = await logIn(db, limiters, '203.0.113.99', account).catch((e: unknown) => e);
		expect(err).toBeInstanceOf(RateLimitedError);
		expect(err).toMatchObject({ retryAfterSeconds: 300 });
		// Spelling the email differently does not get around it.
		expect(await login('203.0.113.100', { ...account, email: '  ROSALIND@example.org' })).toBe('limited');
		// Other accounts are unaffected.
		const other = await buildUser(db, { password: 'another good one' });
		expect(await login('203.0.113.101', { email: other.email, password: other.password })).toBe('ok');
	});

	it('lets the account try again after the refill interval', async () => {
		for (let i = 1; i <= 10; i++) await login(`203.0.113.${i}`, wrongPassword());
		expect(await login('203.0.113.50', account)).toBe('limited');
		clock += 5 * MINUTE;
		expect(await login('203.0.113.51', account)).toBe('ok');
	});

	it('resets the account’s count after a successful login', async () => {
		for (let i = 1; i <= 9; i++) expect(await login(`203.0.113.${i}`, wrongPassword())).toBe('wrong');
		expect(await login('203.0.113.10', account)).toBe('ok');
		for (let i = 11; i <= 20; i++) expect(await login(`203.0.113.${i}`, wrongPassword())).toBe('wrong');
		expect(await login('203.0.113.21', wrongPassword())).toBe('limited');
	});
});

describe('signUp per client address', () => {
	// A too-short password fails fast (no hashing), after the attempt has been counted.
	const attempt = (address: string, i: number, password = 'tooshort') =>
		outcome(signUp(db, limiters, address, { name: `New ${i}`, email: `new${i}@example.org`, password }));

	it('refuses the 21st signup attempt from one address within a minute, and recovers a minute later', async () => {
		for (let i = 0; i < 20; i++) expect(await attempt('192.0.2.44', i)).toBe('invalid');
		expect(await attempt('192.0.2.44', 20, 'a perfectly fine password')).toBe('limited');
		expect(await db.selectFrom('users').select('email').where('email', '=', 'new20@example.org').execute()).toEqual([]);

		expect(await attempt('192.0.2.45', 21, 'a perfectly fine password')).toBe('ok');
		clock += MINUTE;
		expect(await attempt('192.0.2.44', 22, 'a perfectly fine password')).toBe('ok');
	});

	it('shares the address budget between signups and logins', async () => {
		for (let i = 0; i < 20; i++) await attempt('192.0.2.60', i);
		expect(await login('192.0.2.60', account)).toBe('limited');
	});
});
