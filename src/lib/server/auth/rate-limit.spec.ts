import { describe, expect, it } from 'vitest';
import { accountWaitMs, clientKey, LIMITS, RateLimitedError } from './rate-limit';

describe('accountWaitMs', () => {
	it('asks for no wait below the slowdown threshold, then doubles up to the cap', () => {
		const failures = Array.from({ length: 14 }, (_, i) => i);
		expect(failures.map((n) => accountWaitMs(n) / 1000)).toEqual([0, 0, 0, 0, 0, 2, 4, 8, 16, 32, 60, 60, 60, 60]);
		expect(accountWaitMs(10_000)).toBe(LIMITS.accountMaxWaitMs);
	});
});

describe('clientKey', () => {
	it.each([
		['203.0.113.7', '203.0.113.7'],
		['::ffff:203.0.113.7', '203.0.113.7'],
		['2001:db8:5:7::1', '2001:db8:5:7::/64'],
		['2001:0db8:0005:0007:ffff:1:2:3', '2001:db8:5:7::/64'],
		['2001:DB8:5:7:FFFF::', '2001:db8:5:7::/64'],
		['2001:db8::1', '2001:db8:0:0::/64'],
		['::1', '0:0:0:0::/64'],
		['fe80::1%eth0', 'fe80:0:0:0::/64'],
		['not an address', 'not an address']
	])('keys %s as %s', (address, key) => {
		expect(clientKey(address)).toBe(key);
	});
});

describe('RateLimitedError', () => {
	it('says how long to wait in seconds up to a minute and a half, in minutes beyond', () => {
		expect(new RateLimitedError(1, 'account').message).toMatch(/Wait 1 second and/);
		expect(new RateLimitedError(60, 'account').message).toMatch(/Wait 60 seconds/);
		expect(new RateLimitedError(600, 'address').message).toBe('Too many attempts from your network. Try again in 10 minutes.');
		expect(new RateLimitedError(61 * 15, 'account-and-address').message).toMatch(/in 16 minutes/);
	});
});
