import type { Kysely } from 'kysely';
import type { Database } from '../db/types';
import type { CourseAccess } from '../courses/access';
import type { TransitionContext } from '../policy';

/** A loaded course as the transition table sees it (for pages: which steps to offer). */
export async function transitionContext(db: Kysely<Database>, access: CourseAccess): Promise<TransitionContext> {
	const published = await db
		.selectFrom('published_versions')
		.select('id')
		.where('course_id', '=', access.course.id)
		.limit(1)
		.executeTakeFirst();
	return { ...access.context, published: published !== undefined, retired: access.course.retired_at !== null };
}
