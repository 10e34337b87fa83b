import { sql, type Kysely } from 'kysely';

// Login and signup attempt counters, kept in the database so that a restart does not reset them and
// every app process sees the same counts. Keys name a kind and a hash of the account and/or client
// address, never the email or address itself. Rows past expires_at mean nothing and are pruned.
// One statement per call: Kysely's PGlite driver sends each query as a single prepared statement.
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('auth_throttle')
		.addColumn('key', 'text', (c) => c.primaryKey())
		.addColumn('count', 'integer', (c) => c.notNull().check(sql`count > 0`))
		.addColumn('expires_at', 'timestamptz', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('auth_throttle_expires_at_idx').on('auth_throttle').column('expires_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('auth_throttle').execute();
}
