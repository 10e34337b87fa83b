import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/types';

/** A key's count within its current window. */
export interface WindowCount {
	count: number;
	expiresAt: Date;
}

export interface HitRule {
	/** Hits counted per window; a hit beyond it is refused and changes nothing but the count's marker. */
	limit?: number;
	windowMs: number;
	/**
	 * Fixed (default): the window ends `windowMs` after its first hit, a rate per period.
	 * Sliding: it ends `windowMs` after the last counted hit, so the count lasts until things go quiet.
	 */
	sliding?: boolean;
}

/**
 * Where attempt counters live. Every operation is atomic on one key, so concurrent requests (also from
 * other processes) cannot both slip under a limit. The database is the store today; a Redis store
 * (INCR + PEXPIRE in a script) can implement the same five calls when Redis arrives.
 */
export interface ThrottleStore {
	/** Counts one hit unless the key already holds `limit` in its window; says whether it was counted. */
	hit(key: string, rule: HitRule, now: Date): Promise<WindowCount & { counted: boolean }>;
	/** Starts the key's window afresh, holding this one hit, in one step (no moment without the key). */
	restart(key: string, rule: HitRule, now: Date): Promise<void>;
	/** The key's count, or null when it has none (never hit, cleared, or its window is over). */
	read(key: string, now: Date): Promise<WindowCount | null>;
	clear(key: string): Promise<void>;
	/** Drops every key whose window is over. */
	prune(now: Date): Promise<void>;
}

const UNLIMITED = 2_000_000_000;

export function databaseThrottleStore(db: Kysely<Database>): ThrottleStore {
	return {
		async hit(key, rule, now) {
			const limit = rule.limit ?? UNLIMITED;
			const fresh = new Date(now.getTime() + rule.windowMs);
			const over = sql<boolean>`auth_throttle.expires_at <= ${now}`;
			const room = sql<boolean>`auth_throttle.count < ${limit}`;
			// A refused hit leaves the count at limit + 1: that is how the caller learns it was refused,
			// and it never extends the window.
			const row = await db
				.insertInto('auth_throttle')
				.values({ key, count: 1, expires_at: fresh })
				.onConflict((oc) =>
					oc.column('key').doUpdateSet({
						count: sql`case when ${over} then 1 when ${room} then auth_throttle.count + 1 else ${limit + 1} end`,
						expires_at: rule.sliding
							? sql`case when ${over} or ${room} then excluded.expires_at else auth_throttle.expires_at end`
							: sql`case when ${over} then excluded.expires_at else auth_throttle.expires_at end`
					})
				)
				.returning(['count', 'expires_at'])
				.executeTakeFirstOrThrow();
			return { count: row.count, expiresAt: new Date(row.expires_at), counted: row.count <= limit };
		},

		async restart(key, rule, now) {
			const expires = new Date(now.getTime() + rule.windowMs);
			await db
				.insertInto('auth_throttle')
				.values({ key, count: 1, expires_at: expires })
				.onConflict((oc) => oc.column('key').doUpdateSet({ count: 1, expires_at: expires }))
				.execute();
		},

		async read(key, now) {
			const row = await db
				.selectFrom('auth_throttle')
				.select(['count', 'expires_at'])
				.where('key', '=', key)
				.where('expires_at', '>', now)
				.executeTakeFirst();
			return row ? { count: row.count, expiresAt: new Date(row.expires_at) } : null;
		},

		async clear(key) {
			await db.deleteFrom('auth_throttle').where('key', '=', key).execute();
		},

		async prune(now) {
			await db.deleteFrom('auth_throttle').where('expires_at', '<=', now).execute();
		}
	};
}
