import { describe, expect, it } from 'vitest';
import { createAuthLimiters, TokenBucketLimiter } from './rate-limit';

function clock(start = 1_000_000) {
	const c = { t: start, now: () => c.t };
	return c;
}

describe('TokenBucketLimiter', () => {
	it('gives each key `capacity` tokens, then refuses', () => {
		const c = clock();
		const limiter = new TokenBucketLimiter(3, 1000, c.now);
		expect([1, 2, 3, 4].map(() => limiter.consume('a'))).toEqual([true, true, true, false]);
		expect(limiter.consume('b')).toBe(true);
	});

	it('adds one token per whole interval, never above capacity', () => {
		const c = clock();
		const limiter = new TokenBucketLimiter(3, 1000, c.now);
		for (let i = 0; i < 3; i++) limiter.consume('a');
		c.t += 999;
		expect(limiter.consume('a')).toBe(false);
		c.t += 1;
		expect(limiter.consume('a')).toBe(true);
		expect(limiter.consume('a')).toBe(false);

		c.t += 100_000;
		expect([1, 2, 3, 4].map(() => limiter.consume('a'))).toEqual([true, true, true, false]);
	});

	it('keeps partial intervals: refills stay on the original grid', () => {
		const c = clock();
		const limiter = new TokenBucketLimiter(1, 1000, c.now);
		limiter.consume('a');
		c.t += 1500;
		expect(limiter.consume('a')).toBe(true);
		c.t += 500; // 2000 ms after the start: the second interval is complete
		expect(limiter.consume('a')).toBe(true);
	});

	it('says how long to wait, and 0 when a token is available', () => {
		const c = clock();
		const limiter = new TokenBucketLimiter(1, 60_000, c.now);
		expect(limiter.retryAfterSeconds('a')).toBe(0);
		limiter.consume('a');
		expect(limiter.retryAfterSeconds('a')).toBe(60);
		c.t += 45_500;
		expect(limiter.retryAfterSeconds('a')).toBe(15);
		c.t += 14_500;
		expect(limiter.retryAfterSeconds('a')).toBe(0);
	});

	it('reset gives the key a full bucket again', () => {
		const c = clock();
		const limiter = new TokenBucketLimiter(2, 1000, c.now);
		limiter.consume('a');
		limiter.consume('a');
		limiter.reset('a');
		expect([limiter.consume('a'), limiter.consume('a'), limiter.consume('a')]).toEqual([true, true, false]);
	});

	it('still limits a busy key while many other keys come and go', () => {
		const c = clock();
		const limiter = new TokenBucketLimiter(2, 1000, c.now);
		limiter.consume('busy');
		limiter.consume('busy');
		for (let i = 0; i < 12_000; i++) limiter.consume(`churn-${i}`);
		expect(limiter.consume('busy')).toBe(false);
	});
});

describe('createAuthLimiters', () => {
	it('allows 20 attempts per address and 10 per account, on the injected clock', () => {
		const c = clock();
		const { byAddress, byAccount } = createAuthLimiters(c.now);
		expect(Array.from({ length: 21 }, () => byAddress.consume('ip')).filter(Boolean)).toHaveLength(20);
		expect(Array.from({ length: 11 }, () => byAccount.consume('me')).filter(Boolean)).toHaveLength(10);
		expect(byAddress.retryAfterSeconds('ip')).toBe(60);
		expect(byAccount.retryAfterSeconds('me')).toBe(300);
		c.t += 5 * 60_000;
		expect(byAccount.consume('me')).toBe(true);
	});
});
