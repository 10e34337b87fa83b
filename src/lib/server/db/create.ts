import fs from 'node:fs/promises';
import { constants as fsConstants } from 'node:fs';
import path from 'node:path';
import { Kysely, PostgresDialect, sql } from 'kysely';
import { StartupError } from '../config';
import type { Database } from './types';
import { WorkerPgliteDialect } from './pglite-driver';

export interface DatabaseHandle {
	db: Kysely<Database>;
	driver: 'postgres' | 'pglite';
	/** Closes the pool or the PGlite instance; PGlite must be closed to leave its data directory consistent. */
	close(): Promise<void>;
	/**
	 * PGlite: restarts the engine to give back the memory a big job took (creating or migrating the
	 * database), which WASM never returns otherwise. Only while nothing else uses the database.
	 * PostgreSQL: nothing to do.
	 */
	releaseEngineMemory(): Promise<void>;
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
		// Extensions live in public (shared by every schema), so a schema of its own still finds them.
		options: schema ? `-c search_path=${schema},public` : undefined
	});
	// An idle client that loses its connection emits 'error'; without a listener that would crash the process.
	pool.on('error', (err) => console.error('[db] idle PostgreSQL client error:', err.message));
	const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
	return { db, driver: 'postgres', close: () => db.destroy(), releaseEngineMemory: async () => {} };
}

/**
 * PostgreSQL's defaults size buffers for a server of its own (shared_buffers 128 MB); inside our
 * process they are most of its resident memory. A course document is read once per room load and
 * the operating system caches the files anyway, so small buffers cost little.
 */
const PGLITE_CONF = ['shared_buffers = 4MB', 'temp_buffers = 1MB', 'maintenance_work_mem = 16MB'];

async function createPglite(dir: string): Promise<DatabaseHandle> {
	const onDisk = !dir.startsWith('memory://');
	if (onDisk) await ensureWritable(dir);
	// PGlite runs in a worker thread (see pglite-driver.ts); the trigram extension (search fallback for
	// Finnish inflections, similar course names; PostgreSQL ships it) is loaded there.
	const dialect = new WorkerPgliteDialect({ dataDir: dir, options: { postgresqlconf: PGLITE_CONF }, liftoffOnly: true });
	const db = new Kysely<Database>({ dialect });
	try {
		await sql`select 1`.execute(db); // starts the worker and opens the database now, not at first use
	} catch (err) {
		await db.destroy().catch(() => {});
		if (!onDisk) throw err;
		// PGlite's own message says nothing about the cause, and its stack is minified source.
		throw new StartupError(
			`PGlite could not open the database in ${dir} (${err instanceof Error ? err.message : String(err)}). ` +
				'Check that the directory is writable by the server and not used by another running server.',
			{ cause: err }
		);
	}
	// An in-memory database lives in its engine: restarting that would throw the data away.
	const releaseEngineMemory = onDisk ? () => dialect.restartEngine() : async () => {};
	return { db, driver: 'pglite', close: () => db.destroy(), releaseEngineMemory };
}

/**
 * PGlite writes throughout its data directory; checking up front turns "PGlite failed to initialize
 * properly" into a message that names the directory. Where the check can see it, every directory of an
 * existing database must be writable too.
 */
async function ensureWritable(dir: string): Promise<void> {
	try {
		await fs.mkdir(dir, { recursive: true });
		const probe = path.join(dir, `.write-check-${process.pid}`);
		await fs.writeFile(probe, '');
		await fs.rm(probe);
		for (const entry of await fs.readdir(dir, { recursive: true, withFileTypes: true })) {
			await fs.access(path.join(entry.parentPath, entry.name), fsConstants.W_OK);
		}
	} catch (err) {
		const code = (err as NodeJS.ErrnoException).code ?? 'unknown error';
		throw new StartupError(
			`The data directory ${dir} is not writable (${code}). Set DATA_DIR to a directory the server's user can write to, or give that user write access to it.`,
			{ cause: err }
		);
	}
}
