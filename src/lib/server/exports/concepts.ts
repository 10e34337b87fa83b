import {
	COUNTRIES,
	EQF_LEVELS,
	ISCED_F_FIELDS,
	LANGUAGES,
	SUPERVISION_OPTIONS,
	SUPERVISION_SCHEME_URI,
	findConcept,
	type Concept,
	type EqfLevel,
	type LangCode,
	type SupervisionCode,
	type Vocabulary
} from '$lib/course-spec';
import { NQF_LEVELS, QDR_PREFIX, QDR_SCHEME } from './nqf-levels';

// Controlled values as ELM writes them: full Concept nodes (id, type, inScheme, prefLabel), because
// validators check scheme membership from the node itself (standards README, section e).

export interface ConceptNode {
	id: string;
	type: 'Concept';
	inScheme: { id: string; type: 'ConceptScheme' };
	prefLabel: { en: string };
}

export function conceptNode(uri: string, schemeUri: string, label: string): ConceptNode {
	return { id: uri, type: 'Concept', inScheme: { id: schemeUri, type: 'ConceptScheme' }, prefLabel: { en: label } };
}

/** The Concept node of a vocabulary value the spec stores as a URI; undefined for unknown values. */
export function vocabularyConcept(vocabulary: Vocabulary, uri: string | null): ConceptNode | undefined {
	const concept = findConcept(vocabulary, uri);
	return concept ? conceptNode(concept.uri, vocabulary.schemeUri, concept.label.en) : undefined;
}

export const eqfConcept = (level: EqfLevel) => vocabularyConcept(EQF_LEVELS, `http://data.europa.eu/snb/eqf/${level}`);

const byCode = (vocabulary: Vocabulary, code: string): Concept | undefined =>
	vocabulary.concepts.find((c) => c.code === code);

/** The EU language authority concept of a BCP 47 tag ("fi" → …/language/FIN), by its primary subtag. */
export function languageConcept(lang: LangCode): ConceptNode | undefined {
	const concept = byCode(LANGUAGES, lang.split('-')[0].toLowerCase());
	return concept ? conceptNode(concept.uri, LANGUAGES.schemeUri, concept.label.en) : undefined;
}

/** The EU country authority concept of an ISO 3166-1 alpha-2 code ("FI" → …/country/FIN). */
export function countryConcept(alpha2: string | null | undefined): ConceptNode | undefined {
	const concept = alpha2 ? byCode(COUNTRIES, alpha2.toUpperCase()) : undefined;
	return concept ? conceptNode(concept.uri, COUNTRIES.schemeUri, concept.label.en) : undefined;
}

export function countryName(alpha2: string | null | undefined): string | undefined {
	return alpha2 ? byCode(COUNTRIES, alpha2.toUpperCase())?.label.en : undefined;
}

export function iscedConcept(uri: string | null): (ConceptNode & { code: string }) | undefined {
	const concept = findConcept(ISCED_F_FIELDS, uri);
	if (!concept) return undefined;
	return { ...conceptNode(concept.uri, ISCED_F_FIELDS.schemeUri, concept.label.en), code: concept.code ?? '' };
}

export function supervisionConcept(code: SupervisionCode | null): ConceptNode | undefined {
	const option = SUPERVISION_OPTIONS.find((o) => o.code === code);
	return option?.uri ? conceptNode(option.uri, SUPERVISION_SCHEME_URI, option.label.en) : undefined;
}

export const supervisionLabel = (code: SupervisionCode | null) =>
	SUPERVISION_OPTIONS.find((o) => o.code === code)?.label.en;

// People write national levels as "FiNQF 6", "FiNQF level 6" or "finqf-6"; the register says
// "FiNQF Level 6". Comparing letters, digits, "." and "+" without the word "level" matches them all.
const normaliseLevel = (text: string) => text.toLowerCase().replace(/\blevels?\b/g, '').replace(/[^a-z0-9.+]/g, '');
const NQF_BY_NAME = new Map(NQF_LEVELS.map(([code, label]) => [normaliseLevel(label), { code, label }]));

/** The QDR concept of a national level as the spec states it (a label or a QDR URI); undefined if unknown. */
export function nqfConcept(text: string | null): ConceptNode | undefined {
	const value = text?.trim();
	if (!value) return undefined;
	if (value.startsWith(QDR_PREFIX)) {
		const entry = NQF_LEVELS.find(([code]) => QDR_PREFIX + code === value);
		return entry ? conceptNode(value, QDR_SCHEME, entry[1]) : undefined;
	}
	const entry = NQF_BY_NAME.get(normaliseLevel(value));
	return entry ? conceptNode(QDR_PREFIX + entry.code, QDR_SCHEME, entry.label) : undefined;
}

/** Scheme URIs ELM needs that the spec's vocabularies do not carry. */
const ELM_SCHEMES = {
	credit: 'http://data.europa.eu/snb/education-credit/25831c2',
	learningOpportunity: 'http://data.europa.eu/snb/learning-opportunity/25831c2',
	credentialProfile: 'http://data.europa.eu/snb/credential/25831c2',
	encoding: 'http://data.europa.eu/snb/encoding/25831c2',
	fileType: 'http://publications.europa.eu/resource/authority/file-type'
} as const;

export const ECTS = conceptNode('http://data.europa.eu/snb/education-credit/6fcec5c5af', ELM_SCHEMES.credit, 'European Credit Transfer System');
export const SHORT_LEARNING_PROGRAMME = conceptNode(
	'http://data.europa.eu/snb/learning-opportunity/74a4a268e8',
	ELM_SCHEMES.learningOpportunity,
	'Short learning programme'
);
export const GENERIC_CREDENTIAL = conceptNode('http://data.europa.eu/snb/credential/e34929035b', ELM_SCHEMES.credentialProfile, 'Generic');
export const BASE64 = conceptNode('http://data.europa.eu/snb/encoding/6146cde7dd', ELM_SCHEMES.encoding, 'base64');
export const PNG = conceptNode('http://publications.europa.eu/resource/authority/file-type/PNG', ELM_SCHEMES.fileType, 'PNG');
