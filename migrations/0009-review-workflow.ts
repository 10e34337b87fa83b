import { sql, type Kysely } from 'kysely';

// What the review workflow needs beyond 0007: the change notes a team writes with a submission (kept
// until a coordinator publishes them), the published version a timeline event is about, and a quick
// unread count for the notifications bell. One statement per call (Kysely's PGlite driver).
export async function up(db: Kysely<any>): Promise<void> {
	// Written by the team when it submits a new version after v1; published with that version.
	await db.schema
		.alterTable('course_reviews')
		.addColumn('change_notes', 'text', (c) => c.notNull().defaultTo(''))
		.execute();
	// Set on the event that published a version, so the timeline can name it.
	await db.schema
		.alterTable('course_status_events')
		.addColumn('version_number', 'integer', (c) => c.check(sql`version_number > 0`))
		.execute();
	// The bell asks on every page: how many of my notifications are unread.
	await sql`create index notifications_unread_idx on notifications (user_id) where read_at is null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
	await sql`drop index notifications_unread_idx`.execute(db);
	await db.schema.alterTable('course_status_events').dropColumn('version_number').execute();
	await db.schema.alterTable('course_reviews').dropColumn('change_notes').execute();
}
