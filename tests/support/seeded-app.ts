import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { createDatabase, migrateToLatest } from '$lib/server/db';
import type { Database } from '$lib/server/db/types';
import { startApp, type RunningApp } from './app-server';

/**
 * The production server on a PGlite data directory filled beforehand: `seed` writes to the same
 * database the server then opens (PGlite allows one process per directory, so seeding comes first).
 */
export async function startSeededApp<T>(seed: (db: Kysely<Database>) => Promise<T>): Promise<{ app: RunningApp; seeded: T }> {
	const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'co-course-seeded-'));
	const handle = await createDatabase({ pgliteDir: path.join(dataDir, 'pglite') });
	let seeded: T;
	try {
		await migrateToLatest(handle.db);
		seeded = await seed(handle.db);
	} finally {
		await handle.close();
	}
	// The server's own DATABASE_URL would point it elsewhere.
	return { app: await startApp({ dataDir, env: { DATABASE_URL: '' } }), seeded };
}
