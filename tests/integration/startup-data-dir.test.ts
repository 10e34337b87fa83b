import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureProductionBuild } from '$tests/support/production-build';

/**
 * A data directory the server cannot write to must stop it at once with one line that names the
 * directory and says what to do: no stack trace, no minified PGlite source. As root every directory is
 * writable, so there the server runs as `nobody` against directories made read-only.
 */

const root = path.resolve(import.meta.dirname, '../..');
const asRoot = process.getuid?.() === 0;
const NOBODY = 65534;
let scratch: string;

function startServer(dataDir: string, args: string[] = []) {
	const result = spawnSync(process.execPath, ['src/server.js', ...args], {
		cwd: root,
		env: { ...process.env, DATABASE_URL: '', DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1' },
		encoding: 'utf8',
		timeout: 60_000,
		...(asRoot ? { uid: NOBODY, gid: NOBODY } : {})
	});
	return { status: result.status, output: `${result.stdout}${result.stderr}`.trim() };
}

function readOnly(dir: string): string {
	for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
		fs.chmodSync(path.join(entry.parentPath, entry.name), entry.isDirectory() ? 0o555 : 0o444);
	}
	fs.chmodSync(dir, 0o555);
	return dir;
}

describe.skipIf(process.env.TEST_DB === 'postgres')('starting with an unwritable DATA_DIR', () => {
	beforeAll(async () => {
		await ensureProductionBuild();
		scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'co-course-datadir-'));
		fs.chmodSync(scratch, 0o755);
	});
	afterAll(() => {
		if (!scratch) return;
		for (const entry of fs.readdirSync(scratch, { recursive: true, withFileTypes: true })) {
			fs.chmodSync(path.join(entry.parentPath, entry.name), 0o755);
		}
		fs.rmSync(scratch, { recursive: true, force: true });
	});

	function expectOneClearLine(output: string, dir: string) {
		const lines = output.split('\n');
		expect(lines, output).toHaveLength(1);
		expect(lines[0]).toContain(path.join(dir, 'pglite'));
		expect(lines[0]).toMatch(/is not writable .*DATA_DIR/);
		expect(output).not.toMatch(/PGlite failed to initialize|\n\s+at |node_modules/);
	}

	it('a read-only empty directory: the server exits non-zero with one line', () => {
		const dir = readOnly(fs.mkdirSync(path.join(scratch, 'empty'), { recursive: true })!);
		const { status, output } = startServer(dir);
		expect(status).not.toBe(0);
		expectOneClearLine(output, dir);
	});

	it('a read-only existing database: `npm run db:migrate` (--migrate-only) exits non-zero with one line', () => {
		const dir = fs.mkdirSync(path.join(scratch, 'existing'), { recursive: true })!;
		if (asRoot) fs.chownSync(dir, NOBODY, NOBODY);
		expect(startServer(dir, ['--migrate-only']).status).toBe(0);
		readOnly(dir);
		const { status, output } = startServer(dir, ['--migrate-only']);
		expect(status).not.toBe(0);
		expectOneClearLine(output, dir);
	});

	it('a DATA_DIR below a regular file', () => {
		const file = path.join(scratch, 'a-file');
		fs.writeFileSync(file, '');
		const dir = path.join(file, 'data');
		const { status, output } = startServer(dir);
		expect(status).not.toBe(0);
		expectOneClearLine(output, dir);
	});
});
