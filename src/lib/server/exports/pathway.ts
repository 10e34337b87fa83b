import type { EqfLevel, LangCode, LangString } from '$lib/course-spec';
import { canonicalJsonDocument } from '$lib/course-spec/canonical-json';
import { ECTS, eqfConcept, iscedConcept, languageConcept, nqfConcept, type ConceptNode } from './concepts';
import { compact, node, note, organisation, webResource, type Json } from './elm-parts';
import { LOQ_CONTEXT } from './elm-opportunity';
import { buildSpecification } from './elm-specification';
import { creditString, languageMap, nameMap } from './text';
import type { ExportFile, ExportInput, ExportProvider } from './types';
import { fragment } from './urls';

// A stackable pathway in ELM: a Qualification whose parts (hasPart) are its courses' own
// specifications, wrapped in a LearningOpportunity as ELM catalogues take it (the LOQ profile, the
// same shapes as a course's learning opportunity). Courses point back to it with isPartOf.
//
// The LOQ shapes hold a Qualification to exactly one EQF level and at least one national level. A
// pathway has no level of its own in Co-course, so it takes the highest level among its parts (a
// stack is at the level of its most advanced part), and the national levels of the parts at that
// level. When a part is not a Qualification itself (it states no national level), the pathway is a
// LearningAchievementSpecification, which needs no level, as a course is in that case.

export interface PathwayExportInput {
	/** The pathway's public page, https://host/p/<slug>: every node id is a fragment of it. */
	url: string;
	title: LangString;
	description: LangString;
	/** The language the title and description are written in. */
	language: LangCode;
	requirement: { kind: 'all' } | { kind: 'some'; count: number };
	/** What completing the pathway takes in ECTS (the smallest and largest choice; equal for "all"). */
	ects: { min: number; max: number } | null;
	/** Each part's latest published version, in the pathway's order. */
	parts: ExportInput[];
	provider: ExportProvider;
}

type Level = { eqf: ConceptNode; nqf: ConceptNode[] };

function pathwayLevel(parts: Json[], inputs: ExportInput[]): Level | null {
	if (parts.length === 0 || parts.some((p) => p.type !== 'Qualification')) return null;
	const levels = inputs.map((i) => i.spec.eqfLevel).filter((l): l is EqfLevel => typeof l === 'number');
	if (levels.length === 0) return null;
	const top = Math.max(...levels) as EqfLevel;
	const eqf = eqfConcept(top);
	if (!eqf) return null;
	const nqf = uniqueById(inputs.filter((i) => i.spec.eqfLevel === top).map((i) => nqfConcept(i.spec.nqfLevel)));
	return nqf.length > 0 ? { eqf, nqf } : null;
}

function uniqueById<T extends { id: string }>(items: (T | undefined)[]): T[] {
	const seen = new Map<string, T>();
	for (const item of items) if (item && !seen.has(item.id)) seen.set(item.id, item);
	return [...seen.values()].sort((a, b) => a.id.localeCompare(b.id));
}

function requirementNote(input: PathwayExportInput): LangString {
	const count = input.parts.length;
	const credits = input.ects
		? input.ects.min === input.ects.max
			? ` (${creditString(input.ects.min)} ECTS)`
			: ` (${creditString(input.ects.min)}–${creditString(input.ects.max)} ECTS, depending on the parts chosen)`
		: '';
	return input.requirement.kind === 'all'
		? { en: `Completed by completing all ${count} parts${credits}.` }
		: { en: `Completed by completing any ${input.requirement.count} of its ${count} parts${credits}.` };
}

/**
 * The pathway as an ELM node. With `parts`, its hasPart holds each part's full specification (the
 * pathway's own export); without, it is the reference a course's isPartOf carries.
 */
export function buildPathwaySpecification(input: PathwayExportInput, options: { parts: boolean }): Json {
	const base = input.url;
	const partNodes = input.parts.map((p) => buildSpecification(p));
	const level = pathwayLevel(partNodes, input.parts);
	const qualification = level !== null;
	const type = qualification ? 'Qualification' : 'LearningAchievementSpecification';
	const fields = uniqueById(input.parts.map((p) => iscedConcept(p.spec.fieldOfStudy))).map((f) => ({
		id: f.id,
		type: f.type,
		inScheme: f.inScheme,
		prefLabel: f.prefLabel
	}));
	const languages = uniqueById(input.parts.flatMap((p) => p.spec.languages.map(languageConcept)));
	// The outcomes of the parts, under the ids they have in each part's own export (one node each).
	const outcomes = input.parts.flatMap((p) =>
		p.spec.learningOutcomes.flatMap((o) => {
			const title = languageMap(o.text);
			return title ? [node(p.urls.version, `outcome-${o.id}`, 'LearningOutcome', { title })] : [];
		})
	);
	return compact({
		id: fragment(base, qualification ? 'qualification' : 'specification'),
		type,
		title: languageMap(input.title),
		description: languageMap(input.description),
		homepage: [webResource(base, 'homepage', input.url)],
		thematicArea: fields,
		...(level ? { eqfLevel: level.eqf, nqfLevel: level.nqf } : {}),
		creditPoint: input.ects && input.ects.min > 0 ? [node(base, 'credit-point', 'CreditPoint', { framework: ECTS, point: creditString(input.ects.min) })] : undefined,
		language: languages,
		learningOutcome: outcomes,
		hasPart: options.parts ? partNodes : undefined,
		additionalNote: [note(base, 'requirement', requirementNote(input))],
		// The pathway is the larger credential its parts stack towards, not itself a part of one.
		...(qualification ? { isPartialQualification: false } : {})
	});
}

/** The pathway's own export: a LearningOpportunity (LOQ) around the pathway with its parts. */
export function buildPathwayOpportunity(input: PathwayExportInput): Json {
	const base = input.url;
	return compact({
		'@context': LOQ_CONTEXT,
		id: fragment(base, 'learning-opportunity'),
		type: 'LearningOpportunity',
		title: languageMap(input.title),
		description: languageMap(input.description),
		homepage: [webResource(base, 'homepage', input.url)],
		providedBy: [
			organisation(base, 'provider', {
				legalName: nameMap(input.provider.name, input.language),
				country: input.provider.country,
				website: input.provider.website
			})
		],
		defaultLanguage: languageConcept(input.language),
		learningAchievementSpecification: buildPathwaySpecification(input, { parts: true })
	});
}

export function buildPathwayExport(input: PathwayExportInput): ExportFile {
	const slug = new URL(input.url).pathname.split('/').filter(Boolean).at(-1) ?? 'pathway';
	return {
		body: canonicalJsonDocument(buildPathwayOpportunity(input)),
		contentType: 'application/ld+json',
		filename: `${/^[a-z0-9-]+$/.test(slug) ? slug : 'pathway'}.pathway.elm-learning-opportunity.jsonld`
	};
}
