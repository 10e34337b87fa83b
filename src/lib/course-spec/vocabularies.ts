import type { SupervisionCode } from './types';
import { getLocale, type Locale } from '$lib/paraglide/runtime';
import { ISCED_F_FIELDS } from './isced-f';
import { LANGUAGES } from './languages';
import { COUNTRIES } from './countries';

// The EU controlled values the editor offers. URIs and English labels are copied from the official
// ELM code lists (shared/standards/elm/vocabularies/elm-controlled-vocabularies.json, extracted from
// the ELM v3 XSDs); exports turn each into an ELM Concept {id, type, inScheme, prefLabel}.

/**
 * Display labels. `en` is the EU code list's own label (exports carry it); `fi` and `sv` are the
 * interface's: the EU Vocabularies' own where we had them (language and country names from CLDR,
 * which matches them), else our translation. A missing one falls back to English.
 */
export interface Labels {
	en: string;
	fi?: string;
	sv?: string;
}

/** A concept's label in the current language (or the one asked for), English when it has none. */
export function labelIn(labels: Labels, locale: Locale = getLocale()): string {
	return (locale === 'en' ? undefined : labels[locale]) ?? labels.en;
}

export interface Concept {
	uri: string;
	/** A short code where the scheme has one (EQF "6", ISCED-F "0688", language "fi"). */
	code?: string;
	label: Labels;
}

export interface Vocabulary {
	schemeUri: string;
	concepts: readonly Concept[];
}

/** Builds a scheme whose concept URIs share the scheme URI's path, as all EU snb schemes do. */
function scheme(schemeUri: string, entries: readonly (readonly [id: string, en: string, fi: string, sv: string])[]): Vocabulary {
	const prefix = schemeUri.slice(0, schemeUri.lastIndexOf('/') + 1);
	return { schemeUri, concepts: entries.map(([id, en, fi, sv]) => ({ uri: prefix + id, label: { en, fi, sv } })) };
}

export const EQF_LEVELS: Vocabulary = {
	schemeUri: 'http://data.europa.eu/snb/eqf/25831c2',
	concepts: [1, 2, 3, 4, 5, 6, 7, 8].map((level) => ({
		uri: `http://data.europa.eu/snb/eqf/${level}`,
		code: String(level),
		label: { en: `Level ${level}`, fi: `Taso ${level}`, sv: `Nivå ${level}` }
	}))
};

/** EU "form of participation" = ELM mode of learning and assessment (the scheme path really is this). */
export const PARTICIPATION_FORMS = scheme('http://data.europa.eu/snb/learning-assessment/25831c2', [
	['920fbb3cbe', 'Online', 'Verkossa', 'På nätet'],
	['e92d221e4d', 'Blended', 'Monimuotoinen', 'Flerform'],
	['9191af2ed9', 'Presential', 'Lähiopetus', 'Närundervisning'],
	['729f3bed4b', 'Workbased', 'Työpaikalla', 'Arbetsplatsförlagd'],
	['7813801c77', 'Project based', 'Projektimuotoinen', 'Projektbaserad'],
	['ed4c557045', 'Research-Lab based', 'Tutkimus- tai laboratoriopohjainen', 'Forsknings- eller laboratoriebaserad']
]);

export const LEARNING_SETTINGS = scheme('http://data.europa.eu/snb/learning-setting/25831c2', [
	['6fd4685715', 'formal learning', 'formaali oppiminen', 'formellt lärande'],
	['e207a81fc7', 'non-formal learning', 'non-formaali oppiminen', 'icke-formellt lärande']
]);

export const ASSESSMENT_TYPES = scheme('http://data.europa.eu/snb/assessment/25831c2', [
	['de4d165a6c', 'artefact assessment', 'tuotoksen arviointi', 'bedömning av produkt'],
	['3484bd7e51', 'continuous evaluation', 'jatkuva arviointi', 'kontinuerlig bedömning'],
	['56539a6507', 'group performance', 'ryhmäsuoritus', 'gruppens prestation'],
	['7331eb4762', 'level of attendance', 'läsnäolo', 'närvaro'],
	['2939dae15f', 'marked assignment', 'arvioitu tehtävä', 'bedömd uppgift'],
	['d30284d7df', 'oral examination', 'suullinen koe', 'muntlig tentamen'],
	['19a2e5e671', 'peer assessment', 'vertaisarviointi', 'kamratbedömning'],
	['812e3b0ae1', 'peer review', 'vertaispalaute', 'kamratrespons'],
	['4f03b91c0e', 'portfolio', 'portfolio', 'portfolio'],
	['6a4db9f11d', 'practical assessment', 'käytännön näyttö', 'praktiskt prov'],
	['c4256a2726', 'problem based learning', 'ongelmaperustainen oppiminen', 'problembaserat lärande'],
	['795dac4096', 'project work', 'projektityö', 'projektarbete'],
	['b1b68f6735', 'quiz', 'testi', 'test'],
	['6e6cb2cc78', 'written examination', 'kirjallinen koe', 'skriftlig tentamen']
]);

