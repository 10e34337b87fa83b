import type { Kysely } from 'kysely';
import type { Database } from '../db/types';

// Reading submissions (course_reviews rows). The document bytes stay in the database unless asked for.

const COLUMNS = [
	'id',
	'course_id',
	'submitted_by',
	'submitted_at',
	'note',
	'change_notes',
	'feedback_summary',
	'spec',
	'decided_by',
	'decided_at',
	'decision',
	'decision_note'
] as const;

/** The course's most recent submission, whatever became of it. */
export function latestSubmission(db: Kysely<Database>, courseId: string) {
	return db
		.selectFrom('course_reviews')
		.select(COLUMNS)
		.where('course_id', '=', courseId)
		.orderBy('submitted_at', 'desc')
		.orderBy('id')
		.limit(1)
		.executeTakeFirst();
}

export type SubmissionRow = NonNullable<Awaited<ReturnType<typeof latestSubmission>>>;

/**
 * The last submission before `submission` that a reviewer asked changes on: what they saw last time,
 * to show what the team changed since. Withdrawn ones were never decided, so they do not count.
 */
export function previousSubmission(db: Kysely<Database>, submission: Pick<SubmissionRow, 'course_id' | 'submitted_at'>) {
	return db
		.selectFrom('course_reviews')
		.select(COLUMNS)
		.where('course_id', '=', submission.course_id)
		.where('submitted_at', '<', submission.submitted_at)
		.where('decision', '=', 'changes_requested')
		.orderBy('submitted_at', 'desc')
		.limit(1)
		.executeTakeFirst();
}

/** The number the next published version of the course will get. */
export async function nextVersionNumber(db: Kysely<Database>, courseId: string): Promise<number> {
	const row = await db
		.selectFrom('published_versions')
		.select((eb) => eb.fn.max('number').as('latest'))
		.where('course_id', '=', courseId)
		.executeTakeFirst();
	return Number(row?.latest ?? 0) + 1;
}
