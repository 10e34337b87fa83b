import type { Kysely } from 'kysely';
import type { Database } from '../db/types';
import { findPublishedCourse } from '../public-pages/published';
import { currentProvider, type ExportSource } from './input';

// Reading what a published version's exports are built from. Public: only published versions and
// what was frozen with them are read, never the live document or the course's current badge.

export interface VersionBadgeRef {
	id: string;
	contentType: 'image/png' | 'image/svg+xml';
	sha256: string;
}

export interface PublishedExportSource extends ExportSource {
	/** The uploaded badge frozen with the version; null: the generated one. */
	badge: VersionBadgeRef | null;
	latest: number;
}

/** One published version (the latest without a number), or null when there is none. */
export async function readExportSource(db: Kysely<Database>, slug: string, number?: number): Promise<PublishedExportSource | null> {
	const course = await findPublishedCourse(db, slug);
	if (!course) return null;
	const latest = Number(course.latest);
	const row = await db
		.selectFrom('published_versions as v')
		.leftJoin('published_version_exports as x', 'x.version_id', 'v.id')
		.leftJoin('course_badges as b', 'b.id', 'x.badge_id')
		.select(['v.number', 'v.published_at', 'v.content_hash', 'v.spec', 'x.provider', 'b.id as badge_id', 'b.content_type', 'b.sha256'])
		.where('v.course_id', '=', course.id)
		.where('v.number', '=', number ?? latest)
		.executeTakeFirst();
	if (!row) return null;
	return {
		courseId: course.id,
		slug,
		number: row.number,
		latest,
		publishedAt: row.published_at,
		contentHash: row.content_hash,
		spec: row.spec,
		// Versions written without the frozen row (only test fixtures since migration 0012) use today's profile.
		provider: row.provider ?? (await currentProvider(db, row.spec)),
		badge: row.badge_id && row.content_type && row.sha256 ? { id: row.badge_id, contentType: row.content_type, sha256: row.sha256 } : null
	};
}

export async function badgeBytes(db: Kysely<Database>, badgeId: string): Promise<Uint8Array> {
	const row = await db.selectFrom('course_badges').select('bytes').where('id', '=', badgeId).executeTakeFirstOrThrow();
	return new Uint8Array(row.bytes);
}
