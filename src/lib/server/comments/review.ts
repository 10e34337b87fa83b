import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/types';

// Review comments: threads a coordinator anchored to fields while the course was in review. The
// team resolves them before submitting again, and the coordinator sees how many were resolved.

export async function reviewCommentCounts(db: Kysely<Database>, courseId: string): Promise<{ open: number; resolved: number }> {
	const row = await db
		.selectFrom('comment_threads')
		.select([
			sql<number>`count(*) filter (where resolved_at is null)::int`.as('open'),
			sql<number>`count(*) filter (where resolved_at is not null)::int`.as('resolved')
		])
		.where('course_id', '=', courseId)
		.where('review_id', 'is not', null)
		.executeTakeFirstOrThrow();
	return { open: Number(row.open), resolved: Number(row.resolved) };
}

/** How many review comments are still open: submitting again waits until there are none. */
export async function openReviewComments(db: Kysely<Database> | Transaction<Database>, courseId: string): Promise<number> {
	const row = await db
		.selectFrom('comment_threads')
		.select(sql<number>`count(*)::int`.as('count'))
		.where('course_id', '=', courseId)
		.where('review_id', 'is not', null)
		.where('resolved_at', 'is', null)
		.executeTakeFirstOrThrow();
	return Number(row.count);
}
