import type { Concept, Vocabulary } from './vocabularies';

// Countries the editor offers for the awarding body (EU element M3): the EU and EEA, Switzerland,
// the United Kingdom and the other Erasmus+ partner countries in Europe. The spec stores ISO 3166-1
// alpha-2 (what Open Badges' addressCountryCode takes); `uri` is the EU country authority concept
// ELM needs (names from the ELM country code list, xsd/loq/cv/country.xsd).
const AUTHORITY = 'http://publications.europa.eu/resource/authority/country/';

const ENTRIES: readonly (readonly [alpha2: string, authority: string, en: string])[] = [
	['AT', 'AUT', 'Austria'],
	['BE', 'BEL', 'Belgium'],
	['BG', 'BGR', 'Bulgaria'],
	['HR', 'HRV', 'Croatia'],
	['CY', 'CYP', 'Cyprus'],
	['CZ', 'CZE', 'Czechia'],
	['DK', 'DNK', 'Denmark'],
	['EE', 'EST', 'Estonia'],
	['FI', 'FIN', 'Finland'],
	['FR', 'FRA', 'France'],
	['DE', 'DEU', 'Germany'],
	['GR', 'GRC', 'Greece'],
	['HU', 'HUN', 'Hungary'],
	['IS', 'ISL', 'Iceland'],
	['IE', 'IRL', 'Ireland'],
	['IT', 'ITA', 'Italy'],
	['LV', 'LVA', 'Latvia'],
	['LI', 'LIE', 'Liechtenstein'],
	['LT', 'LTU', 'Lithuania'],
	['LU', 'LUX', 'Luxembourg'],
	['MT', 'MLT', 'Malta'],
	['NL', 'NLD', 'Netherlands'],
	['NO', 'NOR', 'Norway'],
	['PL', 'POL', 'Poland'],
	['PT', 'PRT', 'Portugal'],
	['RO', 'ROU', 'Romania'],
	['SK', 'SVK', 'Slovakia'],
	['SI', 'SVN', 'Slovenia'],
	['ES', 'ESP', 'Spain'],
	['SE', 'SWE', 'Sweden'],
	['CH', 'CHE', 'Switzerland'],
	['GB', 'GBR', 'United Kingdom'],
	['AL', 'ALB', 'Albania'],
	['BA', 'BIH', 'Bosnia and Herzegovina'],
	['MD', 'MDA', 'Moldova'],
	['ME', 'MNE', 'Montenegro'],
	['MK', 'MKD', 'North Macedonia'],
	['RS', 'SRB', 'Serbia'],
	['TR', 'TUR', 'Turkey'],
	['UA', 'UKR', 'Ukraine']
];

export const COUNTRIES: Vocabulary = {
	schemeUri: 'http://publications.europa.eu/resource/authority/country',
	concepts: ENTRIES.map(([code, authority, en]): Concept => ({ uri: AUTHORITY + authority, code, label: { en } }))
};
