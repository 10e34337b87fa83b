import type { SupervisionCode } from './types';
import { ISCED_F_FIELDS } from './isced-f';
import { LANGUAGES } from './languages';
import { COUNTRIES } from './countries';

// The EU controlled values the editor offers. URIs and English labels are copied from the official
// ELM code lists (shared/standards/elm/vocabularies/elm-controlled-vocabularies.json, extracted from
// the ELM v3 XSDs); exports turn each into an ELM Concept {id, type, inScheme, prefLabel}.

/** Display labels; `fi` only where the Finnish term is certain. */
export interface Labels {
	en: string;
	fi?: string;
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
function scheme(schemeUri: string, entries: readonly (readonly [id: string, en: string])[]): Vocabulary {
	const prefix = schemeUri.slice(0, schemeUri.lastIndexOf('/') + 1);
	return { schemeUri, concepts: entries.map(([id, en]) => ({ uri: prefix + id, label: { en } })) };
}

export const EQF_LEVELS: Vocabulary = {
	schemeUri: 'http://data.europa.eu/snb/eqf/25831c2',
	concepts: [1, 2, 3, 4, 5, 6, 7, 8].map((level) => ({
		uri: `http://data.europa.eu/snb/eqf/${level}`,
		code: String(level),
		label: { en: `Level ${level}` }
	}))
};

/** EU "form of participation" = ELM mode of learning and assessment (the scheme path really is this). */
export const PARTICIPATION_FORMS = scheme('http://data.europa.eu/snb/learning-assessment/25831c2', [
	['920fbb3cbe', 'Online'],
	['e92d221e4d', 'Blended'],
	['9191af2ed9', 'Presential'],
	['729f3bed4b', 'Workbased'],
	['7813801c77', 'Project based'],
	['ed4c557045', 'Research-Lab based']
]);

export const LEARNING_SETTINGS = scheme('http://data.europa.eu/snb/learning-setting/25831c2', [
	['6fd4685715', 'formal learning'],
	['e207a81fc7', 'non-formal learning']
]);

export const ASSESSMENT_TYPES = scheme('http://data.europa.eu/snb/assessment/25831c2', [
	['de4d165a6c', 'artefact assessment'],
	['3484bd7e51', 'continuous evaluation'],
	['56539a6507', 'group performance'],
	['7331eb4762', 'level of attendance'],
	['2939dae15f', 'marked assignment'],
	['d30284d7df', 'oral examination'],
	['19a2e5e671', 'peer assessment'],
	['812e3b0ae1', 'peer review'],
	['4f03b91c0e', 'portfolio'],
	['6a4db9f11d', 'practical assessment'],
	['c4256a2726', 'problem based learning'],
	['795dac4096', 'project work'],
	['b1b68f6735', 'quiz'],
	['6e6cb2cc78', 'written examination']
]);

/** Quality assurance / accreditation types (EU element M11). */
export const QUALITY_ASSURANCE_TYPES = scheme('http://data.europa.eu/snb/accreditation/25831c2', [
	['bb4618238e', 'Institutional Quality Assurance'],
	['820101cba6', 'Program Quality Assurance'],
	['003293d2ce', 'Institutional License'],
	['e57dddfcf3', 'Program License']
]);

export const LEARNING_ACTIVITY_TYPES = scheme('http://data.europa.eu/snb/learning-activity/25831c2', [
	['ff436ea7c9', 'classroom coursework'],
	['bf2e3a7bae', 'e-learning coursework'],
	['3c8bd58d62', 'lab / simulation / practice coursework'],
	['efff75e10a', 'workshop, seminar or conference'],
	['b660f5dcea', 'self-motivated study'],
	['a7e556215a', 'research'],
	['bf5588ff84', 'internship'],
	['4357e0e681', 'job experience'],
	['d46a826a39', 'apprenticeship'],
	['59eaf34fab', 'volunteering'],
	['fd33e234ae', 'educational programme']
]);

export const TARGET_GROUPS = scheme('http://data.europa.eu/snb/target-group/25831c2', [
	['5b1417fd15', 'Persons in primary education'],
	['1cfca7f767', 'Persons who have completed primary education'],
	['46806e0244', 'Persons in secondary/compulsory education'],
	['919082b88b', 'Persons who have completed secondary/compulsory education'],
	['1599531db0', 'Persons in tertiary education (EQF 6)'],
	['acb7f20f25', 'Persons in tertiary education (EQF 7)'],
	['b0bf4f9fe9', 'Persons in tertiary education (EQF 8)'],
	['e7627913ad', 'Persons who have completed tertiary education (EQF 6)'],
	['527a6f97eb', 'Persons who have completed tertiary education (EQF 7)'],
	['808b99d38f', 'Persons who have completed tertiary education (EQF 8)'],
	['5e56931138', 'Persons with 0-3 years work experience'],
	['cbedf28444', 'Persons with 3-10 years work experience'],
	['d45b47b458', 'Persons with 10+ years work experience'],
	['05f11c859b', 'Persons requiring employment retraining'],
	['022beab85a', 'High Achievers'],
	['fd1279fd9f', 'Low Achievers'],
	['e3782a33ab', 'Native Speakers'],
	['0247b300b0', 'Non-Native Speakers'],
	['c900d8ecb1', 'Migrants'],
	['de9cd193ce', 'Persons with a learning disability']
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
		label: { en: 'Unsupervised without ID Verification' }
	},
	{ code: 'supervised-without-id', uri: null, label: { en: 'Supervised without ID verification' } },
	{
		code: 'supervised-with-id',
		uri: 'http://data.europa.eu/snb/supervision-verification/70be69aaf9',
		label: { en: 'Supervised with ID Verification' }
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
