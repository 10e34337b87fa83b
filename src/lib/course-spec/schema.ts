import * as v from 'valibot';
import { LIMITS } from './limits';
import { richTextDocSchema, strict } from './rich-text-schema';
import type { CourseSpec } from './types';
import { EQF_NOT_APPLICABLE } from './types';
import {
	ASSESSMENT_TYPES,
	conceptUris,
	ISCED_F_FIELDS,
	LEARNING_ACTIVITY_TYPES,
	LEARNING_SETTINGS,
	PARTICIPATION_FORMS,
	QUALITY_ASSURANCE_TYPES,
	SUPERVISION_OPTIONS,
	TARGET_GROUPS,
	type Vocabulary
} from './vocabularies';

// The spec JSON's validation: applied to everything that arrives from outside (API, imports) and
// to every version before it is published. Messages are written for the person fixing the field.

/** BCP 47 in the shape Open Badges' inLanguage accepts: "fi", "en-GB", "zh-Hant-TW". */
const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?$/;
const languageTag = v.pipe(v.string(), v.regex(LANGUAGE_TAG, 'Use a language code such as "fi" or "en-GB"'));

const limitedText = (max: number) => v.pipe(v.string(), v.maxLength(max, `At most ${max} characters`));
const langString = (max: number) => v.record(languageTag, limitedText(max));
const richText = v.record(languageTag, richTextDocSchema);
const nullableText = (max: number) => v.nullable(limitedText(max));

const unique = (values: readonly unknown[]) => new Set(values).size === values.length;

const webAddress = v.nullable(
	v.pipe(
		v.string(),
		v.maxLength(LIMITS.urlLength, `At most ${LIMITS.urlLength} characters`),
		v.regex(/^https?:\/\/[^\s/?#]+\.[^\s]*$/i, 'Enter a full web address starting with https://')
	)
);

const concept = (vocabulary: Vocabulary, message: string) => v.nullable(v.picklist(conceptUris(vocabulary), message));

/** Whole or with one decimal (2.5 ECTS, 13.5 h); floating-point noise is tolerated. */
const hasOneDecimal = (n: number) => Math.abs(n * 10 - Math.round(n * 10)) < 1e-9;

const quantity = (max: number, unit: string) =>
	v.nullable(
		v.pipe(
			v.number('Enter a number'),
			v.finite('Enter a number'),
			v.minValue(0, `${unit} cannot be negative`),
			v.maxValue(max, `${unit} can be at most ${max}`),
			v.check(hasOneDecimal, 'Use at most one decimal place')
		)
	);

const itemId = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/, 'Ids are 1–64 letters, digits, "-" or "_"'));

const outcomeLinks = v.pipe(
	v.array(itemId),
	v.maxLength(LIMITS.items, `At most ${LIMITS.items} links`),
	v.check((values) => unique(values), 'An outcome can be linked only once')
);

const itemList = <T extends v.GenericSchema>(item: T, what: string) =>
	v.pipe(v.array(item), v.maxLength(LIMITS.items, `At most ${LIMITS.items} ${what}`));

