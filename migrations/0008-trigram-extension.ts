import { sql, type Kysely } from 'kysely';

// Trigram similarity, for the catalogue's fallback when stemming misses an inflected Finnish word and
// for finding published courses with similar names. In public, so every schema (and test schema) shares
// one copy and dropping a schema never takes it along.
export async function up(db: Kysely<any>): Promise<void> {
	await sql`create extension if not exists pg_trgm with schema public`.execute(db);
}

export async function down(): Promise<void> {
	// Left installed: other schemas of the same database may use it.
}
