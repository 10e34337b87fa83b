import { isIP } from 'node:net';
import { m } from '$lib/paraglide/messages';
import type { Kysely } from 'kysely';
import type { Database } from '../db/types';
import { DomainError } from '../errors';
import { hashToken } from '../hash';
import { databaseThrottleStore, type HitRule, type ThrottleStore } from './throttle-store';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const DAY = 24 * 60 * MINUTE;

/**
 * The rules, in one place. Strangers must not be able to lock an owner out: a lockout only ever
 * applies to one (account, address) pair; towards the account as a whole, failures only space out
 * attempts from addresses the account has never logged in from, with a wait that is capped.
 */
export const LIMITS = {
	/** Login attempts per client address (any account): bounds password spraying and hashing work. */
	loginPerAddress: { limit: 100, windowMs: 10 * MINUTE },
	/** Signup attempts per client address; generous enough for a classroom behind one NAT. */
	signupPerAddress: { limit: 30, windowMs: 60 * MINUTE },
	/** Wrong passwords for one account from one address before that pair is locked, until 15 quiet minutes. */
	failuresPerAccountAndAddress: { limit: 10, windowMs: 15 * MINUTE, sliding: true },
	/** Wrong passwords for one account from anywhere are remembered until 15 quiet minutes pass. */
	failuresPerAccount: { windowMs: 15 * MINUTE, sliding: true },
	/** From this many failures on, unfamiliar addresses wait between attempts on the account. */
	accountSlowdownAfter: 5,
	accountMaxWaitMs: 60 * SECOND,
	/** An address the account logged in from stays familiar for this long after its last login. */
	familiar: { windowMs: 30 * DAY, sliding: true }
} satisfies Record<string, HitRule | number>;

export type RateLimitReason = 'address' | 'account-and-address' | 'account';

export class RateLimitedError extends DomainError {
	constructor(
		readonly retryAfterSeconds: number,
		readonly reason: RateLimitReason
	) {
		const wait =
			retryAfterSeconds <= 90
				? m.auth_wait_seconds({ count: retryAfterSeconds })
				: m.auth_wait_minutes({ count: Math.ceil(retryAfterSeconds / 60) });
		const messages: Record<RateLimitReason, string> = {
			address: m.auth_too_many_from_network({ wait }),
			'account-and-address': m.auth_too_many_wrong_passwords({ wait }),
			account: m.auth_account_throttled({ wait })
		};
		super('rate_limited', messages[reason]);
	}
}

/** How long unfamiliar addresses wait between attempts on an account with this many recent failures. */
export function accountWaitMs(failures: number): number {
	if (failures < LIMITS.accountSlowdownAfter) return 0;
	return Math.min(2 ** (failures - LIMITS.accountSlowdownAfter + 1) * SECOND, LIMITS.accountMaxWaitMs);
}

/**
 * The part of a client address that identifies one client: IPv4 as it is (also when IPv4-mapped),
 * IPv6 by its /64, since one household or server is handed a whole /64 and can pick any address in it.
 */
export function clientKey(address: string): string {
	const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
	if (mapped) return mapped[1];
	if (isIP(address) !== 6) return address;
	const [head, tail = ''] = address.toLowerCase().split('%')[0].split('::');
	const left = head ? head.split(':') : [];
	const right = tail ? tail.split(':') : [];
	const groups = address.includes('::') ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right] : left;
	return groups
		.slice(0, 4)
		.map((g) => g.replace(/^0+(?=.)/, ''))
		.join(':') + '::/64';
}

/** Attempt counting for login and signup; each check throws RateLimitedError when the attempt may not go on. */
export class AuthLimiters {
	private lastPrune = -Infinity;

	constructor(
		private readonly store: ThrottleStore,
		private readonly now: () => number = Date.now
	) {}

	/** Before a password is checked. */
	async checkLogin(account: string, address: string): Promise<void> {
		const now = await this.tick();
		const client = clientKey(address);
		await this.take(key('login-address', client), LIMITS.loginPerAddress, 'address', now);

		const pair = await this.store.read(key('login-pair', account, client), now);
		if (pair && pair.count >= LIMITS.failuresPerAccountAndAddress.limit) {
			throw new RateLimitedError(secondsUntil(pair.expiresAt, now), 'account-and-address');
		}

		const failures = (await this.store.read(key('login-account', account), now))?.count ?? 0;
		const waitMs = accountWaitMs(failures);
		if (waitMs === 0 || (await this.store.read(key('login-familiar', account, client), now))) return;
		// The account rests for the wait after each failure; an attempt takes the rest itself while it runs,
		// so simultaneous guesses from many addresses get one attempt between them, not one each.
		await this.take(key('login-account-rest', account), { limit: 1, windowMs: waitMs }, 'account', now);
	}

	async loginFailed(account: string, address: string): Promise<void> {
		const now = new Date(this.now());
		const client = clientKey(address);
		await this.store.hit(key('login-pair', account, client), LIMITS.failuresPerAccountAndAddress, now);
		const { count } = await this.store.hit(key('login-account', account), LIMITS.failuresPerAccount, now);
		const waitMs = accountWaitMs(count);
		if (waitMs === 0) return;
		// One step: between a clear and a new hit, a simultaneous guess would find no rest and go through.
		await this.store.restart(key('login-account-rest', account), { limit: 1, windowMs: waitMs }, now);
	}

	/**
	 * After a login or signup: this address is where the account's owner is. The account's failures
	 * stay, since an owner's login says nothing about whether the guessing elsewhere has stopped.
	 */
	async signedIn(account: string, address: string): Promise<void> {
		const now = new Date(this.now());
		const client = clientKey(address);
		await this.store.clear(key('login-pair', account, client));
		await this.store.hit(key('login-familiar', account, client), LIMITS.familiar, now);
	}

	async checkSignup(address: string): Promise<void> {
		const now = await this.tick();
		await this.take(key('signup-address', clientKey(address)), LIMITS.signupPerAddress, 'address', now);
	}

	private async take(k: string, rule: HitRule, reason: RateLimitReason, now: Date): Promise<void> {
		const result = await this.store.hit(k, rule, now);
		if (!result.counted) throw new RateLimitedError(secondsUntil(result.expiresAt, now), reason);
	}

	// Expired rows are dropped at most once a minute, on the way in: the table holds at most about a
	// window's worth of keys, however many addresses come and go.
	private async tick(): Promise<Date> {
		const now = new Date(this.now());
		if (now.getTime() - this.lastPrune >= MINUTE) {
			this.lastPrune = now.getTime();
			await this.store.prune(now);
		}
		return now;
	}
}


function key(kind: string, ...parts: string[]): string {
	return `${kind}:${hashToken(parts.join('\n'))}`;
}

function secondsUntil(when: Date, now: Date): number {
	return Math.max(1, Math.ceil((when.getTime() - now.getTime()) / SECOND));
}

export function createAuthLimiters(db: Kysely<Database>, now: () => number = Date.now): AuthLimiters {
	return new AuthLimiters(databaseThrottleStore(db), now);
}
