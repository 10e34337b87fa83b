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
