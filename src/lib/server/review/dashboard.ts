import type { Kysely } from 'kysely';
import type { Database } from '../db/types';
import { can, type Actor } from '../policy';
import { listMyCourses, type CourseSummary } from '../courses';
import { listReviewQueue, type ReviewQueue } from './queue';
import { reviewSummaries, type ReviewSummary } from './summary';

export interface Dashboard {
	courses: (CourseSummary & { review: ReviewSummary | null })[];
	/** Coordinators and admins only. */
	queue: ReviewQueue | null;
}

/** The courses page: the person's courses with where each stands in review, and the review queue for coordinators. */
export async function loadDashboard(db: Kysely<Database>, actor: Actor, options: { archived: boolean }): Promise<Dashboard> {
	const courses = await listMyCourses(db, actor.id, options);
	const [summaries, queue] = await Promise.all([
		reviewSummaries(
			db,
			courses.map((c) => c.id)
		),
		can(actor, 'review.queue') && !options.archived ? listReviewQueue(db, actor) : null
	]);
	return { courses: courses.map((course) => ({ ...course, review: summaries.get(course.id) ?? null })), queue };
}
