import { afterAll } from 'vitest';
import { createDatabase, migrateToLatest, type DatabaseHandle } from '$lib/server/db';
import { adminQuery } from './postgres-admin';

/**
 * A fresh, migrated database for one test file: an in-memory PGlite, or (TEST_DB=postgres) a new
 * schema in the PostgreSQL of TEST_DATABASE_URL, dropped again when the file is done.
 */
export async function createTestDatabase(): Promise<DatabaseHandle> {
	if (process.env.TEST_DB !== 'postgres') {
		const handle = await createDatabase({ pgliteDir: 'memory://' });
		await migrateToLatest(handle.db);
		afterAll(() => handle.close());
		return handle;
	}
	const url = process.env.TEST_DATABASE_URL;
	if (!url) throw new Error('TEST_DB=postgres needs TEST_DATABASE_URL');
	const schema = `test_${crypto.randomUUID().replaceAll('-', '').slice(0, 16)}`;
	await adminQuery(url, `create schema ${schema}`);
	const handle = await createDatabase({ url, schema });
	await migrateToLatest(handle.db);
	afterAll(async () => {
		await handle.close();
		await adminQuery(url, `drop schema ${schema} cascade`);
	});
	return handle;
}

/** Empties every application table between tests, keeping the schema and the singleton profile row. */
export async function resetTables(handle: DatabaseHandle): Promise<void> {
	const { sql } = await import('kysely');
	const tables = await sql<{ tablename: string }>`
		select tablename from pg_tables
		where schemaname = current_schema() and tablename not like 'kysely_%' and tablename <> 'provider_profile'
	`.execute(handle.db);
	if (tables.rows.length === 0) return;
	const list = tables.rows.map((t) => `"${t.tablename}"`).join(', ');
	// Published versions refuse every change, truncation included (a trigger); tests start afresh anyway.
	await handle.db.transaction().execute(async (trx) => {
		await sql`set local session_replication_role = replica`.execute(trx);
		await sql.raw(`truncate ${list} cascade`).execute(trx);
	});
}