export const courseSpecSchema = strict({
	schemaVersion: v.literal(1, 'Unsupported spec format version (expected 1)'),
	title: langString(LIMITS.titleLength),
	code: nullableText(LIMITS.codeLength),
	summary: richText,
	targetGroup: strict({
		text: langString(LIMITS.textLength),
		categories: v.pipe(
			v.array(v.picklist(conceptUris(TARGET_GROUPS), 'Choose target groups from the EU list')),
			v.check((values) => unique(values), 'Each target group can be chosen once')
		)
	}),
	prerequisites: langString(LIMITS.textLength),
	languages: v.pipe(
		v.array(languageTag),
		v.maxLength(LIMITS.languages, `At most ${LIMITS.languages} languages`),
		v.check((values) => unique(values), 'Each language can be listed once')
	),
	eqfLevel: v.nullable(
		v.picklist([1, 2, 3, 4, 5, 6, 7, 8, EQF_NOT_APPLICABLE], 'Choose an EQF level 1–8 or "not applicable"')
	),
	nqfLevel: nullableText(LIMITS.shortTextLength),
	ectsCredits: quantity(LIMITS.ectsMax, 'ECTS credits'),
	workloadHours: quantity(LIMITS.hoursMax, 'Hours'),
	participationForm: concept(PARTICIPATION_FORMS, 'Choose a form of participation from the EU list'),
	learningSetting: concept(LEARNING_SETTINGS, 'Choose formal or non-formal learning'),
	topics: v.pipe(
		v.array(v.pipe(v.string(), v.trim(), v.minLength(1, 'Topics cannot be empty'), v.maxLength(LIMITS.topicLength))),
		v.maxLength(LIMITS.topics, `At most ${LIMITS.topics} topics`),
		v.check((values) => unique(values), 'Each topic can be listed once')
	),
	fieldOfStudy: concept(ISCED_F_FIELDS, 'Choose a field of study from the ISCED-F list'),
	awardingBody: strict({
		name: langString(LIMITS.shortTextLength),
		country: v.nullable(v.pipe(v.string(), v.regex(/^[A-Z]{2}$/, 'Use a two-letter country code such as "FI"'))),
		website: webAddress
	}),
	qualityAssurance: strict({
		type: concept(QUALITY_ASSURANCE_TYPES, 'Choose a quality assurance type from the EU list'),
		statement: langString(LIMITS.textLength)
	}),
	supervision: v.nullable(v.picklist(SUPERVISION_OPTIONS.map((o) => o.code), 'Choose one of the supervision options')),
	gradingScheme: langString(LIMITS.textLength),
	stackability: strict({
		mode: v.nullable(v.picklist(['standalone', 'stackable'], 'Choose stand-alone or stackable')),
		partOf: langString(LIMITS.shortTextLength),
		partOfUrl: webAddress
	}),
	furtherInformation: langString(LIMITS.textLength),
	learningOutcomes: itemList(strict({ id: itemId, text: langString(LIMITS.outcomeLength) }), 'learning outcomes'),
	modules: itemList(
		strict({
			id: itemId,
			title: langString(LIMITS.shortTextLength),
			description: richText,
			hours: quantity(LIMITS.hoursMax, 'Hours'),
			activityType: concept(LEARNING_ACTIVITY_TYPES, 'Choose an activity type from the EU list'),
			outcomeIds: outcomeLinks
		}),
		'modules'
	),
	assessments: itemList(
		strict({
			id: itemId,
			title: langString(LIMITS.shortTextLength),
			type: concept(ASSESSMENT_TYPES, 'Choose an assessment type from the EU list'),
			description: richText,
			outcomeIds: outcomeLinks
		}),
		'assessments'
	)
}) satisfies v.GenericSchema<unknown, CourseSpec>;

export interface SpecIssue {
	/** Dot path into the spec JSON, e.g. "modules.2.hours" or "title.fi"; "" for the whole spec. */
	path: string;
	message: string;
}

export type ParseSpecResult = { ok: true; spec: CourseSpec } | { ok: false; issues: SpecIssue[] };

/** Validates untrusted spec JSON: shape, vocabularies, limits, then ids and outcome links. */
export function parseSpec(input: unknown): ParseSpecResult {
	const result = v.safeParse(courseSpecSchema, input);
	if (!result.success) {
		return { ok: false, issues: result.issues.map((i) => ({ path: v.getDotPath(i) ?? '', message: i.message })) };
	}
	const issues = referenceIssues(result.output);
	return issues.length > 0 ? { ok: false, issues } : { ok: true, spec: result.output };
}

/** Ids must be unique within their list, and links must point at an existing outcome. */
function referenceIssues(spec: CourseSpec): SpecIssue[] {
	const issues: SpecIssue[] = [];
	for (const list of ['learningOutcomes', 'modules', 'assessments'] as const) {
		const seen = new Set<string>();
		spec[list].forEach((item, i) => {
			if (seen.has(item.id)) {
				issues.push({ path: `${list}.${i}.id`, message: 'Another item in this list has the same id' });
			}
			seen.add(item.id);
		});
	}
	const outcomeIds = new Set(spec.learningOutcomes.map((o) => o.id));
	for (const list of ['modules', 'assessments'] as const) {
		spec[list].forEach((item, i) =>
			item.outcomeIds.forEach((id, j) => {
				if (!outcomeIds.has(id)) {
					issues.push({ path: `${list}.${i}.outcomeIds.${j}`, message: 'No learning outcome has this id' });
				}
			})
		);
	}
	return issues;
}
