import type { Kysely } from 'kysely';
import type { Database } from '../db/types';
import { courseJsonLd, scriptJson } from './json-ld';
import { presentPublicSpec } from './present';
import { readPublishedVersion } from './published';

/** The public page of one published version (the latest without a number), or null if there is none. */
export async function loadCoursePage(db: Kysely<Database>, slug: string, number: number | undefined, origin: string) {
	const found = await readPublishedVersion(db, slug, number);
	if (!found) return null;
	const { version, latest } = found;
	const base = `${origin}/c/${encodeURIComponent(slug)}`;
	// The latest version's address is the course's; older versions keep their own.
	const url = version.number === latest ? base : `${base}/v/${version.number}`;
	const spec = presentPublicSpec(version.spec);
	return {
		slug,
		spec,
		version: { number: version.number, publishedAt: version.publishedAt, contentHash: version.contentHash, changeNotes: version.changeNotes },
		latest,
		retired: found.retiredAt !== null,
		retiredAt: found.retiredAt,
		url,
		pdfUrl: `${base}/v/${version.number}/pdf`,
		specJsonUrl: `${origin}/api/v1/specs/${encodeURIComponent(slug)}/versions/${version.number}/spec.json`,
		jsonLd: scriptJson(courseJsonLd(version.spec, { url, version: version.number, publishedAt: version.publishedAt }))
	};
}

export type CoursePage = NonNullable<Awaited<ReturnType<typeof loadCoursePage>>>;
