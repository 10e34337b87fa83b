import { sql, type Kysely } from 'kysely';
import type { Database, ReviewDecision } from '../db/types';

/** Where a course stands in review, as its team sees it on the course and on the dashboard. */
export interface ReviewSummary {
	/** The latest submission: when, and what became of it (null while it waits). */
	submittedAt: Date | null;
	decision: ReviewDecision | null;
	/** The coordinator's comment on it. */
	decisionNote: string;
	decidedBy: string | null;
	decidedAt: Date | null;
	latestVersion: number | null;
	retired: boolean;
}

const EMPTY: ReviewSummary = {
	submittedAt: null,
	decision: null,
	decisionNote: '',
	decidedBy: null,
	decidedAt: null,
	latestVersion: null,
	retired: false
};

/** Review summaries of several courses at once (the dashboard's list), keyed by course id. */
export async function reviewSummaries(db: Kysely<Database>, courseIds: readonly string[]): Promise<Map<string, ReviewSummary>> {
	const summaries = new Map<string, ReviewSummary>();
	if (courseIds.length === 0) return summaries;
	const rows = await db
		.selectFrom('courses as c')
		.leftJoinLateral(
			(eb) =>
				eb
					.selectFrom('course_reviews as r')
					.leftJoin('users as d', 'd.id', 'r.decided_by')
					.select(['r.submitted_at', 'r.decision', 'r.decision_note', 'r.decided_at', 'd.name as decided_by'])
					.whereRef('r.course_id', '=', 'c.id')
					.orderBy('r.submitted_at', 'desc')
					.limit(1)
					.as('r'),
			(join) => join.onTrue()
		)
		.select([
			'c.id',
			'c.retired_at',
			'r.submitted_at',
			'r.decision',
			'r.decision_note',
			'r.decided_at',
			'r.decided_by',
			sql<number | null>`(select max(number) from published_versions p where p.course_id = c.id)`.as('latest_version')
		])
		.where('c.id', 'in', courseIds)
		.execute();
	for (const row of rows) {
		summaries.set(row.id, {
			submittedAt: row.submitted_at ? new Date(row.submitted_at) : null,
			decision: row.decision ?? null,
			decisionNote: row.decision_note ?? '',
			decidedBy: row.decided_by ?? null,
			decidedAt: row.decided_at ? new Date(row.decided_at) : null,
			latestVersion: row.latest_version === null ? null : Number(row.latest_version),
			retired: row.retired_at !== null
		});
	}
	return summaries;
}

export async function reviewSummary(db: Kysely<Database>, courseId: string): Promise<ReviewSummary> {
	return (await reviewSummaries(db, [courseId])).get(courseId) ?? EMPTY;
}
