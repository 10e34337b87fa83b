import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureProductionBuild } from '$tests/support/production-build';

/**
 * REDIS_URL means several processes; they cannot share the embedded database, so the server must
 * refuse to start with it, in one line that says what to do, before it opens (or creates) anything.
 */

const root = path.resolve(import.meta.dirname, '../..');
let dataDir: string;

// Nothing here depends on the database under test: once is enough.
describe.skipIf(process.env.TEST_DB === 'postgres')('REDIS_URL with the embedded database', () => {
	beforeAll(async () => {
		await ensureProductionBuild();
		dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'co-course-redis-pglite-'));
	}, 300_000);
	afterAll(() => {
		if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
	});

	it('is refused at start with one clear line, and no database is created', () => {
		const result = spawnSync(process.execPath, ['src/server.js'], {
			cwd: root,
			env: { ...process.env, DATABASE_URL: '', REDIS_URL: 'redis://127.0.0.1:6379', DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1' },
			encoding: 'utf8',
			timeout: 60_000
		});
		const output = `${result.stdout}${result.stderr}`.trim();
		expect(result.status, output).not.toBe(0);
		expect(output.split('\n'), output).toHaveLength(1);
		expect(output).toMatch(/cannot start: .*REDIS_URL.*DATABASE_URL/);
		expect(output).not.toMatch(/\n\s+at |node_modules/);
		expect(fs.existsSync(path.join(dataDir, 'pglite'))).toBe(false);
	});
});
