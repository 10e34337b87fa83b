import type { Kysely } from 'kysely';
import type { Database } from '../db/types';
import { clientKey } from '../auth/rate-limit';
import { databaseThrottleStore, type HitRule, type ThrottleStore } from '../auth/throttle-store';
import { hashToken } from '../hash';

const MINUTE = 60_000;

/**
 * How many responses an anonymous link takes. A class answering together from behind one NAT must
 * get through, a script must not fill a round: per address a class's worth in ten minutes, per link a
 * few classes' worth. Counted in the database (the login limits' store), so restarts and every app
 * process share them. Only responses that would be stored count, not forms sent back with mistakes.
 */
export const SUBMISSION_LIMITS = {
	perAddress: { limit: 40, windowMs: 10 * MINUTE },
	perLink: { limit: 240, windowMs: 10 * MINUTE }
} satisfies Record<string, HitRule>;

export type Admission = { admitted: true } | { admitted: false; retryAfterSeconds: number };

export class SubmissionThrottle {
	private lastPrune = -Infinity;

	constructor(
		private readonly store: ThrottleStore,
		private readonly limits: typeof SUBMISSION_LIMITS = SUBMISSION_LIMITS
	) {}

	async admit(linkId: string, address: string, now: Date): Promise<Admission> {
		if (now.getTime() - this.lastPrune >= MINUTE) {
			this.lastPrune = now.getTime();
			await this.store.prune(now);
		}
		const perAddress = await this.store.hit(`feedback-address:${hashToken(`${linkId}\n${clientKey(address)}`)}`, this.limits.perAddress, now);
		if (!perAddress.counted) return refused(perAddress.expiresAt, now);
		const perLink = await this.store.hit(`feedback-link:${hashToken(linkId)}`, this.limits.perLink, now);
		if (!perLink.counted) return refused(perLink.expiresAt, now);
		return { admitted: true };
	}
}

function refused(until: Date, now: Date): Admission {
	return { admitted: false, retryAfterSeconds: Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000)) };
}

// One throttle per database handle, so that pruning happens once a minute per process rather than on
// every request. Keyed by the handle itself: nothing about any user is kept here.
const throttles = new WeakMap<Kysely<Database>, SubmissionThrottle>();

export function submissionThrottle(db: Kysely<Database>): SubmissionThrottle {
	let throttle = throttles.get(db);
	if (!throttle) throttles.set(db, (throttle = new SubmissionThrottle(databaseThrottleStore(db))));
	return throttle;
}
