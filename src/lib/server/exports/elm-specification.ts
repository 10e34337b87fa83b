import {
	ASSESSMENT_TYPES,
	LEARNING_ACTIVITY_TYPES,
	LEARNING_SETTINGS,
	PARTICIPATION_FORMS,
	QUALITY_ASSURANCE_TYPES,
	TARGET_GROUPS,
	primaryLanguage,
	safeHref,
	type CourseSpec
} from '$lib/course-spec';
import {
	ECTS,
	SHORT_LEARNING_PROGRAMME,
	eqfConcept,
	iscedConcept,
	nqfConcept,
	supervisionConcept,
	supervisionLabel,
	vocabularyConcept
} from './concepts';
import { compact, languageConcepts, node, note, organisation, webResource, type Json } from './elm-parts';
import { assessmentTypeLabel, qualityAssuranceLabel } from './labels';
import { creditString, isoHours, languageMap, nameMap, richLanguageMap } from './text';
import type { ExportInput } from './types';

// Single values where the EBSI EDC schema (ELM 3.2) allows only one (identifier, an assessment's dcType);
// JSON-LD reads one value and a one-item array alike, so the SHACL checks see the same graph.
//
// The spec as an ELM learning achievement specification: a Qualification when it has the levels the
// LOQ profile requires of one (exactly one EQF level and a national level from the QDR register),
// otherwise a LearningAchievementSpecification, which ELM allows without a level (standards README e).

function isQualification(spec: CourseSpec): boolean {
	return typeof spec.eqfLevel === 'number' && nqfConcept(spec.nqfLevel) !== undefined;
}

function specificationId(input: ExportInput): string {
	return new URL(`#${isQualification(input.spec) ? 'qualification' : 'specification'}`, input.urls.version).href;
}

export function buildSpecification(input: ExportInput): Json {
	const { spec, urls } = input;
	const base = urls.version;
	const qualification = isQualification(spec);
	const id = specificationId(input);
	const eqf = typeof spec.eqfLevel === 'number' ? eqfConcept(spec.eqfLevel) : undefined;
	const field = iscedConcept(spec.fieldOfStudy);
	const pathways = input.partOf?.pathways ?? [];
	const partOfUrl = spec.stackability.mode === 'stackable' ? safeHref(spec.stackability.partOfUrl) : null;
	// A Qualification may be part of a Qualification only (LOQ shapes); a specification without levels of either.
	const partOf = pathways
		.map((p) => p.reference)
		.filter((r): r is Json => r !== undefined && (!qualification || r.type === 'Qualification'));
	const partial = spec.stackability.mode === 'stackable' || partOf.length > 0;
	const grading = languageMap(spec.gradingScheme);
	const gradingScheme = grading ? node(base, 'grading-scheme', 'GradingScheme', { title: grading }) : undefined;
	return compact({
		id,
		type: qualification ? 'Qualification' : 'LearningAchievementSpecification',
		title: languageMap(spec.title),
		description: richLanguageMap(spec.summary),
		dcType: [SHORT_LEARNING_PROGRAMME],
		identifier: spec.code ? node(base, 'course-code', 'Identifier', { notation: spec.code, schemeName: 'Course code' }) : undefined,
		homepage: [webResource(base, 'homepage', urls.version)],
		supplementaryDocument: [
			partOfUrl ? webResource(base, 'larger-credential', partOfUrl, spec.stackability.partOf) : undefined,
			...pathways.map((p, i) => {
				const url = safeHref(p.url);
				return url ? webResource(base, `pathway-${i + 1}`, url, p.title) : undefined;
			})
		],
		thematicArea: field ? [{ id: field.id, type: field.type, inScheme: field.inScheme, prefLabel: field.prefLabel }] : undefined,
		...(qualification ? { eqfLevel: eqf, nqfLevel: [nqfConcept(spec.nqfLevel)] } : { educationLevel: eqf ? [eqf] : undefined }),
		volumeOfLearning: spec.workloadHours !== null ? isoHours(spec.workloadHours) : undefined,
		creditPoint:
			spec.ectsCredits !== null
				? [node(base, 'credit-point', 'CreditPoint', { framework: ECTS, point: creditString(spec.ectsCredits) })]
				: undefined,
		language: languageConcepts(spec),
		mode: [vocabularyConcept(PARTICIPATION_FORMS, spec.participationForm)],
		learningSetting: vocabularyConcept(LEARNING_SETTINGS, spec.learningSetting),
		targetGroup: spec.targetGroup.categories.map((uri) => vocabularyConcept(TARGET_GROUPS, uri)),
		entryRequirement: note(base, 'entry-requirement', languageMap(spec.prerequisites)),
		learningOutcome: spec.learningOutcomes.map((o) =>
			compact(node(base, `outcome-${o.id}`, 'LearningOutcome', { title: languageMap(o.text) }))
		),
		influencedBy: spec.modules.map((m) =>
			compact(
				node(base, `module-${m.id}`, 'LearningActivitySpecification', {
					title: languageMap(m.title),
					description: richLanguageMap(m.description),
					volumeOfLearning: m.hours !== null ? isoHours(m.hours) : undefined,
					dcType: [vocabularyConcept(LEARNING_ACTIVITY_TYPES, m.activityType)]
				})
			)
		),
		provenBy: spec.assessments.map((a) =>
			compact(
				node(base, `assessment-${a.id}`, 'LearningAssessmentSpecification', {
					// ELM requires a title; an untitled assessment is named by its type rather than left invalid.
					title: languageMap(a.title) ?? (assessmentTypeLabel(a.type) ? { en: assessmentTypeLabel(a.type)! } : undefined),
					description: richLanguageMap(a.description),
					dcType: vocabularyConcept(ASSESSMENT_TYPES, a.type),
					gradingScheme
				})
			)
		),
		awardingOpportunity: [
			node(base, 'awarding-opportunity', 'AwardingOpportunity', {
				awardingBody: [awardingBody(input)],
				// A reference back to the specification; the EBSI schema wants it as a node, not a bare IRI.
				learningAchievementSpecification: { id, type: qualification ? 'Qualification' : 'LearningAchievementSpecification', title: languageMap(spec.title) }
			})
		],
		additionalNote: additionalNotes(input),
		isPartOf: partOf,
		...(qualification && (spec.stackability.mode || partial) ? { isPartialQualification: partial } : {})
	});
}

