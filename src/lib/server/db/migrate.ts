import { Migrator, type Migration, type MigrationProvider } from 'kysely/migration';
import { sql, type Kysely } from 'kysely';

// Bundled through Vite so that dev, Vitest and the production build all run the same list.
const modules = import.meta.glob<Migration>('/migrations/*.ts', { eager: true });

const provider: MigrationProvider = {
	async getMigrations() {
		const migrations: Record<string, Migration> = {};
		for (const [file, migration] of Object.entries(modules)) {
			const name = file.split('/').pop()!.replace(/\.ts$/, '');
			migrations[name] = migration;
		}
		return migrations;
	}
};

/** Brings the schema up to date; throws (with the failing migration's name) if any step fails. */
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
	// Without a schema, Kysely takes a kysely_migration table in *any* schema of the database as its own
	// (and then fails to find it on the search_path): name the current schema explicitly.
	const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
	// Unordered: work written in parallel lands with numbers below ones a database may have run already
	// (a development database that ran 0019 must still take 0014). A fresh database runs them in order.
	const migrator = new Migrator({ db, provider, migrationTableSchema: rows[0].schema, allowUnorderedMigrations: true });
	const { error, results } = await migrator.migrateToLatest();
	const failed = results?.find((r) => r.status === 'Error');
	if (error) {
		const reason = error instanceof Error ? error.message : String(error);
		throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${reason}`, { cause: error });
	}
	return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