/** Quality assurance / accreditation types (EU element M11). */
export const QUALITY_ASSURANCE_TYPES = scheme('http://data.europa.eu/snb/accreditation/25831c2', [
	['bb4618238e', 'Institutional Quality Assurance', 'Organisaation laadunvarmistus', 'Institutionell kvalitetssäkring'],
	['820101cba6', 'Program Quality Assurance', 'Koulutusohjelman laadunvarmistus', 'Programmets kvalitetssäkring'],
	['003293d2ce', 'Institutional License', 'Organisaation toimilupa', 'Institutionens tillstånd'],
	['e57dddfcf3', 'Program License', 'Koulutusohjelman toimilupa', 'Programmets tillstånd']
]);

export const LEARNING_ACTIVITY_TYPES = scheme('http://data.europa.eu/snb/learning-activity/25831c2', [
	['ff436ea7c9', 'classroom coursework', 'lähiopetus luokassa', 'klassrumsundervisning'],
	['bf2e3a7bae', 'e-learning coursework', 'verkko-opiskelu', 'e-lärande'],
	['3c8bd58d62', 'lab / simulation / practice coursework', 'laboratorio-, simulaatio- tai harjoitustyöskentely', 'laboratorie-, simulerings- eller övningsarbete'],
	['efff75e10a', 'workshop, seminar or conference', 'työpaja, seminaari tai konferenssi', 'workshop, seminarium eller konferens'],
	['b660f5dcea', 'self-motivated study', 'itsenäinen opiskelu', 'självstudier'],
	['a7e556215a', 'research', 'tutkimus', 'forskning'],
	['bf5588ff84', 'internship', 'harjoittelu', 'praktik'],
	['4357e0e681', 'job experience', 'työkokemus', 'arbetserfarenhet'],
	['d46a826a39', 'apprenticeship', 'oppisopimuskoulutus', 'läroavtalsutbildning'],
	['59eaf34fab', 'volunteering', 'vapaaehtoistyö', 'frivilligarbete'],
	['fd33e234ae', 'educational programme', 'koulutusohjelma', 'utbildningsprogram']
]);

