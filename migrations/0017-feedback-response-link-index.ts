import type { Kysely } from 'kysely';

// Responses by link, whatever the link's kind. The partial unique index of 0011 covers personal
// links only, so opening or answering a link and counting an anonymous link's responses read every
// response of the instance (a submit took twice as long at 9,000 responses as at 1,000).
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema.createIndex('feedback_responses_link_idx').on('feedback_responses').column('link_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropIndex('feedback_responses_link_idx').execute();
}
