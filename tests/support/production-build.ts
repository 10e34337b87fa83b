import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';

const root = path.resolve(import.meta.dirname, '../..');
// One lock per checkout: test files of both integration projects start at once and must not build together.
const lockDir = path.join(os.tmpdir(), `co-course-build-${createHash('sha256').update(root).digest('hex').slice(0, 12)}.lock`);

/**
 * Makes sure build/ is the production build of the current sources (as `npm start` does: rebuilt when
 * missing or older than the sources), one test file at a time.
 */
export async function ensureProductionBuild(): Promise<void> {
	await acquire();
	try {
		const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'co-course-build-check-'));
		const result = spawnSync(process.execPath, ['src/start.js', '--migrate-only'], {
			cwd: root,
			env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' },
			encoding: 'utf8'
		});
		fs.rmSync(dataDir, { recursive: true, force: true });
		if (result.status !== 0) throw new Error(`production build failed:\n${result.stdout}\n${result.stderr}`);
	} finally {
		fs.rmSync(lockDir, { recursive: true, force: true });
	}
}

async function acquire(): Promise<void> {
	const deadline = Date.now() + 10 * 60_000;
	for (;;) {
		try {
			fs.mkdirSync(lockDir);
			return;
		} catch (err) {
			if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
			// A lock left behind by a killed run is older than any real build.
			const age = Date.now() - (fs.statSync(lockDir, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
			if (age > 5 * 60_000) fs.rmSync(lockDir, { recursive: true, force: true });
			if (Date.now() > deadline) throw new Error(`timed out waiting for ${lockDir}`);
			await new Promise((resolve) => setTimeout(resolve, 500));
		}
	}
}
