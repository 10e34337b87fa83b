import type { Kysely } from 'kysely';
import type { Database } from '../db/types';
import { publicationFeedback } from '../feedback/items';
import { courseJsonLd, scriptJson } from './json-ld';
import { presentPublicSpec, type PublicEntry, type PublicItem, type PublicSpec } from './present';
import { readPublishedVersion } from './published';
import { chooseEdition, editionUrl } from './edition';
import { ownLanguageName } from '$lib/course-spec/language-names';

/** What the reader's request says about the language they want: `?lang=` and Accept-Language. */
export interface EditionRequest {
	lang: string | null;
	acceptLanguage: string | null;
}

/**
 * The public page of one published version (the latest without a number), or null if there is none,
 * in the edition the request asks for (see chooseEdition).
 */
export async function loadCoursePage(
	db: Kysely<Database>,
	slug: string,
	number: number | undefined,
	origin: string,
	request: EditionRequest = { lang: null, acceptLanguage: null }
) {
	const found = await readPublishedVersion(db, slug, number);
	if (!found) return null;
	const { version, latest } = found;
	const base = `${origin}/c/${encodeURIComponent(slug)}`;
	// The latest version's address is the course's; older versions keep their own.
	const url = version.number === latest ? base : `${base}/v/${version.number}`;
	const languages = version.spec.languages;
	const choice = chooseEdition(languages, request.lang, request.acceptLanguage);
	const multilingual = languages.length > 1;
	const spec = withoutRichTextSource(presentPublicSpec(version.spec, choice.lang));
	const canonical = (lang: string) => (multilingual && lang !== languages[0] ? editionUrl(url, lang) : url);
	return {
		slug,
		spec,
		edition: {
			...choice,
			// Search engines get the primary edition at the course's own address (they send no
			// Accept-Language) and every other edition at its ?lang= address; the switcher links name
			// the primary edition explicitly too, so that a reader's browser language does not override it.
			canonicalUrl: canonical(choice.lang),
			alternates: multilingual ? languages.map((lang) => ({ lang, url: canonical(lang) })) : [],
			editions: multilingual
				? languages.map((lang) => ({ lang, name: ownLanguageName(lang), url: editionUrl(url, lang), current: lang === choice.lang }))
				: [],
			/** Whether the answer depends on Accept-Language (the plain address of a multilingual course). */
			negotiated: multilingual && choice.by !== 'address'
		},
		version: { number: version.number, publishedAt: version.publishedAt, contentHash: version.contentHash, changeNotes: version.changeNotes },
		coCreation: version.coCreation,
		pilotFeedback: await publicationFeedback(db, version.id),
		latest,
		retired: found.retiredAt !== null,
		retiredAt: found.retiredAt,
		url,
		pdfUrl: choice.lang === languages[0] || !multilingual ? `${base}/v/${version.number}/pdf` : editionUrl(`${base}/v/${version.number}/pdf`, choice.lang),
		specJsonUrl: `${origin}/api/v1/specs/${encodeURIComponent(slug)}/versions/${version.number}/spec.json`,
		jsonLd: scriptJson(
			courseJsonLd(version.spec, { url: canonical(choice.lang), version: version.number, publishedAt: version.publishedAt, lang: choice.lang })
		)
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
