import type { Concept, Vocabulary } from './vocabularies';

// Languages of instruction the editor offers. The spec stores the BCP 47 tag (`code`); exports
// need the EU Publications Office authority URI, which `uri` carries (codes and English names
// checked against the ELM language code list, xsd/loq/cv/language.xsd).
const AUTHORITY = 'http://publications.europa.eu/resource/authority/language/';

const ENTRIES: readonly (readonly [bcp47: string, authority: string, en: string, fi: string])[] = [
	['fi', 'FIN', 'Finnish', 'suomi'],
	['sv', 'SWE', 'Swedish', 'ruotsi'],
	['en', 'ENG', 'English', 'englanti'],
	['se', 'SME', 'Northern Sami', 'pohjoissaame'],
	['de', 'DEU', 'German', 'saksa'],
	['fr', 'FRA', 'French', 'ranska'],
	['es', 'SPA', 'Spanish', 'espanja'],
	['et', 'EST', 'Estonian', 'viro'],
	['ru', 'RUS', 'Russian', 'venäjä'],
	['uk', 'UKR', 'Ukrainian', 'ukraina'],
	['it', 'ITA', 'Italian', 'italia'],
	['nl', 'NLD', 'Dutch', 'hollanti'],
	['da', 'DAN', 'Danish', 'tanska'],
	['no', 'NOR', 'Norwegian', 'norja'],
	['is', 'ISL', 'Icelandic', 'islanti'],
	['pl', 'POL', 'Polish', 'puola'],
	['pt', 'POR', 'Portuguese', 'portugali'],
	['lv', 'LAV', 'Latvian', 'latvia'],
	['lt', 'LIT', 'Lithuanian', 'liettua'],
	['hu', 'HUN', 'Hungarian', 'unkari'],
	['tr', 'TUR', 'Turkish', 'turkki'],
	['ar', 'ARA', 'Arabic', 'arabia'],
	['so', 'SOM', 'Somali', 'somali'],
	['zh', 'ZHO', 'Chinese', 'kiina'],
	['ja', 'JPN', 'Japanese', 'japani']
];

export const LANGUAGES: Vocabulary = {
	schemeUri: 'http://publications.europa.eu/resource/authority/language',
	concepts: ENTRIES.map(
		([code, authority, en, fi]): Concept => ({ uri: AUTHORITY + authority, code, label: { en, fi } })
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
