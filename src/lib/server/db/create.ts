import fs from 'node:fs/promises';
import path from 'node:path';
import { Kysely, PGliteDialect, PostgresDialect } from 'kysely';
import type { Database } from './types';

export interface DatabaseHandle {
	db: Kysely<Database>;
	driver: 'postgres' | 'pglite';
	/** Closes the pool or the PGlite instance; PGlite must be closed to leave its data directory consistent. */
	close(): Promise<void>;
}

export interface DatabaseOptions {
	/** PostgreSQL connection string. */
	url?: string;
	/** PGlite data directory, or `memory://` for a throwaway database. Used when `url` is not given. */
	pgliteDir?: string;
	/** PostgreSQL only: run every connection with this search_path (tests isolate themselves by schema). */
	schema?: string;
}

export async function createDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
	if (options.url) return createPostgres(options.url, options.schema);
	return createPglite(options.pgliteDir ?? 'memory://');
}

async function createPostgres(url: string, schema?: string): Promise<DatabaseHandle> {
	const { default: pg } = await import('pg');
	const pool = new pg.Pool({
		connectionString: url,
		max: 10,
		options: schema ? `-c search_path=${schema}` : undefined
	});
	// An idle client that loses its connection emits 'error'; without a listener that would crash the process.
	pool.on('error', (err) => console.error('[db] idle PostgreSQL client error:', err.message));
	const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
	return { db, driver: 'postgres', close: () => db.destroy() };
}

async function createPglite(dir: string): Promise<DatabaseHandle> {
	const { PGlite } = await import('@electric-sql/pglite');
	if (!dir.startsWith('memory://')) await fs.mkdir(path.dirname(dir), { recursive: true });
	const pglite = await PGlite.create(dir);
	const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) });
	return {
		db,
		driver: 'pglite',
		async close() {
			await db.destroy();
			if (!pglite.closed) await pglite.close();
		}
	};
}
