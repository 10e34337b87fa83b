import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { Migrator, type Migration } from 'kysely/migration';
import { createTestDatabase } from '$tests/support/db';
import { buildUser } from '$tests/support/factories';

/**
 * kysely 0.29 declares `engines: node >= 22`; we run on Node 20 (package.json). Its code needs only
 * ES2023 (Array#toSorted, Array#toReversed: in Node 20) and polyfills Symbol.asyncDispose itself. This
 * file runs the paths that use them, on PGlite and on PostgreSQL, so that a kysely update that really
 * needs Node 22 fails here rather than in production. See README, "Node 20 and kysely".
 */
const handle = await createTestDatabase();
const { db } = handle;

describe(`kysely on Node ${process.versions.node} (${process.env.TEST_DB})`, () => {
	it('runs on the Node version package.json allows', () => {
		expect(Number(process.versions.node.split('.')[0])).toBeGreaterThanOrEqual(20);
		expect(typeof Symbol.asyncDispose).toBe('symbol');
	});

	it('compiles and runs locking selects (select modifiers are sorted with Array#toSorted)', async () => {
		const user = await buildUser(db);
		const row = await db.transaction().execute((trx) =>
			trx.selectFrom('users').select('id').where('id', '=', user.id).forUpdate().skipLocked().executeTakeFirst()
		);
		expect(row).toEqual({ id: user.id });
		const compiled = db.selectFrom('users').select('id').forUpdate().skipLocked().compile();
		expect(compiled.sql).toMatch(/for update skip locked$/);
	});

	it('migrates down and up again (the Migrator walks back with Array#toReversed)', async () => {
		const modules = import.meta.glob<Migration>('/migrations/*.ts', { eager: true });
		const migrations = Object.fromEntries(
			Object.entries(modules).map(([file, migration]) => [file.split('/').pop()!.replace(/\.ts$/, ''), migration])
		);
		const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
		const migrator = new Migrator({
			db,
			provider: { getMigrations: async () => migrations },
			migrationTableSchema: rows[0].schema
		});
		const last = Object.keys(migrations).sort().at(-1)!;
		const down = await migrator.migrateDown();
		expect(down.error).toBeUndefined();
		expect(down.results).toEqual([{ migrationName: last, direction: 'Down', status: 'Success' }]);
		const up = await migrator.migrateToLatest();
		expect(up.error).toBeUndefined();
		expect(up.results).toEqual([{ migrationName: last, direction: 'Up', status: 'Success' }]);
	});
});
