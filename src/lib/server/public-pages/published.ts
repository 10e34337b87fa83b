import type { Kysely } from 'kysely';
import type { CourseSpec } from '$lib/course-spec/types';
import type { Database } from '../db/types';
import { publicCoCreation, type CoCreationCount } from '../contributions/co-creation';

// Reading published courses for everyone (no sign-in): pages, PDFs, the API and the sitemap all come
// through here. Only published_versions is read for content, never the live document or
// courses.title, so drafts and unpublished edits cannot leak; a course without a published version
// does not exist here.

export interface PublishedVersion {
	/** The row's id: what the version's pilot feedback note is read by, never shown. */
	id: string;
	number: number;
	publishedAt: Date;
	contentHash: string;
	changeNotes: string;
	spec: CourseSpec;
	/** "Co-created with…", when the owner shows it: the figure counted at this version's publication. */
	coCreation: CoCreationCount | null;
}

export interface PublishedCourseVersion {
	slug: string;
	retiredAt: Date | null;
	/** The number of the latest published version. */
	latest: number;
	version: PublishedVersion;
}

export interface VersionSummary {
	id: string;
	number: number;
	publishedAt: Date;
	changeNotes: string;
	contentHash: string;
}

const MAX_SLUG_LENGTH = 200;

/** A course with a published version at this address: its id, retirement and latest version number. */
export async function findPublishedCourse(db: Kysely<Database>, slug: string) {
	if (slug.length === 0 || slug.length > MAX_SLUG_LENGTH) return undefined;
	return db
		.selectFrom('courses as c')
		.innerJoin('published_versions as v', 'v.course_id', 'c.id')
		.select(['c.id', 'c.slug', 'c.retired_at', 'c.show_co_creation', (eb) => eb.fn.max('v.number').as('latest')])
		.where('c.slug', '=', slug)
		.groupBy(['c.id', 'c.slug', 'c.retired_at', 'c.show_co_creation'])
		.executeTakeFirst();
}

/** One published version of a course (the latest without a number), or null when there is none. */
export async function readPublishedVersion(
	db: Kysely<Database>,
	slug: string,
	number?: number
): Promise<PublishedCourseVersion | null> {
	const course = await findPublishedCourse(db, slug);
	if (!course) return null;
	const latest = Number(course.latest);
	const row = await db
		.selectFrom('published_versions')
		.select(['id', 'number', 'published_at', 'content_hash', 'change_notes', 'spec', 'co_created_students', 'co_created_partners'])
		.where('course_id', '=', course.id)
		.where('number', '=', number ?? latest)
		.executeTakeFirst();
	if (!row) return null;
	return {
		slug,
		retiredAt: course.retired_at,
		latest,
		version: {
			id: row.id,
			number: row.number,
			publishedAt: row.published_at,
			contentHash: row.content_hash,
			changeNotes: row.change_notes,
			spec: row.spec,
			coCreation: publicCoCreation(course.show_co_creation, row.co_created_students, row.co_created_partners)
		}
	};
}

/** Every published version of a course, newest first, with the latest one in full. */
export async function listPublishedVersions(
	db: Kysely<Database>,
	slug: string
): Promise<{ slug: string; retiredAt: Date | null; latest: PublishedVersion; versions: VersionSummary[] } | null> {
	const course = await findPublishedCourse(db, slug);
	if (!course) return null;
	const rows = await db
		.selectFrom('published_versions')
		.select(['id', 'number', 'published_at', 'change_notes', 'content_hash', 'spec', 'co_created_students', 'co_created_partners'])
		.where('course_id', '=', course.id)
		.orderBy('number', 'desc')
		.execute();
	const [latest] = rows;
	return {
		slug,
		retiredAt: course.retired_at,
		latest: {
			id: latest.id,
			number: latest.number,
			publishedAt: latest.published_at,
			contentHash: latest.content_hash,
			changeNotes: latest.change_notes,
			spec: latest.spec,
			coCreation: publicCoCreation(course.show_co_creation, latest.co_created_students, latest.co_created_partners)
		},
		versions: rows.map((r) => ({
			id: r.id,
			number: r.number,
			publishedAt: r.published_at,
			changeNotes: r.change_notes,
			contentHash: r.content_hash
		}))
	};
}

/** Every published course's address and when its latest version was published (the sitemap). */
export async function listPublishedCourses(db: Kysely<Database>): Promise<{ slug: string; lastPublishedAt: Date }[]> {
	const rows = await db
		.selectFrom('courses as c')
		.innerJoin('published_versions as v', 'v.course_id', 'c.id')
		.select(['c.slug', (eb) => eb.fn.max('v.published_at').as('last')])
		.where('c.slug', 'is not', null)
		.groupBy('c.slug')
		.orderBy('c.slug')
		.execute();
	return rows.map((r) => ({ slug: r.slug!, lastPublishedAt: new Date(r.last as Date | string) }));
}
