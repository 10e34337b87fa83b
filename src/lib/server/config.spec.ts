import { describe, expect, it } from 'vitest';
import { readConfig, StartupError } from './config';

describe('readConfig', () => {
	it('leaves Redis off unless REDIS_URL is set', () => {
		expect(readConfig({}).redisUrl).toBeUndefined();
		expect(readConfig({ REDIS_URL: '  ' }).redisUrl).toBeUndefined();
	});

	it('takes REDIS_URL together with a PostgreSQL DATABASE_URL', () => {
		const config = readConfig({ REDIS_URL: 'redis://127.0.0.1:6379', DATABASE_URL: 'postgres://db/app' });
		expect(config.redisUrl).toBe('redis://127.0.0.1:6379');
	});

	it('refuses REDIS_URL with the embedded database, saying what to do', () => {
		const attempt = () => readConfig({ REDIS_URL: 'redis://127.0.0.1:6379' });
		expect(attempt).toThrow(StartupError);
		expect(attempt).toThrow(/REDIS_URL .*DATABASE_URL/);
	});

	it('refuses a REDIS_URL that is not a redis:// or rediss:// address', () => {
		expect(() => readConfig({ REDIS_URL: 'http://x', DATABASE_URL: 'postgres://db/app' })).toThrow(/REDIS_URL/);
	});

	it('never shows the password of a REDIS_URL it refuses', () => {
		expect(() => readConfig({ REDIS_URL: 'redis://:s3cret@127.0.0.1:6379' })).toThrow(StartupError);
		try {
			readConfig({ REDIS_URL: 'redis://:s3cret@127.0.0.1:6379' });
		} catch (err) {
			expect((err as Error).message).not.toContain('s3cret');
		}
	});

	it('names Redis channels co-course unless REDIS_PREFIX says otherwise', () => {
		expect(readConfig({}).redisPrefix).toBe('co-course');
		expect(readConfig({ REDIS_PREFIX: ' cocourse-staging ' }).redisPrefix).toBe('cocourse-staging');
	});

	it('refuses a REDIS_PREFIX that could run into another channel name', () => {
		for (const prefix of ['a:b', 'with space', '-leading', 'x'.repeat(65), 'ä']) {
			expect(() => readConfig({ REDIS_PREFIX: prefix })).toThrow(/REDIS_PREFIX/);
		}
	});
});
