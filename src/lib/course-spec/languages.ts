import type { Concept, Vocabulary } from './vocabularies';

// Languages of instruction the editor offers. The spec stores the BCP 47 tag (`code`); exports
// need the EU Publications Office authority URI, which `uri` carries (codes and English names
// checked against the ELM language code list, xsd/loq/cv/language.xsd). Finnish and Swedish names are
// CLDR's (Intl.DisplayNames), which are the EU authority list's own fi/sv labels for these languages.
const AUTHORITY = 'http://publications.europa.eu/resource/authority/language/';

const ENTRIES: readonly (readonly [bcp47: string, authority: string, en: string, fi: string, sv: string])[] = [
	['fi', 'FIN', 'Finnish', 'suomi', 'finska'],
	['sv', 'SWE', 'Swedish', 'ruotsi', 'svenska'],
	['en', 'ENG', 'English', 'englanti', 'engelska'],
	['se', 'SME', 'Northern Sami', 'pohjoissaame', 'nordsamiska'],
	['de', 'DEU', 'German', 'saksa', 'tyska'],
	['fr', 'FRA', 'French', 'ranska', 'franska'],
	['es', 'SPA', 'Spanish', 'espanja', 'spanska'],
	['et', 'EST', 'Estonian', 'viro', 'estniska'],
	['ru', 'RUS', 'Russian', 'venäjä', 'ryska'],
	['uk', 'UKR', 'Ukrainian', 'ukraina', 'ukrainska'],
	['it', 'ITA', 'Italian', 'italia', 'italienska'],
	['nl', 'NLD', 'Dutch', 'hollanti', 'nederländska'],
	['da', 'DAN', 'Danish', 'tanska', 'danska'],
	['no', 'NOR', 'Norwegian', 'norja', 'norska'],
	['is', 'ISL', 'Icelandic', 'islanti', 'isländska'],
	['pl', 'POL', 'Polish', 'puola', 'polska'],
	['pt', 'POR', 'Portuguese', 'portugali', 'portugisiska'],
	['lv', 'LAV', 'Latvian', 'latvia', 'lettiska'],
	['lt', 'LIT', 'Lithuanian', 'liettua', 'litauiska'],
	['hu', 'HUN', 'Hungarian', 'unkari', 'ungerska'],
	['tr', 'TUR', 'Turkish', 'turkki', 'turkiska'],
	['ar', 'ARA', 'Arabic', 'arabia', 'arabiska'],
	['so', 'SOM', 'Somali', 'somali', 'somaliska'],
	['zh', 'ZHO', 'Chinese', 'kiina', 'kinesiska'],
	['ja', 'JPN', 'Japanese', 'japani', 'japanska']
];

export const LANGUAGES: Vocabulary = {
	schemeUri: 'http://publications.europa.eu/resource/authority/language',
	concepts: ENTRIES.map(
		([code, authority, en, fi, sv]): Concept => ({ uri: AUTHORITY + authority, code, label: { en, fi, sv } })
	)
};

/**
 * A language's name in that language ("Svenska", "Suomi"), as people pick the language they write
 * in; from Intl, else the English name from the list above, else the tag itself.
 */
export function languageEndonym(code: string): string {
	const fallback = LANGUAGES.concepts.find((c) => c.code === code)?.label.en ?? code;
	try {
		const name = new Intl.DisplayNames([code], { type: 'language' }).of(code);
		return name && name !== code ? name.charAt(0).toLocaleUpperCase(code) + name.slice(1) : capitalise(fallback);
	} catch {
		// Not a well-formed tag.
		return capitalise(fallback);
	}
}

const capitalise = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);
