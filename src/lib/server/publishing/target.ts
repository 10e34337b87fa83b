import type { Kysely } from 'kysely';
import type { CourseRow, Database } from '../db/types';
import { nextVersionNumber } from '../review/submissions';
import { slugify } from './slug';
import type { PublishingTarget } from './validate';

/**
 * The version a course's next publication will be, for checking its exports before it exists: its
 * address (kept from v1, or the one its title gives) and number. Only the ids inside the documents
 * depend on these, never whether they validate.
 */
export async function publishingTarget(
	db: Kysely<Database>,
	course: Pick<CourseRow, 'id' | 'slug' | 'title'>,
	origin: string
): Promise<PublishingTarget> {
	return { courseId: course.id, slug: course.slug ?? (slugify(course.title) || 'course'), number: await nextVersionNumber(db, course.id), origin };
}
