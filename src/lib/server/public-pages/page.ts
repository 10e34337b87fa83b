import type { Kysely } from 'kysely';
import type { Database } from '../db/types';
import { publicationFeedback } from '../feedback/items';
import { courseJsonLd, scriptJson } from './json-ld';
import { presentPublicSpec, type PublicEntry, type PublicItem, type PublicSpec } from './present';
import { readPublishedVersion } from './published';

/** The public page of one published version (the latest without a number), or null if there is none. */
export async function loadCoursePage(db: Kysely<Database>, slug: string, number: number | undefined, origin: string) {
	const found = await readPublishedVersion(db, slug, number);
	if (!found) return null;
	const { version, latest } = found;
	const base = `${origin}/c/${encodeURIComponent(slug)}`;
	// The latest version's address is the course's; older versions keep their own.
	const url = version.number === latest ? base : `${base}/v/${version.number}`;
	const spec = withoutRichTextSource(presentPublicSpec(version.spec));
	return {
		slug,
		spec,
		version: { number: version.number, publishedAt: version.publishedAt, contentHash: version.contentHash, changeNotes: version.changeNotes },
		coCreation: version.coCreation,
		pilotFeedback: await publicationFeedback(db, version.id),
		latest,
		retired: found.retiredAt !== null,
		retiredAt: found.retiredAt,
		url,
		pdfUrl: `${base}/v/${version.number}/pdf`,
		specJsonUrl: `${origin}/api/v1/specs/${encodeURIComponent(slug)}/versions/${version.number}/spec.json`,
		jsonLd: scriptJson(courseJsonLd(version.spec, { url, version: version.number, publishedAt: version.publishedAt }))
	};
}

/** The page renders rich text from its sanitised HTML; the source documents would only add weight. */
function withoutRichTextSource(spec: PublicSpec): PublicSpec {
	const strip = (entry: PublicEntry): PublicEntry =>
		entry.shown.kind === 'html' ? { ...entry, shown: { ...entry.shown, doc: { type: 'doc' } } } : entry;
	const items = (list: PublicItem[]) => list.map((item) => ({ ...item, entries: item.entries.map(strip) }));
	return {
		...spec,
		summary: spec.summary && strip(spec.summary),
		facts: spec.facts.map(strip),
		about: spec.about.map(strip),
		outcomes: items(spec.outcomes),
		modules: items(spec.modules),
		assessments: items(spec.assessments),
		assessmentDetails: spec.assessmentDetails.map(strip),
		credential: spec.credential.map(strip)
	};
}

export type CoursePage = NonNullable<Awaited<ReturnType<typeof loadCoursePage>>>;
