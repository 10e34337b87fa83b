import { primaryLanguage, richTextToPlain, type CourseSpec, type LangCode, type LangString, type RichText } from '$lib/course-spec';

// Reading a spec's texts for an export: one language with the primary language as fallback (OB 3.0
// holds one language per achievement), or every non-empty language as a map (ELM language maps).

/** The spec's languages: languages of instruction first, then any other language a text is written in. */
export function specLanguages(spec: CourseSpec): LangCode[] {
	const langs = new Set<LangCode>(spec.languages);
	for (const lang of Object.keys(spec.title)) langs.add(lang);
	if (langs.size === 0) langs.add(primaryLanguage(spec));
	return [...langs];
}

/** The text in `lang`, else in the primary language, else in any language (sorted for stability). */
export function pick(text: LangString, lang: LangCode, primary: LangCode): string {
	const value = text[lang]?.trim() || text[primary]?.trim();
	if (value) return value;
	for (const key of Object.keys(text).sort()) if (text[key]?.trim()) return text[key].trim();
	return '';
}

export function pickRich(text: RichText, lang: LangCode, primary: LangCode): string {
	const plain: LangString = {};
	for (const [key, doc] of Object.entries(text)) plain[key] = richTextToPlain(doc);
	return pick(plain, lang, primary);
}

/** Every non-empty translation, trimmed, keys sorted; `undefined` when there is none. */
export function languageMap(text: LangString): LangString | undefined {
	const map: LangString = {};
	for (const key of Object.keys(text).sort()) {
		const value = text[key]?.trim();
		if (value) map[key] = value;
	}
	return Object.keys(map).length > 0 ? map : undefined;
}

export function richLanguageMap(text: RichText): LangString | undefined {
	const plain: LangString = {};
	for (const [key, doc] of Object.entries(text)) plain[key] = richTextToPlain(doc);
	return languageMap(plain);
}

/**
 * A user's text made inert inside Markdown (OB 3.0 criteria and endorsement comments are Markdown):
 * characters that start links, images, emphasis, code, HTML or headings are backslash-escaped, so a
 * consumer renders exactly the words that were typed.
 */
export function escapeMarkdown(text: string): string {
	return text.replace(/[\\`*_[\]<>#|~]/g, '\\$&').replace(/^(\s*)(\d+)\. /gm, '$1$2\\. ').replace(/^(\s*)- /gm, '$1\\- ');
}

/** A name given as one string or per language, read in one language. */
export function nameIn(name: string | LangString, lang: LangCode, primary: LangCode): string {
	return typeof name === 'string' ? name.trim() : pick(name, lang, primary);
}

export function nameMap(name: string | LangString, primary: LangCode): LangString | undefined {
	return typeof name === 'string' ? languageMap({ [primary]: name }) : languageMap(name);
}

/** ECTS credits as ELM writes them: a decimal string without float noise ("1.5", "3"). */
export function creditString(ects: number): string {
	return String(Math.round(ects * 100) / 100);
}

/** Hours as an ISO 8601 duration ("PT81H", "PT1H30M"), as ELM's volumeOfLearning needs. */
export function isoHours(hours: number): string {
	const minutes = Math.round(hours * 60);
	const h = Math.floor(minutes / 60);
	const m = minutes % 60;
	return `PT${h > 0 || m === 0 ? `${h}H` : ''}${m > 0 ? `${m}M` : ''}`;
}
