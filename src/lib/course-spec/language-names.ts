import { getLocale } from '$lib/paraglide/runtime';
import { LANGUAGES } from './languages';
import type { LangCode } from './types';

// Names of the course languages for people choosing between editions. A language switcher names each
// edition in its own language ("svenska", not "Swedish"), so that a reader finds theirs whatever
// language the page is in now.

const OWN_NAMES: Readonly<Record<string, string>> = {
	fi: 'suomi',
	sv: 'svenska',
	en: 'English',
	se: 'davvisámegiella',
	de: 'Deutsch',
	fr: 'français',
	es: 'español',
	et: 'eesti',
	ru: 'русский',
	uk: 'українська',
	it: 'italiano',
	nl: 'Nederlands',
	da: 'dansk',
	no: 'norsk',
	is: 'íslenska',
	pl: 'polski',
	pt: 'português',
	lv: 'latviešu',
	lt: 'lietuvių',
	hu: 'magyar',
	tr: 'Türkçe',
	ar: 'العربية',
	so: 'Soomaali',
	zh: '中文',
	ja: '日本語'
};

const BY_CODE = new Map(LANGUAGES.concepts.map((c) => [c.code, c]));

/** Whether the code is one of the languages a course can be written in (the EU language list we offer). */
export const isCourseLanguage = (code: string): boolean => BY_CODE.has(code);

/** The language's English name, or its code when it is not on the list. */
export const languageName = (code: LangCode): string => BY_CODE.get(code)?.label.en ?? code;

const displayNames = new Map<string, Intl.DisplayNames>();

/**
 * The language's name in the interface language `locale` ("ruotsi" in Finnish, "Swedish" in English;
 * the request's own by default), from Intl's CLDR names; the English name when Intl has none.
 */
export function languageNameIn(code: LangCode, locale: string = getLocale()): string {
	let names = displayNames.get(locale);
	if (!names) {
		names = new Intl.DisplayNames([locale], { type: 'language', fallback: 'none' });
		displayNames.set(locale, names);
	}
	try {
		return names.of(code) ?? languageName(code);
	} catch {
		return languageName(code);
	}
}

/** The language's name in that language ("svenska"), for switchers between editions. */
export const ownLanguageName = (code: LangCode): string => OWN_NAMES[code] ?? languageName(code);
