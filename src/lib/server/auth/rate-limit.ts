/**
 * Token buckets keyed by a string (client address or account). In memory, per process: enough to
 * slow down password guessing on one instance; a multi-process deployment would move this to Redis.
 */
export class TokenBucketLimiter {
	private readonly buckets = new Map<string, { tokens: number; refilledAt: number }>();

	constructor(
		private readonly capacity: number,
		private readonly refillIntervalMs: number,
		private readonly now: () => number = Date.now
	) {}

	/** Takes one token; false when the key has none left. */
	consume(key: string): boolean {
		const bucket = this.refill(key);
		if (bucket.tokens < 1) return false;
		bucket.tokens -= 1;
		return true;
	}

	/** Seconds until the key has a token again (0 when it has one). */
	retryAfterSeconds(key: string): number {
		const bucket = this.refill(key);
		if (bucket.tokens >= 1) return 0;
		return Math.ceil((this.refillIntervalMs - (this.now() - bucket.refilledAt)) / 1000);
	}

	reset(key: string): void {
		this.buckets.delete(key);
	}

	private refill(key: string) {
		const now = this.now();
		let bucket = this.buckets.get(key);
		if (!bucket) {
			bucket = { tokens: this.capacity, refilledAt: now };
			this.buckets.set(key, bucket);
			this.prune(now);
			return bucket;
		}
		const intervals = Math.floor((now - bucket.refilledAt) / this.refillIntervalMs);
		if (intervals > 0) {
			bucket.tokens = Math.min(this.capacity, bucket.tokens + intervals);
			bucket.refilledAt += intervals * this.refillIntervalMs;
		}
		return bucket;
	}

	// Full buckets carry no information; dropping them keeps memory bounded under address churn.
	private prune(now: number) {
		if (this.buckets.size < 10_000) return;
		for (const [key, bucket] of this.buckets) {
			const full = bucket.tokens + Math.floor((now - bucket.refilledAt) / this.refillIntervalMs) >= this.capacity;
			if (full) this.buckets.delete(key);
		}
	}
}

export interface AuthLimiters {
	/** Login and signup attempts per client address. */
	byAddress: TokenBucketLimiter;
	/** Failed logins per account (email), so one account cannot be guessed at from many addresses. */
	byAccount: TokenBucketLimiter;
}

export function createAuthLimiters(now: () => number = Date.now): AuthLimiters {
	return {
		byAddress: new TokenBucketLimiter(20, 60_000, now),
		byAccount: new TokenBucketLimiter(10, 5 * 60_000, now)
	};
}
