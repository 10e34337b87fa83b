import { sql, type Kysely } from 'kysely';

// Requests to join a course from people who found its link but are not in its team. A request is
// stored only for a course that exists; attempts are counted per person for every request, whether
// or not the course exists, so that the rate limit itself says nothing about which courses exist.
// One statement per call: Kysely's PGlite driver sends each query as a single prepared statement.
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('course_access_requests')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('course_id', 'text', (c) => c.notNull().references('courses.id').onDelete('cascade'))
		.addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('message', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('status', 'text', (c) =>
			c.notNull().defaultTo('pending').check(sql`status in ('pending', 'approved', 'declined')`)
		)
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('decided_by', 'text', (c) => c.references('users.id').onDelete('set null'))
		.addColumn('decided_at', 'timestamptz')
		.execute();
	// One open request per person and course; answered ones stay as a record.
	await db.schema
		.createIndex('course_access_requests_pending_key')
		.on('course_access_requests')
		.columns(['course_id', 'user_id'])
		.unique()
		.where(sql.ref('status'), '=', 'pending')
		.execute();
	await db.schema
		.createIndex('course_access_requests_course_idx')
		.on('course_access_requests')
		.columns(['course_id', 'status'])
		.execute();

	await db.schema
		.createTable('access_request_attempts')
		.addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('attempted_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();
	await db.schema
		.createIndex('access_request_attempts_user_idx')
		.on('access_request_attempts')
		.columns(['user_id', 'attempted_at'])
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('access_request_attempts').execute();
	await db.schema.dropTable('course_access_requests').execute();
}
