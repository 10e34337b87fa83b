import { sql, type Kysely } from 'kysely';

// Pilot feedback rounds: a round freezes a saved version of the spec, asks questions about it through
// anonymous and personal links, keeps the responses, and turns answers into feedback items the team
// triages and links to the version that addressed them.
// One statement per call: Kysely's PGlite driver sends each as one statement.
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('feedback_rounds')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('course_id', 'text', (c) => c.notNull().references('courses.id').onDelete('cascade'))
		// The saved version the round was made from. Its spec is copied below, because automatic
		// snapshots are thinned as they age and participants must keep seeing what they were asked about.
		.addColumn('version_number', 'integer', (c) => c.notNull())
		.addColumn('version_title', 'text', (c) => c.notNull())
		.addColumn('spec', 'jsonb', (c) => c.notNull())
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('intro', 'text', (c) => c.notNull().defaultTo(''))
		// Who the round asks: any of student, company_partner, other. With more than one, each
		// participant says which they are, so results can be split by perspective.
		.addColumn('audience', sql`text[]`, (c) =>
			c.notNull().check(sql`cardinality(audience) > 0 and audience <@ array['student', 'company_partner', 'other']::text[]`)
		)
		.addColumn('language', 'text', (c) => c.notNull())
		.addColumn('anonymous', 'boolean', (c) => c.notNull())
		// The IANA time zone the team gave the opening and closing times in; pages show times in it.
		.addColumn('time_zone', 'text', (c) => c.notNull())
		.addColumn('opens_at', 'timestamptz', (c) => c.notNull())
		.addColumn('closes_at', 'timestamptz', (c) => c.notNull())
		.addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addCheckConstraint('feedback_rounds_closes_after_opening', sql`closes_at > opens_at`)
		.execute();
	await db.schema.createIndex('feedback_rounds_course_idx').on('feedback_rounds').columns(['course_id', 'created_at']).execute();

	// Questions of a round. Ids are stable across rounds (e.g. outcome.<outcome id>.relevance), so that
	// answers to the same question can be compared from one round to the next.
	await db.schema
		.createTable('feedback_questions')
		.addColumn('round_id', 'text', (c) => c.notNull().references('feedback_rounds.id').onDelete('cascade'))
		.addColumn('id', 'text', (c) => c.notNull())
		.addColumn('position', 'integer', (c) => c.notNull())
		.addColumn('kind', 'text', (c) =>
			c.notNull().check(sql`kind in ('rating', 'recommend', 'hours', 'single', 'multiple', 'short_text', 'long_text')`)
		)
		.addColumn('role', 'text', (c) => c.notNull())
		.addColumn('subject_kind', 'text', (c) => c.notNull().check(sql`subject_kind in ('outcome', 'module', 'overall')`))
		.addColumn('subject_id', 'text')
		.addColumn('prompt', 'text', (c) => c.notNull())
		.addColumn('help', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('options', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
		.addColumn('required', 'boolean', (c) => c.notNull().defaultTo(false))
		.addPrimaryKeyConstraint('feedback_questions_pkey', ['round_id', 'id'])
		.addCheckConstraint('feedback_questions_subject', sql`(subject_kind = 'overall') = (subject_id is null)`)
		.execute();

	// The ways into a round: anonymous links (optionally capped) and one personal link per address.
	await db.schema
		.createTable('feedback_links')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('round_id', 'text', (c) => c.notNull().references('feedback_rounds.id').onDelete('cascade'))
		.addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('anonymous', 'personal')`))
		.addColumn('email', 'text')
		.addColumn('response_cap', 'integer', (c) => c.check(sql`response_cap > 0`))
		// Submissions turned away (too many from one address or on one link, or the cap reached).
		.addColumn('refused_count', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('emailed_at', 'timestamptz')
		.addColumn('reminded_at', 'timestamptz')
		.addColumn('reminder_count', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('revoked_at', 'timestamptz')
		.addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addCheckConstraint('feedback_links_personal_email', sql`(kind = 'personal') = (email is not null)`)
		.addCheckConstraint('feedback_links_cap_anonymous', sql`kind = 'anonymous' or response_cap is null`)
		.addUniqueConstraint('feedback_links_round_email_key', ['round_id', 'email'])
		.execute();

	// SHA-256 of each link's tokens. A personal link can have several: a reminder carries a fresh one
	// (the token itself is never kept, so it cannot be sent again), and the first one keeps working.
	await db.schema
		.createTable('feedback_link_tokens')
		.addColumn('token_hash', 'text', (c) => c.primaryKey())
		.addColumn('link_id', 'text', (c) => c.notNull().references('feedback_links.id').onDelete('cascade'))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();
	await db.schema.createIndex('feedback_link_tokens_link_idx').on('feedback_link_tokens').column('link_id').execute();

	await db.schema
		.createTable('feedback_responses')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('round_id', 'text', (c) => c.notNull().references('feedback_rounds.id').onDelete('cascade'))
		.addColumn('link_id', 'text', (c) => c.notNull().references('feedback_links.id').onDelete('cascade'))
		.addColumn('personal', 'boolean', (c) => c.notNull())
		.addColumn('perspective', 'text', (c) => c.notNull().check(sql`perspective in ('student', 'company_partner', 'other')`))
		// Named rounds only; anonymous rounds never store who answered.
		.addColumn('respondent_name', 'text')
		// { question id: answer }, validated against the round's questions.
		.addColumn('answers', 'jsonb', (c) => c.notNull())
		.addColumn('submitted_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();
	await db.schema.createIndex('feedback_responses_round_idx').on('feedback_responses').columns(['round_id', 'submitted_at']).execute();
	// A personal link gives one response, which its holder reopens and changes.
	await sql`create unique index feedback_responses_one_per_personal_link on feedback_responses (link_id) where personal`.execute(db);

	// Answers worth a decision (text, low ratings) as the team triages them.
	await db.schema
		.createTable('feedback_items')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('round_id', 'text', (c) => c.notNull().references('feedback_rounds.id').onDelete('cascade'))
		.addColumn('response_id', 'text', (c) => c.notNull().references('feedback_responses.id').onDelete('cascade'))
		.addColumn('question_id', 'text', (c) => c.notNull())
		.addColumn('subject_kind', 'text', (c) => c.notNull())
		.addColumn('subject_id', 'text')
		// The answer as given (text, or e.g. "2 of 5" for a rating).
		.addColumn('excerpt', 'text', (c) => c.notNull())
		.addColumn('status', 'text', (c) => c.notNull().defaultTo('open').check(sql`status in ('open', 'accepted', 'declined', 'done')`))
		// What the team did or why not; with `said`, what a published version shows ("you said, we changed").
		.addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('said', 'text')
		// The saved version of the course with the change, and the published version that carries it.
		.addColumn('version_number', 'integer')
		.addColumn('published_version_id', 'text', (c) => c.references('published_versions.id'))
		// The participant changed this answer after the team had decided on it.
		.addColumn('answer_changed_at', 'timestamptz')
		.addColumn('updated_by', 'text', (c) => c.references('users.id').onDelete('set null'))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addUniqueConstraint('feedback_items_response_question_key', ['response_id', 'question_id'])
		.execute();
	await db.schema.createIndex('feedback_items_round_idx').on('feedback_items').columns(['round_id', 'status']).execute();
	await db.schema.createIndex('feedback_items_published_idx').on('feedback_items').column('published_version_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('feedback_items').execute();
	await db.schema.dropTable('feedback_responses').execute();
	await db.schema.dropTable('feedback_link_tokens').execute();
	await db.schema.dropTable('feedback_links').execute();
	await db.schema.dropTable('feedback_questions').execute();
	await db.schema.dropTable('feedback_rounds').execute();
}
