import { beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createAuthLimiters, logIn, RateLimitedError, signUp, wrongCredentialsMessage, type AuthLimiters } from '$lib/server/auth';
import { LIMITS } from '$lib/server/auth/rate-limit';
import { DomainError } from '$lib/server/errors';
import { createTestDatabase, resetTables } from '$tests/support/db';
import { buildUser } from '$tests/support/factories';

const database = await createTestDatabase();
const { db } = database;

const SECOND = 1000;
const MINUTE = 60 * SECOND;
let clock = 0;
const now = () => clock;
let limiters: AuthLimiters;
let account: { email: string; password: string };

beforeEach(async () => {
	await resetTables(database);
	clock = Date.UTC(2031, 0, 1);
	limiters = createAuthLimiters(db, now);
	const user = await buildUser(db, { email: 'rosalind@example.org', password: 'double helix 51' });
	account = { email: user.email, password: user.password };
});

type Outcome = 'ok' | 'wrong' | 'invalid' | 'limited';

/** Runs one attempt and says how it ended, without throwing. */
async function outcome(attempt: Promise<unknown>): Promise<Outcome> {
	try {
		await attempt;
		return 'ok';
	} catch (err) {
		if (err instanceof RateLimitedError) return 'limited';
		if (!(err instanceof DomainError) || err.code !== 'invalid') throw err;
		return err.message === wrongCredentialsMessage() ? 'wrong' : 'invalid';
	}
}

const login = (address: string, input: { email: string; password: string }, using = limiters) =>
	outcome(logIn(db, using, address, input));
const wrongPassword = () => ({ email: account.email, password: 'not the right one' });
const refusal = (address: string, input = account) =>
	logIn(db, limiters, address, input).then(
		() => null,
		(err: unknown) => (err instanceof RateLimitedError ? err : Promise.reject(err))
	);

/**
 * `n` wrong passwords from the addresses `from(i)` gives, waiting out the account's spacing like a
 * patient attacker would.
 */
async function guessPatiently(n: number, from: (i: number) => string, email = account.email): Promise<void> {
	for (let i = 0; i < n; ) {
		const refused = await refusal(from(i), { email, password: 'not the right one' }).catch((err: unknown) => {
			if (err instanceof DomainError && err.message === wrongCredentialsMessage()) return null;
			throw err;
		});
		if (refused === null) i++;
		else if (refused.reason === 'account') clock += refused.retryAfterSeconds * SECOND;
		else throw refused;
	}
}

const OWNER_HOME = '198.51.100.10';
const STRANGER = '203.0.113.66';

describe('a stranger guessing one account', () => {
	it('is locked out at their address after 10 wrong passwords, while the owner still gets in from home', async () => {
		expect(await login(OWNER_HOME, account)).toBe('ok');
		await guessPatiently(10, () => STRANGER);

		// Even the right password is refused from the stranger's address, for 15 minutes after the last guess.
		const refused = await refusal(STRANGER);
		expect(refused).toMatchObject({ code: 'rate_limited', status: 429, retryAfterSeconds: 15 * 60 });
		expect(refused!.message).toMatch(/wrong passwords for this account from here/);
		// The owner, on the device (address) they logged in from before, is neither locked nor slowed down.
		expect(await login(OWNER_HOME, account)).toBe('ok');

		clock += 15 * MINUTE;
		expect(await login(STRANGER, wrongPassword())).toBe('wrong');
	});

	it('cannot get around the lockout by spelling the email differently', async () => {
		await guessPatiently(10, () => STRANGER);
		expect((await refusal(STRANGER, { ...account, email: '  ROSALIND@example.org' }))?.reason).toBe('account-and-address');
	});

	it('shares one lockout across the addresses of one IPv6 /64 network', async () => {
		await guessPatiently(10, (i) => `2001:db8:5:7::${(i + 1).toString(16)}`);
		expect((await refusal('2001:db8:5:7:ffff::1'))?.reason).toBe('account-and-address');
		expect(await login('2001:db8:5:8::1', { email: 'someone@example.org', password: 'whatever it is' })).toBe('wrong');
	});

	it('does not count a successful login against the address', async () => {
		expect(await login(OWNER_HOME, account)).toBe('ok');
		for (let i = 0; i < 9; i++) expect(await login(OWNER_HOME, wrongPassword())).toBe('wrong');
		expect(await login(OWNER_HOME, account)).toBe('ok');
		// The ninth failure would have locked the address with one more; the success cleared its count.
		for (let i = 0; i < 9; i++) expect(await login(OWNER_HOME, wrongPassword())).toBe('wrong');
		expect(await login(OWNER_HOME, account)).toBe('ok');
	});
});

