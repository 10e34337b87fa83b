import type { LangCode } from '$lib/course-spec/types';

// Which edition (language) of a published course a reader gets. An edition has its own address,
// `?lang=<code>`, the form the exports already use for their language editions; the course's plain
// address negotiates: the reader's Accept-Language when the course has one of those languages,
// else the primary language. Content language only: the interface language is decided elsewhere.

export interface EditionChoice {
	lang: LangCode;
	/** How it was chosen: asked for in the address, negotiated from Accept-Language, or the primary language. */
	by: 'address' | 'accept-language' | 'primary';
	/** A `?lang=` the course has no edition in (shown to the reader), else null. */
	missing: string | null;
}

const base = (tag: string) => tag.split('-')[0];

/** The course language a tag asks for: the same tag, else one with the same base language ("sv-FI" → "sv"). */
function match(languages: readonly LangCode[], tag: string): LangCode | undefined {
	const wanted = tag.toLowerCase();
	return (
		languages.find((l) => l.toLowerCase() === wanted) ??
		languages.find((l) => base(l.toLowerCase()) === base(wanted))
	);
}

/** The language ranges of an Accept-Language header, most wanted first (q=0 means "not this"). */
export function acceptedLanguages(header: string | null): string[] {
	if (!header) return [];
	return header
		.split(',')
		.slice(0, 30)
		.map((part, index) => {
			const [range, ...params] = part.trim().split(';');
			const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
			const quality = q ? Number(q.slice(2)) : 1;
			return { range: range.trim(), quality: Number.isFinite(quality) ? quality : 0, index };
		})
		.filter((r) => r.range !== '' && r.quality > 0 && /^(\*|[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*)$/.test(r.range))
		.sort((a, b) => b.quality - a.quality || a.index - b.index)
		.map((r) => r.range);
}

/** Chooses the edition for one request. `languages` are the course's, primary first. */
export function chooseEdition(languages: readonly LangCode[], requested: string | null, acceptLanguage: string | null): EditionChoice {
	const primary = languages[0] ?? 'en';
	const asked = requested?.trim() || null;
	if (asked) {
		const found = match(languages, asked);
		// An edition's address names it exactly; "?lang=sv-FI" still finds the Swedish edition.
		if (found) return { lang: found, by: 'address', missing: null };
	}
	const missing = asked ? asked.slice(0, 20) : null;
	for (const range of acceptedLanguages(acceptLanguage)) {
		if (range === '*') break;
		const found = match(languages, range);
		if (found) return { lang: found, by: 'accept-language', missing };
	}
	return { lang: primary, by: 'primary', missing };
}

/**
 * The address of one edition: the course's (or version's) address with `?lang=`. The primary edition
 * has one too, since the plain address negotiates and would give a Swedish browser Swedish.
 */
export const editionUrl = (url: string, lang: LangCode): string => `${url}?lang=${encodeURIComponent(lang)}`;
