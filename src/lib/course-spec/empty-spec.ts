import type { CourseSpec, LangCode, LangString } from './types';

/** What the provider's profile pre-fills in a new course. */
export interface ProviderDefaults {
	/** Default language of new courses; also the language plain-string defaults are written in. */
	language?: LangCode;
	organisationName?: string | LangString;
	/** ISO 3166-1 alpha-2. */
	country?: string | null;
	website?: string | null;
	qualityAssuranceType?: string | null;
	qualityAssuranceStatement?: string | LangString;
}

/** The spec of a new course: nothing chosen yet except what the provider profile states. */
export function emptySpec(defaults: ProviderDefaults = {}): CourseSpec {
	const language = defaults.language ?? 'en';
	const inLanguage = (value: string | LangString | undefined): LangString =>
		value === undefined || value === '' ? {} : typeof value === 'string' ? { [language]: value } : { ...value };
	return {
		schemaVersion: 1,
		title: {},
		code: null,
		summary: {},
		targetGroup: { text: {}, categories: [] },
		prerequisites: {},
		languages: [language],
		eqfLevel: null,
		nqfLevel: null,
		ectsCredits: null,
		workloadHours: null,
		participationForm: null,
		learningSetting: null,
		topics: [],
		fieldOfStudy: null,
		awardingBody: {
			name: inLanguage(defaults.organisationName),
			country: defaults.country?.toUpperCase() || null,
			website: defaults.website || null
		},
		qualityAssurance: {
			type: defaults.qualityAssuranceType ?? null,
			statement: inLanguage(defaults.qualityAssuranceStatement)
		},
		supervision: null,
		gradingScheme: {},
		stackability: { mode: null, partOf: {}, partOfUrl: null },
		furtherInformation: {},
		learningOutcomes: [],
		modules: [],
		assessments: []
	};
}