export function awardingBody(input: ExportInput): Json {
	const { spec, provider } = input;
	const primary = primaryLanguage(spec);
	return organisation(input.urls.version, 'awarding-body', {
		legalName: languageMap(spec.awardingBody.name) ?? nameMap(provider.name, primary),
		country: spec.awardingBody.country,
		website: spec.awardingBody.website
	});
}

/**
 * What ELM has no property for at specification level goes into notes, each tagged with its concept
 * where the EU has one: quality assurance (an Accreditation would need the accrediting agency, which
 * the spec does not name), supervision and ID verification, stackability and further information.
 */
function additionalNotes(input: ExportInput): (Json | undefined)[] {
	const { spec, urls } = input;
	const base = urls.version;
	const qa = vocabularyConcept(QUALITY_ASSURANCE_TYPES, spec.qualityAssurance.type);
	const qaText = languageMap(spec.qualityAssurance.statement) ?? (qa ? { en: qualityAssuranceLabel(spec.qualityAssurance.type)! } : undefined);
	const supervision = supervisionLabel(spec.supervision);
	const partOf = languageMap(spec.stackability.partOf);
	const stackability =
		spec.stackability.mode === 'standalone'
			? { en: 'Stand-alone micro-credential.' }
			: spec.stackability.mode === 'stackable'
				? Object.fromEntries(
						Object.entries(partOf ?? { en: '' }).map(([lang, text]) => [lang, `Stackable${text ? ` towards ${text}` : ''}.`])
					)
				: undefined;
	return [
		note(base, 'quality-assurance', qaText, qa),
		note(base, 'supervision', supervision ? { en: supervision } : undefined, supervisionConcept(spec.supervision)),
		note(base, 'stackability', stackability),
		note(base, 'further-information', languageMap(spec.furtherInformation))
	];
}
