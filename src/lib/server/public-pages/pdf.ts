import type { Kysely } from 'kysely';
import type { Database } from '../db/types';
import { publicationFeedback } from '../feedback/items';
import { renderCoursePdf } from '../pdf/render';
import { presentPublicSpec } from './present';
import { readPublishedVersion } from './published';
import { m } from '$lib/paraglide/messages';
import { editionUrl } from './edition';

/**
 * A published version as a PDF with its file name and an ETag, in one of its languages (`lang`, the
 * primary one when null), or null when there is no such version or no edition in that language.
 */
export async function coursePdf(db: Kysely<Database>, slug: string, number: number, origin: string, lang: string | null = null) {
	const found = await readPublishedVersion(db, slug, number);
	if (!found) return null;
	const { version, latest } = found;
	const languages = version.spec.languages;
	const primary = languages[0] ?? 'en';
	const edition = lang === null ? primary : languages.find((l) => l === lang);
	if (!edition) return null;
	const base = `${origin}/c/${encodeURIComponent(slug)}`;
	const spec = presentPublicSpec(version.spec, edition);
	const pageUrl = version.number === latest ? base : `${base}/v/${version.number}`;
	const retired = found.retiredAt !== null;
	const bytes = renderCoursePdf({
		spec,
		provider: spec.provider,
		version: version.number,
		latest,
		publishedAt: version.publishedAt,
		contentHash: version.contentHash,
		retired,
		url: languages.length > 1 ? editionUrl(pageUrl, edition) : pageUrl,
		latestUrl: languages.length > 1 ? editionUrl(base, edition) : base,
		pilotFeedback: await publicationFeedback(db, version.id),
		coCreated: version.coCreation ? coCreatedLine(version.coCreation.students, version.coCreation.companyPartners) : ''
	});
	const safeSlug = slug.replace(/[^a-z0-9-]+/gi, '-').slice(0, 80) || 'course';
	const suffix = edition === primary ? '' : `.${edition.replace(/[^a-z0-9-]+/gi, '')}`;
	return {
		bytes,
		lang: edition,
		filename: `${safeSlug}-v${version.number}${suffix}.pdf`,
		// What the PDF shows besides the spec: its language, whether it is the latest, whether the course
		// is retired, and whether the owner shows who co-created it.
		etag: `"${version.contentHash}.${version.number}.${latest}${retired ? '.r' : ''}${version.coCreation ? '.c' : ''}${suffix}"`
	};
}

/** "Co-created with …" in English, like the rest of the PDF until its labels are translated. */
function coCreatedLine(students: number, companyPartners: number): string {
	const locale = 'en';
	return m.common_co_created(
		{ students: m.common_co_created_students({ count: students }, { locale }), partners: m.common_co_created_partners({ count: companyPartners }, { locale }) },
		{ locale }
	);
}
