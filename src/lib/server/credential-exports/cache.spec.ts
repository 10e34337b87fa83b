import { describe, expect, it } from 'vitest';
import { LruCache, cached } from './cache';

const entry = (size: number, name = '') => ({ size, name });

describe('LruCache', () => {
	it('evicts the least recently used entries once over its byte budget', () => {
		const cache = new LruCache<ReturnType<typeof entry>>(10);
		cache.set('a', entry(4));
		cache.set('b', entry(4));
		cache.get('a');
		cache.set('c', entry(4));
		expect(cache.get('b')).toBeUndefined();
		expect(cache.get('a')).toBeDefined();
		expect(cache.get('c')).toBeDefined();
		expect(cache.bytes).toBe(8);
	});

	it('never keeps an entry larger than the whole budget', () => {
		const cache = new LruCache<ReturnType<typeof entry>>(10);
		cache.set('big', entry(11));
		expect(cache.size).toBe(0);
	});

	it('builds once for concurrent requests of one key', async () => {
		const cache = new LruCache<ReturnType<typeof entry>>(100);
		let builds = 0;
		const build = async () => {
			builds += 1;
			await new Promise((r) => setTimeout(r, 5));
			return entry(1, 'x');
		};
		const [a, b] = await Promise.all([cached(cache, 'k', build), cached(cache, 'k', build)]);
		expect(a).toBe(b);
		expect(builds).toBe(1);
		await cached(cache, 'k', build);
		expect(builds).toBe(1);
	});
});
