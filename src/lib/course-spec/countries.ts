import type { Concept, Vocabulary } from './vocabularies';

// Countries the editor offers for the awarding body (EU element M3): the EU and EEA, Switzerland,
// the United Kingdom and the other Erasmus+ partner countries in Europe. The spec stores ISO 3166-1
// alpha-2 (what Open Badges' addressCountryCode takes); `uri` is the EU country authority concept
// ELM needs (names from the ELM country code list, xsd/loq/cv/country.xsd; Finnish and Swedish names
// from CLDR, Intl.DisplayNames, copied here so server and browser always agree).
const AUTHORITY = 'http://publications.europa.eu/resource/authority/country/';

const ENTRIES: readonly (readonly [alpha2: string, authority: string, en: string, fi: string, sv: string])[] = [
	['AT', 'AUT', 'Austria', 'Itävalta', 'Österrike'],
	['BE', 'BEL', 'Belgium', 'Belgia', 'Belgien'],
	['BG', 'BGR', 'Bulgaria', 'Bulgaria', 'Bulgarien'],
	['HR', 'HRV', 'Croatia', 'Kroatia', 'Kroatien'],
	['CY', 'CYP', 'Cyprus', 'Kypros', 'Cypern'],
	['CZ', 'CZE', 'Czechia', 'Tšekki', 'Tjeckien'],
	['DK', 'DNK', 'Denmark', 'Tanska', 'Danmark'],
	['EE', 'EST', 'Estonia', 'Viro', 'Estland'],
	['FI', 'FIN', 'Finland', 'Suomi', 'Finland'],
	['FR', 'FRA', 'France', 'Ranska', 'Frankrike'],
	['DE', 'DEU', 'Germany', 'Saksa', 'Tyskland'],
	['GR', 'GRC', 'Greece', 'Kreikka', 'Grekland'],
	['HU', 'HUN', 'Hungary', 'Unkari', 'Ungern'],
	['IS', 'ISL', 'Iceland', 'Islanti', 'Island'],
	['IE', 'IRL', 'Ireland', 'Irlanti', 'Irland'],
	['IT', 'ITA', 'Italy', 'Italia', 'Italien'],
	['LV', 'LVA', 'Latvia', 'Latvia', 'Lettland'],
	['LI', 'LIE', 'Liechtenstein', 'Liechtenstein', 'Liechtenstein'],
	['LT', 'LTU', 'Lithuania', 'Liettua', 'Litauen'],
	['LU', 'LUX', 'Luxembourg', 'Luxemburg', 'Luxemburg'],
	['MT', 'MLT', 'Malta', 'Malta', 'Malta'],
	['NL', 'NLD', 'Netherlands', 'Alankomaat', 'Nederländerna'],
	['NO', 'NOR', 'Norway', 'Norja', 'Norge'],
	['PL', 'POL', 'Poland', 'Puola', 'Polen'],
	['PT', 'PRT', 'Portugal', 'Portugali', 'Portugal'],
	['RO', 'ROU', 'Romania', 'Romania', 'Rumänien'],
	['SK', 'SVK', 'Slovakia', 'Slovakia', 'Slovakien'],
	['SI', 'SVN', 'Slovenia', 'Slovenia', 'Slovenien'],
	['ES', 'ESP', 'Spain', 'Espanja', 'Spanien'],
	['SE', 'SWE', 'Sweden', 'Ruotsi', 'Sverige'],
	['CH', 'CHE', 'Switzerland', 'Sveitsi', 'Schweiz'],
	['GB', 'GBR', 'United Kingdom', 'Iso-Britannia', 'Storbritannien'],
	['AL', 'ALB', 'Albania', 'Albania', 'Albanien'],
	['BA', 'BIH', 'Bosnia and Herzegovina', 'Bosnia ja Hertsegovina', 'Bosnien och Hercegovina'],
	['MD', 'MDA', 'Moldova', 'Moldova', 'Moldavien'],
	['ME', 'MNE', 'Montenegro', 'Montenegro', 'Montenegro'],
	['MK', 'MKD', 'North Macedonia', 'Pohjois-Makedonia', 'Nordmakedonien'],
	['RS', 'SRB', 'Serbia', 'Serbia', 'Serbien'],
	['TR', 'TUR', 'Turkey', 'Turkki', 'Turkiet'],
	['UA', 'UKR', 'Ukraine', 'Ukraina', 'Ukraina']
];

export const COUNTRIES: Vocabulary = {
	schemeUri: 'http://publications.europa.eu/resource/authority/country',
	concepts: ENTRIES.map(([code, authority, en, fi, sv]): Concept => ({ uri: AUTHORITY + authority, code, label: { en, fi, sv } }))
};
