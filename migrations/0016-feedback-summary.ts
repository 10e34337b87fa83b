import type { Kysely } from 'kysely';

// "Updated after pilot feedback": the team's short summary of what pilot participants said and what
// was changed for it (counts and themes, in the team's words), written with a submission and published
// with the version, like the change notes. Adding a column with a default rewrites no row, so the
// immutability trigger of published_versions is not involved. One statement per call (PGlite).
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('course_reviews').addColumn('feedback_summary', 'text', (c) => c.notNull().defaultTo('')).execute();
	await db.schema.alterTable('published_versions').addColumn('feedback_summary', 'text', (c) => c.notNull().defaultTo('')).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('published_versions').dropColumn('feedback_summary').execute();
	await db.schema.alterTable('course_reviews').dropColumn('feedback_summary').execute();
}
