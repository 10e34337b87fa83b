import { sql, type Kysely } from 'kysely';

// Named versions of a course document, saved by the team. Append-only: restoring a version writes a
// new change on top of the live document and never touches these rows or the update log.
// One statement per call: Kysely's PGlite driver sends each query as a single prepared statement.
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('course_versions')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('course_id', 'text', (c) => c.notNull().references('courses.id').onDelete('cascade'))
		// 1, 2, 3… per course, handed out under a lock on the course row.
		.addColumn('number', 'integer', (c) => c.notNull().check(sql`number > 0`))
		.addColumn('name', 'text', (c) => c.notNull())
		// The whole document at that moment as one Yjs update (v1).
		.addColumn('state', 'bytea', (c) => c.notNull())
		// docToSpec of that state, so versions can be read and compared without Yjs.
		.addColumn('spec', 'jsonb', (c) => c.notNull())
		.addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addUniqueConstraint('course_versions_course_number_key', ['course_id', 'number'])
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('course_versions').execute();
}