export const TARGET_GROUPS = scheme('http://data.europa.eu/snb/target-group/25831c2', [
	['5b1417fd15', 'Persons in primary education', 'Perusopetuksessa olevat', 'Personer i grundläggande utbildning'],
	['1cfca7f767', 'Persons who have completed primary education', 'Perusopetuksen suorittaneet', 'Personer som har avslutat grundläggande utbildning'],
	['46806e0244', 'Persons in secondary/compulsory education', 'Toisen asteen tai oppivelvollisuuskoulutuksessa olevat', 'Personer i utbildning på andra stadiet eller inom läroplikten'],
	['919082b88b', 'Persons who have completed secondary/compulsory education', 'Toisen asteen tai oppivelvollisuuskoulutuksen suorittaneet', 'Personer som har avslutat utbildning på andra stadiet eller inom läroplikten'],
	['1599531db0', 'Persons in tertiary education (EQF 6)', 'Korkea-asteen opiskelijat (EQF 6)', 'Studerande inom högre utbildning (EQF 6)'],
	['acb7f20f25', 'Persons in tertiary education (EQF 7)', 'Korkea-asteen opiskelijat (EQF 7)', 'Studerande inom högre utbildning (EQF 7)'],
	['b0bf4f9fe9', 'Persons in tertiary education (EQF 8)', 'Korkea-asteen opiskelijat (EQF 8)', 'Studerande inom högre utbildning (EQF 8)'],
	['e7627913ad', 'Persons who have completed tertiary education (EQF 6)', 'Korkea-asteen tutkinnon suorittaneet (EQF 6)', 'Personer med högskoleexamen (EQF 6)'],
	['527a6f97eb', 'Persons who have completed tertiary education (EQF 7)', 'Korkea-asteen tutkinnon suorittaneet (EQF 7)', 'Personer med högskoleexamen (EQF 7)'],
	['808b99d38f', 'Persons who have completed tertiary education (EQF 8)', 'Korkea-asteen tutkinnon suorittaneet (EQF 8)', 'Personer med högskoleexamen (EQF 8)'],
	['5e56931138', 'Persons with 0-3 years work experience', 'Henkilöt, joilla on 0–3 vuotta työkokemusta', 'Personer med 0–3 års arbetserfarenhet'],
	['cbedf28444', 'Persons with 3-10 years work experience', 'Henkilöt, joilla on 3–10 vuotta työkokemusta', 'Personer med 3–10 års arbetserfarenhet'],
	['d45b47b458', 'Persons with 10+ years work experience', 'Henkilöt, joilla on 10+ vuotta työkokemusta', 'Personer med 10+ års arbetserfarenhet'],
	['05f11c859b', 'Persons requiring employment retraining', 'Uudelleenkoulutusta tarvitsevat', 'Personer som behöver omskolning'],
	['022beab85a', 'High Achievers', 'Hyvin menestyvät', 'Högpresterande'],
	['fd1279fd9f', 'Low Achievers', 'Heikosti menestyvät', 'Lågpresterande'],
	['e3782a33ab', 'Native Speakers', 'Kieltä äidinkielenään puhuvat', 'Personer med språket som modersmål'],
	['0247b300b0', 'Non-Native Speakers', 'Muuta kieltä äidinkielenään puhuvat', 'Personer med annat modersmål'],
	['c900d8ecb1', 'Migrants', 'Maahanmuuttajat', 'Invandrare'],
	['de9cd193ce', 'Persons with a learning disability', 'Henkilöt, joilla on oppimisvaikeuksia', 'Personer med inlärningssvårigheter']
]);

export interface SupervisionOption {
	code: SupervisionCode;
	/** `null`: the EU names this option (Annex I, O2) but no concept URI was found in official sources. */
	uri: string | null;
	label: Labels;
}

export const SUPERVISION_SCHEME_URI = 'http://data.europa.eu/snb/supervision-verification/25831c2';

export const SUPERVISION_OPTIONS: readonly SupervisionOption[] = [
	{
		code: 'unsupervised-without-id',
		uri: 'http://data.europa.eu/snb/supervision-verification/c598449d64',
		label: { en: 'Unsupervised without ID Verification', fi: 'Valvomaton, ei henkilöllisyyden varmistusta', sv: 'Oövervakad, utan identitetskontroll' }
	},
	{ code: 'supervised-without-id', uri: null, label: { en: 'Supervised without ID verification', fi: 'Valvottu, ei henkilöllisyyden varmistusta', sv: 'Övervakad, utan identitetskontroll' } },
	{
		code: 'supervised-with-id',
		uri: 'http://data.europa.eu/snb/supervision-verification/70be69aaf9',
		label: { en: 'Supervised with ID Verification', fi: 'Valvottu, henkilöllisyys varmistetaan', sv: 'Övervakad, med identitetskontroll' }
	}
];

export { ISCED_F_FIELDS, LANGUAGES, COUNTRIES };

/** Every URI-valued vocabulary by the name fields.ts refers to it with. */
export const VOCABULARIES = {
	eqfLevel: EQF_LEVELS,
	participationForm: PARTICIPATION_FORMS,
	learningSetting: LEARNING_SETTINGS,
	assessmentType: ASSESSMENT_TYPES,
	qualityAssuranceType: QUALITY_ASSURANCE_TYPES,
	learningActivityType: LEARNING_ACTIVITY_TYPES,
	targetGroup: TARGET_GROUPS,
	fieldOfStudy: ISCED_F_FIELDS,
	language: LANGUAGES,
	country: COUNTRIES
} as const satisfies Record<string, Vocabulary>;

export type VocabularyKey = keyof typeof VOCABULARIES | 'supervision';

/** The concept with this URI in a vocabulary, if it is one of its values. */
export function findConcept(vocabulary: Vocabulary, uri: string | null): Concept | undefined {
	return uri === null ? undefined : vocabulary.concepts.find((c) => c.uri === uri);
}

/** All concept URIs of a vocabulary (what the schema accepts for a field). */
export function conceptUris(vocabulary: Vocabulary): string[] {
	return vocabulary.concepts.map((c) => c.uri);
}
