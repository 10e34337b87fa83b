import * as v from 'valibot';
import { m } from '$lib/paraglide/messages';
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
// to every version before it is published. Messages are written for the person fixing the field, and
// are functions: valibot words them when an issue arises, in the language of that page or request.

/** BCP 47 in the shape Open Badges' inLanguage accepts: "fi", "en-GB", "zh-Hant-TW". */
const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?$/;
const languageTag = v.pipe(v.string(), v.regex(LANGUAGE_TAG, () => m.schema_language_code()));

const limitedText = (max: number) => v.pipe(v.string(), v.maxLength(max, () => m.schema_at_most_characters({ max })));
const langString = (max: number) => v.record(languageTag, limitedText(max));
const richText = v.record(languageTag, richTextDocSchema);
const nullableText = (max: number) => v.nullable(limitedText(max));

const unique = (values: readonly unknown[]) => new Set(values).size === values.length;

const webAddress = v.nullable(
	v.pipe(
		v.string(),
		v.maxLength(LIMITS.urlLength, () => m.schema_at_most_characters({ max: LIMITS.urlLength })),
		v.regex(/^https?:\/\/[^\s/?#]+\.[^\s]*$/i, () => m.schema_web_address())
	)
);

const concept = (vocabulary: Vocabulary, message: () => string) => v.nullable(v.picklist(conceptUris(vocabulary), message));

/** Whole or with one decimal (2.5 ECTS, 13.5 h); floating-point noise is tolerated. */
const hasOneDecimal = (n: number) => Math.abs(n * 10 - Math.round(n * 10)) < 1e-9;

const quantity = (max: number, negative: () => string, tooMuch: (inputs: { max: number }) => string) =>
	v.nullable(
		v.pipe(
			v.number(() => m.schema_number()),
			v.finite(() => m.schema_number()),
			v.minValue(0, negative),
			v.maxValue(max, () => tooMuch({ max })),
			v.check(hasOneDecimal, () => m.schema_one_decimal())
		)
	);

const itemId = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/, () => m.schema_item_id()));

const outcomeLinks = v.pipe(
	v.array(itemId),
	v.maxLength(LIMITS.items, () => m.schema_at_most_links({ max: LIMITS.items })),
	v.check((values) => unique(values), () => m.schema_outcome_linked_once())
);

const itemList = <T extends v.GenericSchema>(item: T, tooMany: (inputs: { max: number }) => string) =>
	v.pipe(v.array(item), v.maxLength(LIMITS.items, () => tooMany({ max: LIMITS.items })));

export const courseSpecSchema = strict({
	schemaVersion: v.literal(1, () => m.schema_version()),
	title: langString(LIMITS.titleLength),
	code: nullableText(LIMITS.codeLength),
	summary: richText,
	targetGroup: strict({
		text: langString(LIMITS.textLength),
		categories: v.pipe(
			v.array(v.picklist(conceptUris(TARGET_GROUPS), () => m.schema_target_groups())),
			v.check((values) => unique(values), () => m.schema_target_group_once())
		)
	}),
	prerequisites: langString(LIMITS.textLength),
	languages: v.pipe(
		v.array(languageTag),
		v.maxLength(LIMITS.languages, () => m.schema_at_most_languages({ max: LIMITS.languages })),
		v.check((values) => unique(values), () => m.schema_language_once())
	),
	eqfLevel: v.nullable(
		v.picklist([1, 2, 3, 4, 5, 6, 7, 8, EQF_NOT_APPLICABLE], () => m.schema_eqf())
	),
	nqfLevel: nullableText(LIMITS.shortTextLength),
	ectsCredits: quantity(LIMITS.ectsMax, () => m.schema_ects_negative(), m.schema_ects_max),
	workloadHours: quantity(LIMITS.hoursMax, () => m.schema_hours_negative(), m.schema_hours_max),
	participationForm: concept(PARTICIPATION_FORMS, () => m.schema_participation_form()),
	learningSetting: concept(LEARNING_SETTINGS, () => m.schema_learning_setting()),
	topics: v.pipe(
		v.array(v.pipe(v.string(), v.trim(), v.minLength(1, () => m.schema_topic_empty()), v.maxLength(LIMITS.topicLength))),
		v.maxLength(LIMITS.topics, () => m.schema_at_most_topics({ max: LIMITS.topics })),
		v.check((values) => unique(values), () => m.schema_topic_once())
	),
	fieldOfStudy: concept(ISCED_F_FIELDS, () => m.schema_field_of_study()),
	awardingBody: strict({
		name: langString(LIMITS.shortTextLength),
		country: v.nullable(v.pipe(v.string(), v.regex(/^[A-Z]{2}$/, () => m.schema_country_code()))),
		website: webAddress
	}),
	qualityAssurance: strict({
		type: concept(QUALITY_ASSURANCE_TYPES, () => m.schema_quality_assurance()),
		statement: langString(LIMITS.textLength)
	}),
	supervision: v.nullable(v.picklist(SUPERVISION_OPTIONS.map((o) => o.code), () => m.schema_supervision())),
	gradingScheme: langString(LIMITS.textLength),
	stackability: strict({
		mode: v.nullable(v.picklist(['standalone', 'stackable'], () => m.schema_stackability())),
		partOf: langString(LIMITS.shortTextLength),
		partOfUrl: webAddress
	}),
	furtherInformation: langString(LIMITS.textLength),
	learningOutcomes: itemList(strict({ id: itemId, text: langString(LIMITS.outcomeLength) }), m.schema_at_most_outcomes),
	modules: itemList(
		strict({
			id: itemId,
			title: langString(LIMITS.shortTextLength),
			description: richText,
			hours: quantity(LIMITS.hoursMax, () => m.schema_hours_negative(), m.schema_hours_max),
			activityType: concept(LEARNING_ACTIVITY_TYPES, () => m.schema_activity_type()),
			outcomeIds: outcomeLinks
		}),
		m.schema_at_most_modules
	),
	assessments: itemList(
		strict({
			id: itemId,
			title: langString(LIMITS.shortTextLength),
			type: concept(ASSESSMENT_TYPES, () => m.schema_assessment_type()),
			description: richText,
			outcomeIds: outcomeLinks
		}),
		m.schema_at_most_assessments
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
				issues.push({ path: `${list}.${i}.id`, message: m.schema_duplicate_id() });
			}
			seen.add(item.id);
		});
	}
	const outcomeIds = new Set(spec.learningOutcomes.map((o) => o.id));
	for (const list of ['modules', 'assessments'] as const) {
		spec[list].forEach((item, i) =>
			item.outcomeIds.forEach((id, j) => {
				if (!outcomeIds.has(id)) {
					issues.push({ path: `${list}.${i}.outcomeIds.${j}`, message: m.schema_unknown_outcome() });
				}
			})
		);
	}
	return issues;
}
