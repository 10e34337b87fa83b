import { describe, expect, it } from 'vitest';
import { TokenBucket } from './token-bucket';

describe('TokenBucket', () => {
	it('lets a burst through, then only the sustained rate', () => {
		let now = 0;
		const bucket = new TokenBucket(3, 10, () => now);
		expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, true, false]);
		expect(bucket.waitMs()).toBe(100);
		now = 100;
		expect([bucket.take(), bucket.take()]).toEqual([true, false]);
		now = 10_000; // a long pause refills to the capacity, not beyond
		expect([bucket.take(3), bucket.take()]).toEqual([true, false]);
	});

	it('takes nothing when it cannot take everything', () => {
		let now = 0;
		const bucket = new TokenBucket(100, 100, () => now);
		expect(bucket.take(150)).toBe(false);
		expect(bucket.take(100)).toBe(true);
	});
});
