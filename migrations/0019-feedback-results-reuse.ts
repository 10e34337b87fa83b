import { sql, type Kysely } from 'kysely';

// Responses by link, whatever the link's kind. The partial unique index of 0011 covers personal
// links only, so opening or answering a link and counting an anonymous link's responses read every
// response of the instance (a submit took twice as long at 9,000 responses as at 1,000).
// And a counter per round of stored or changed responses, raised under the round's lock in the same
// transaction, so that results computed earlier can be reused until it moves.
// One statement per call: Kysely's PGlite driver sends each as one statement.
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema.createIndex('feedback_responses_link_idx').on('feedback_responses').column('link_id').execute();
	await db.schema
		.alterTable('feedback_rounds')
		.addColumn('responses_generation', 'integer', (c) => c.notNull().defaultTo(sql`0`))
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('feedback_rounds').dropColumn('responses_generation').execute();
	await db.schema.dropIndex('feedback_responses_link_idx').execute();
}