describe('many addresses guessing one account', () => {
	const botnet = (i: number) => `192.0.2.${i}`;

	it('slows the account down for unfamiliar addresses: a required wait that grows, never a lock', async () => {
		for (let i = 1; i <= LIMITS.accountSlowdownAfter; i++) expect(await login(botnet(i), wrongPassword())).toBe('wrong');

		// From now on, attempts from addresses the account has never logged in from are spaced out.
		const waits: number[] = [];
		for (let i = 0; i < 8; i++) {
			const refused = await refusal(botnet(100 + i));
			expect(refused).toBeInstanceOf(RateLimitedError);
			waits.push(refused!.retryAfterSeconds);
			expect(refused!.message).toMatch(new RegExp(`${refused!.retryAfterSeconds} second`));
			clock += refused!.retryAfterSeconds * SECOND;
			expect(await login(botnet(200 + i), wrongPassword())).toBe('wrong');
		}
		expect(waits).toEqual([2, 4, 8, 16, 32, 60, 60, 60]);

		// The owner from a new address waits like everyone else, then gets in: nobody can lock them out.
		const owner = await refusal('198.51.100.99');
		expect(owner?.retryAfterSeconds).toBe(60);
		clock += 60 * SECOND;
		expect(await login('198.51.100.99', account)).toBe('ok');
	});

	it('lets the owner in at once from an address they logged in from before', async () => {
		expect(await login(OWNER_HOME, account)).toBe('ok');
		for (let i = 1; i <= 12; i++) {
			clock += 60 * SECOND;
			expect(await login(botnet(i), wrongPassword())).toBe('wrong');
		}
		expect(await login(botnet(50), wrongPassword())).toBe('limited');
		expect(await login(OWNER_HOME, account)).toBe('ok');
	});

	it('treats the address an account signed up from as familiar', async () => {
		const fresh = { name: 'Newcomer', email: 'newcomer@example.org', password: 'a perfectly fine password' };
		await signUp(db, limiters, '198.51.100.77', fresh);
		await guessPatiently(8, botnet, fresh.email);
		expect(await login('198.51.100.78', fresh)).toBe('limited');
		expect(await login('198.51.100.77', fresh)).toBe('ok');
	});

	it('forgets the failures after 15 quiet minutes', async () => {
		for (let i = 1; i <= 8; i++) await login(botnet(i), wrongPassword());
		expect(await login(botnet(9), account)).toBe('limited');
		clock += 15 * MINUTE;
		expect(await login(botnet(9), account)).toBe('ok');
	});

	it('spaces out concurrent attempts too: only one of many simultaneous guesses is let through', async () => {
		for (let i = 1; i <= LIMITS.accountSlowdownAfter; i++) await login(botnet(i), wrongPassword());
		clock += 2 * SECOND;
		const results = await Promise.all(Array.from({ length: 8 }, (_, i) => login(botnet(30 + i), wrongPassword())));
		expect(results.filter((r) => r === 'wrong')).toHaveLength(1);
		expect(results.filter((r) => r === 'limited')).toHaveLength(7);
	});
});

describe('per address', () => {
	it(`allows ${LIMITS.loginPerAddress.limit} login attempts per address in 10 minutes, whatever the account`, async () => {
		for (let i = 0; i < LIMITS.loginPerAddress.limit; i++) await limiters.checkLogin(`user${i}@example.org`, STRANGER);
		const refused = await refusal(STRANGER);
		expect(refused).toMatchObject({ retryAfterSeconds: 10 * 60 });
		expect(refused!.message).toMatch(/from your network/);
		expect(await login(OWNER_HOME, account)).toBe('ok');
		clock += 10 * MINUTE;
		expect(await login(STRANGER, account)).toBe('ok');
	});

	it('keeps signups and logins in separate buckets', async () => {
		const signup = (i: number, password = 'tooshort') =>
			outcome(signUp(db, limiters, STRANGER, { name: `New ${i}`, email: `new${i}@example.org`, password }));
		// A too-short password fails fast (no hashing), after the attempt has been counted.
		for (let i = 0; i < LIMITS.signupPerAddress.limit; i++) expect(await signup(i)).toBe('invalid');
		expect(await signup(99, 'a perfectly fine password')).toBe('limited');
		expect(await db.selectFrom('users').select('email').where('email', '=', 'new99@example.org').execute()).toEqual([]);
		// Logging in from the same address is not affected...
		expect(await login(STRANGER, account)).toBe('ok');
		// ...and a full login bucket does not stop signups from another address either.
		for (let i = 0; i < LIMITS.loginPerAddress.limit; i++) await limiters.checkLogin(`user${i}@example.org`, OWNER_HOME);
		expect(await outcome(signUp(db, limiters, OWNER_HOME, { name: 'Fresh', email: 'fresh@example.org', password: 'a perfectly fine password' }))).toBe('ok');
		clock += LIMITS.signupPerAddress.windowMs;
		expect(await signup(100, 'a perfectly fine password')).toBe('ok');
	});
});

describe('the counters live in the database', () => {
	it('survive a restart: a new set of limiters over the same database keeps every count', async () => {
		expect(await login(OWNER_HOME, account)).toBe('ok');
		await guessPatiently(10, () => STRANGER);
		const afterRestart = createAuthLimiters(db, now);
		expect(await login(STRANGER, account, afterRestart)).toBe('limited');
		expect(await login('198.51.100.99', account, afterRestart)).toBe('limited');
		expect(await login(OWNER_HOME, account, afterRestart)).toBe('ok');
	});

	it('store neither email addresses nor client addresses in the clear', async () => {
		await login(STRANGER, wrongPassword());
		const rows = await db.selectFrom('auth_throttle').select('key').execute();
		expect(rows.length).toBeGreaterThan(0);
		for (const { key } of rows) {
			expect(key).not.toContain('rosalind');
			expect(key).not.toContain('203.0.113');
		}
	});

	it('prune expired rows, so a flood of addresses does not grow the table for ever', async () => {
		for (let i = 0; i < 50; i++) await login(`198.18.0.${i}`, { email: `nobody${i}@example.org`, password: 'whatever it is' });
		const count = async () => Number((await sql<{ n: string }>`select count(*) as n from auth_throttle`.execute(db)).rows[0].n);
		expect(await count()).toBeGreaterThanOrEqual(100);
		clock += 31 * 24 * 60 * MINUTE;
		await login(OWNER_HOME, account);
		// Only what the last login wrote is left (its address bucket and the account's familiar address).
		expect(await count()).toBeLessThanOrEqual(3);
	});
});
