import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/types';
import { can, type Actor } from '../policy';
import { forbidden } from '../errors';

export interface QueueItem {
	courseId: string;
	title: string;
	/** The awarding body the submission names, in its main language. */
	provider: string;
	submittedBy: string | null;
	submittedAt: Date;
	/** Whole days since submission. */
	daysWaiting: number;
	/** A new version of a course that is published already. */
	latestVersion: number | null;
	/** Submitted before, and sent back with a comment. */
	resubmitted: boolean;
}

export interface ReviewQueue {
	/** Submissions nobody has decided on yet, the longest waiting first. */
	waiting: QueueItem[];
	/** Approved and not published yet. */
	approved: QueueItem[];
}

const DAY_MS = 24 * 60 * 60 * 1000;

export function daysSince(date: Date, now = new Date()): number {
	return Math.max(0, Math.floor((now.getTime() - date.getTime()) / DAY_MS));
}

/** What coordinators and admins have to do: the review queue on their dashboard. */
export async function listReviewQueue(db: Kysely<Database>, actor: Actor): Promise<ReviewQueue> {
	if (!can(actor, 'review.queue')) throw forbidden();
	const rows = await db
		.selectFrom('courses as c')
		.innerJoin('course_reviews as r', 'r.course_id', 'c.id')
		.leftJoin('users as s', 's.id', 'r.submitted_by')
		.select((eb) => [
			'c.id',
			'c.title',
			'c.status',
			// Only what the queue shows of the submitted spec: the awarding body in the main language.
			sql<Record<string, string> | null>`r.spec->'awardingBody'->'name'`.as('provider_names'),
			sql<string | null>`r.spec->'languages'->>0`.as('main_language'),
			'r.submitted_at',
			's.name as submitted_by',
			eb
				.selectFrom('published_versions as p')
				.select((p) => p.fn.max('p.number').as('n'))
				.whereRef('p.course_id', '=', 'c.id')
				.as('latest_version'),
			eb
				.exists(
					eb
						.selectFrom('course_reviews as earlier')
						.select('earlier.id')
						.whereRef('earlier.course_id', '=', 'c.id')
						.whereRef('earlier.submitted_at', '<', 'r.submitted_at')
						.where('earlier.decision', '=', 'changes_requested')
				)
				.as('resubmitted')
		])
		.where('c.archived_at', 'is', null)
		.where((eb) =>
			eb.or([
				eb.and([eb('c.status', '=', 'in_review'), eb('r.decision', 'is', null)]),
				eb.and([
					eb('c.status', '=', 'approved'),
					eb('r.decision', '=', 'approved'),
					eb.not(eb.exists(eb.selectFrom('published_versions as pv').select('pv.id').whereRef('pv.review_id', '=', 'r.id')))
				])
			])
		)
		.orderBy('r.submitted_at')
		.execute();
	const now = new Date();
	const items = rows.map((row) => {
		const submittedAt = new Date(row.submitted_at);
		return {
			status: row.status,
			item: {
				courseId: row.id,
				title: row.title,
				provider: row.provider_names?.[row.main_language ?? 'en'] ?? '',
				submittedBy: row.submitted_by,
				submittedAt,
				daysWaiting: daysSince(submittedAt, now),
				latestVersion: row.latest_version === null ? null : Number(row.latest_version),
				resubmitted: Boolean(row.resubmitted)
			}
		};
	});
	return {
		waiting: items.filter((i) => i.status === 'in_review').map((i) => i.item),
		approved: items.filter((i) => i.status === 'approved').map((i) => i.item)
	};
}
