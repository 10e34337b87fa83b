/**
 * A token bucket: holds up to `capacity` tokens and gains `perSecond` of them every second. Bursts up
 * to the capacity pass at once; beyond that only the sustained rate does.
 */
export class TokenBucket {
	private tokens: number;
	private updatedAt: number;

	constructor(
		private readonly capacity: number,
		private readonly perSecond: number,
		private readonly now: () => number = performance.now.bind(performance)
	) {
		this.tokens = capacity;
		this.updatedAt = this.now();
	}

	/** Takes `amount` tokens if the bucket holds them; false (and nothing taken) otherwise. */
	take(amount = 1): boolean {
		this.refill();
		if (this.tokens < amount) return false;
		this.tokens -= amount;
		return true;
	}

	/** Milliseconds until `amount` tokens will be there. */
	waitMs(amount = 1): number {
		this.refill();
		return this.tokens >= amount ? 0 : ((amount - this.tokens) / this.perSecond) * 1000;
	}

	private refill(): void {
		const now = this.now();
		this.tokens = Math.min(this.capacity, this.tokens + ((now - this.updatedAt) / 1000) * this.perSecond);
		this.updatedAt = now;
	}
}
