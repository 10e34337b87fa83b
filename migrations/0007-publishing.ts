import { sql, type Kysely } from 'kysely';

// Review and publishing: submissions a coordinator decides on, the course's status timeline,
// published versions (immutable, enforced by a trigger), and in-app notifications.
// One statement per call: Kysely's PGlite driver sends each as one statement.
export async function up(db: Kysely<any>): Promise<void> {
	// The public address of a course, fixed at its first publication; retired courses stay listed as retired.
	await db.schema.alterTable('courses').addColumn('slug', 'text', (c) => c.unique()).execute();
	await db.schema.alterTable('courses').addColumn('retired_at', 'timestamptz').execute();

	// One row per submission for review, with what was submitted, so a reviewer can see what changed since.
	await db.schema
		.createTable('course_reviews')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('course_id', 'text', (c) => c.notNull().references('courses.id').onDelete('cascade'))
		.addColumn('submitted_by', 'text', (c) => c.notNull().references('users.id'))
		.addColumn('submitted_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
		// The document as submitted: one Yjs update, and docToSpec of it.
		.addColumn('state', 'bytea', (c) => c.notNull())
		.addColumn('spec', 'jsonb', (c) => c.notNull())
		.addColumn('decided_by', 'text', (c) => c.references('users.id'))
		.addColumn('decided_at', 'timestamptz')
		.addColumn('decision', 'text', (c) => c.check(sql`decision in ('approved', 'changes_requested', 'withdrawn')`))
		.addColumn('decision_note', 'text', (c) => c.notNull().defaultTo(''))
		.addCheckConstraint('course_reviews_decided_together', sql`(decision is null) = (decided_at is null)`)
		.execute();
	await db.schema.createIndex('course_reviews_course_idx').on('course_reviews').columns(['course_id', 'submitted_at']).execute();
	// At most one open submission per course.
	await sql`create unique index course_reviews_one_open on course_reviews (course_id) where decision is null`.execute(db);

	// Every status change, who made it, when and why: the timeline on the course.
	await db.schema
		.createTable('course_status_events')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('course_id', 'text', (c) => c.notNull().references('courses.id').onDelete('cascade'))
		.addColumn('from_status', 'text')
		.addColumn('to_status', 'text', (c) => c.notNull())
		.addColumn('actor_id', 'text', (c) => c.references('users.id'))
		.addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();
	await db.schema
		.createIndex('course_status_events_course_idx')
		.on('course_status_events')
		.columns(['course_id', 'created_at'])
		.execute();

	// Published versions: v1, v2, … per course. Never changed and never deleted once written.
	await db.schema
		.createTable('published_versions')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('course_id', 'text', (c) => c.notNull().references('courses.id'))
		.addColumn('number', 'integer', (c) => c.notNull().check(sql`number > 0`))
		// The frozen document (one Yjs update), the spec JSON derived from it, and the SHA-256 (hex)
		// of that spec serialised as canonical JSON (src/lib/course-spec/canonical-json.ts).
		.addColumn('state', 'bytea', (c) => c.notNull())
		.addColumn('spec', 'jsonb', (c) => c.notNull())
		.addColumn('content_hash', 'text', (c) => c.notNull().check(sql`content_hash ~ '^[0-9a-f]{64}$'`))
		.addColumn('change_notes', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('review_id', 'text', (c) => c.references('course_reviews.id'))
		.addColumn('approved_by', 'text', (c) => c.notNull().references('users.id'))
		.addColumn('approved_at', 'timestamptz', (c) => c.notNull())
		.addColumn('published_by', 'text', (c) => c.notNull().references('users.id'))
		.addColumn('published_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addUniqueConstraint('published_versions_course_number_key', ['course_id', 'number'])
		.execute();
	await sql`
		create function published_versions_are_immutable() returns trigger language plpgsql as $$
		begin
			raise exception 'published versions cannot be changed or deleted' using errcode = 'P0001';
		end
		$$
	`.execute(db);
	await sql`
		create trigger published_versions_immutable before update or delete on published_versions
		for each row execute function published_versions_are_immutable()
	`.execute(db);
	await sql`
		create trigger published_versions_no_truncate before truncate on published_versions
		for each statement execute function published_versions_are_immutable()
	`.execute(db);

	await db.schema
		.createTable('notifications')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('kind', 'text', (c) => c.notNull())
		.addColumn('course_id', 'text', (c) => c.references('courses.id').onDelete('cascade'))
		.addColumn('actor_id', 'text', (c) => c.references('users.id').onDelete('set null'))
		// What the notification says beyond its kind (e.g. the version number, a note), as JSON.
		.addColumn('data', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('read_at', 'timestamptz')
		.execute();
	await db.schema.createIndex('notifications_user_idx').on('notifications').columns(['user_id', 'created_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('notifications').execute();
	await sql`drop trigger published_versions_no_truncate on published_versions`.execute(db);
	await sql`drop trigger published_versions_immutable on published_versions`.execute(db);
	await db.schema.dropTable('published_versions').execute();
	await sql`drop function published_versions_are_immutable()`.execute(db);
	await db.schema.dropTable('course_status_events').execute();
	await db.schema.dropTable('course_reviews').execute();
	await db.schema.alterTable('courses').dropColumn('retired_at').execute();
	await db.schema.alterTable('courses').dropColumn('slug').execute();
}
