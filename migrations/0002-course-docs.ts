import { sql, type Kysely } from 'kysely';

// The live course documents (Yjs). Writers only ever append update rows, so concurrent writers never
// overwrite each other; compaction later folds the rows into the one state row in a transaction.
// One statement per call: Kysely's PGlite driver sends each query as a single prepared statement.
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('course_doc_updates')
		.addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
		.addColumn('course_id', 'text', (c) => c.notNull().references('courses.id').onDelete('cascade'))
		// A Yjs update (v1 encoding), possibly several edits merged into one batch.
		.addColumn('update', 'bytea', (c) => c.notNull())
		// Who made the edits in this batch; empty for changes the server made itself.
		.addColumn('author_ids', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();
	await db.schema
		.createIndex('course_doc_updates_course_idx')
		.on('course_doc_updates')
		.columns(['course_id', 'id'])
		.execute();

	await db.schema
		.createTable('course_doc_state')
		.addColumn('course_id', 'text', (c) => c.primaryKey().references('courses.id').onDelete('cascade'))
		// The whole document as one Yjs update (v1), covering every update row already deleted.
		.addColumn('state', 'bytea', (c) => c.notNull())
		.addColumn('compacted_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('course_doc_state').execute();
	await db.schema.dropTable('course_doc_updates').execute();
}
