import { sql, type Kysely } from 'kysely';

// Comments, suggestions and who contributed what. Threads live here, not in the Yjs document, so
// commenters never need write access to the spec and every rule (who may resolve, accept, mention)
// is checked on the server. One statement per call: Kysely's PGlite driver sends each as one statement.
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('comment_threads')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('course_id', 'text', (c) => c.notNull().references('courses.id').onDelete('cascade'))
		// What the thread is about: a whole field, a list item (by its stable id), or a range of text
		// in one language of a text field (Yjs relative positions, base64, plus the text quoted).
		.addColumn('anchor_kind', 'text', (c) => c.notNull().check(sql`anchor_kind in ('field', 'item', 'range')`))
		.addColumn('field_key', 'text', (c) => c.notNull())
		.addColumn('item_id', 'text')
		.addColumn('lang', 'text')
		.addColumn('range_start', 'text')
		.addColumn('range_end', 'text')
		.addColumn('quote', 'text', (c) => c.notNull().defaultTo(''))
		// A suggestion is a thread whose first comment proposes a change (jsonb: see comments/suggestions.ts).
		.addColumn('suggestion', 'jsonb')
		.addColumn('suggestion_state', 'text', (c) => c.check(sql`suggestion_state in ('open', 'accepted', 'rejected')`))
		.addColumn('decided_by', 'text', (c) => c.references('users.id').onDelete('set null'))
		.addColumn('decided_at', 'timestamptz')
		// Review comments: the coordinator's request for changes they belong to.
		.addColumn('review_id', 'text', (c) => c.references('course_reviews.id').onDelete('set null'))
		.addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('resolved_by', 'text', (c) => c.references('users.id').onDelete('set null'))
		.addColumn('resolved_at', 'timestamptz')
		.addCheckConstraint(
			'comment_threads_anchor',
			sql`(anchor_kind = 'field' and item_id is null) or (anchor_kind = 'item' and item_id is not null) or (anchor_kind = 'range' and range_start is not null and range_end is not null and lang is not null)`
		)
		.addCheckConstraint('comment_threads_suggestion', sql`(suggestion is null) = (suggestion_state is null)`)
		.execute();
	await db.schema.createIndex('comment_threads_course_idx').on('comment_threads').columns(['course_id', 'created_at']).execute();

	await db.schema
		.createTable('comments')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('thread_id', 'text', (c) => c.notNull().references('comment_threads.id').onDelete('cascade'))
		.addColumn('author_id', 'text', (c) => c.references('users.id').onDelete('set null'))
		.addColumn('body', 'text', (c) => c.notNull())
		// User ids of the team members the body mentions (checked to be members when written).
		.addColumn('mentions', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('edited_at', 'timestamptz')
		// A deleted comment keeps its place in the thread ("deleted") but not its text.
		.addColumn('deleted_at', 'timestamptz')
		.execute();
	await db.schema.createIndex('comments_thread_idx').on('comments').columns(['thread_id', 'created_at']).execute();

	// Attribution: how many stored batches of edits each person made to each field. Written when a
	// batch of updates is stored, so it outlives compaction, which folds the update rows (and their
	// author lists) into one state. item_id is '' for fields that are not in a list item.
	await db.schema
		.createTable('course_field_edits')
		.addColumn('course_id', 'text', (c) => c.notNull().references('courses.id').onDelete('cascade'))
		.addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('field_key', 'text', (c) => c.notNull())
		.addColumn('item_id', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('edits', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('last_edited_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addPrimaryKeyConstraint('course_field_edits_pkey', ['course_id', 'user_id', 'field_key', 'item_id'])
		.execute();

	// Email batching for comment notifications: at most one email per person per 10 minutes.
	await db.schema
		.alterTable('notifications')
		.addColumn('emailed_at', 'timestamptz')
		.execute();
	await db.schema
		.createTable('notification_email_batches')
		.addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
		.addColumn('last_sent_at', 'timestamptz', (c) => c.notNull())
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('notification_email_batches').execute();
	await db.schema.alterTable('notifications').dropColumn('emailed_at').execute();
	await db.schema.dropTable('course_field_edits').execute();
	await db.schema.dropTable('comments').execute();
	await db.schema.dropTable('comment_threads').execute();
}
