import { fieldForIssuePath, type CourseSpec, type FieldKey } from '$lib/course-spec';
import type { ExportFormat } from './types';
import type { FieldRef, Violation } from './validation-types';

// Which spec field a failed rule comes from. Exports are built from the spec by fixed rules, so a
// JSON pointer (OB 3.0), a node id and property (ELM; node ids are fragments such as #outcome-<id>)
// or a spec path leads back to the one field a person has to change. Rules no field answers for
// (the provider profile, the template's placeholders) map to nothing.

type Json = Record<string, unknown>;

export function fieldForViolation(format: ExportFormat, violation: Violation, document: unknown): FieldRef | undefined {
	if (format === 'spec') return specField(violation.path, document as CourseSpec);
	if (format.startsWith('ob3')) return ob3Field(violation.path, document as Json, format === 'ob3CredentialTemplate');
	return elmField(violation);
}

function specField(path: string | undefined, spec: CourseSpec): FieldRef | undefined {
	const found = path ? fieldForIssuePath(path) : null;
	if (!found) return undefined;
	const list = found.field.list;
	const itemId = list && found.itemIndex !== undefined ? (spec[list]?.[found.itemIndex] as { id?: string } | undefined)?.id : undefined;
	return { key: found.field.key, ...(itemId ? { itemId } : {}) };
}

const OB3_FIELDS: [RegExp, FieldKey][] = [
	[/^\/name$/, 'title'],
	[/^\/description$/, 'summary'],
	[/^\/criteria/, 'learningOutcomes'],
	[/^\/(creator|issuer)\/name$/, 'awardingBodyName'],
	[/^\/(creator|issuer)\/address/, 'awardingBodyCountry'],
	[/^\/(creator|issuer)(\/(id|url))?$/, 'awardingBodyWebsite'],
	[/^\/creditsAvailable$/, 'ectsCredits'],
	[/^\/fieldOfStudy$/, 'fieldOfStudy'],
	[/^\/(humanCode|otherIdentifier)/, 'code'],
	[/^\/(inLanguage|related)/, 'languages'],
	[/^\/tag/, 'topics'],
	[/^\/resultDescription/, 'gradingScheme']
];

/** Alignments are told apart by their framework, as ob3.ts writes them. */
const ALIGNMENT_FIELDS: [RegExp, FieldKey][] = [
	[/European Qualifications Framework/, 'eqfLevel'],
	[/Qualifications Dataset Register/, 'nqfLevel'],
	[/ISCED/, 'fieldOfStudy'],
	[/mode of learning/, 'participationForm'],
	[/learning setting/, 'learningSetting'],
	[/assessment types/, 'assessmentType'],
	[/Larger credential/, 'stackabilityPartOfUrl']
];

function ob3Field(path: string | undefined, doc: Json, inCredential: boolean): FieldRef | undefined {
	if (!path) return undefined;
	let pointer = path;
	let achievement = doc;
	if (inCredential) {
		if (pointer === '/name' || pointer === '/description') return { key: pointer === '/name' ? 'title' : 'summary' };
		if (!pointer.startsWith('/credentialSubject/achievement') && !pointer.startsWith('/issuer')) return undefined;
		pointer = pointer.replace(/^\/credentialSubject\/achievement/, '');
		achievement = ((doc.credentialSubject as Json | undefined)?.achievement ?? {}) as Json;
	}
	const alignment = /^\/alignment\/(\d+)/.exec(pointer);
	if (alignment) {
		const entry = (achievement.alignment as Json[] | undefined)?.[Number(alignment[1])];
		const framework = String(entry?.targetFramework ?? '');
		const key = ALIGNMENT_FIELDS.find(([pattern]) => pattern.test(framework))?.[1];
		return key ? { key } : undefined;
	}
	const key = OB3_FIELDS.find(([pattern]) => pattern.test(pointer))?.[1];
	return key ? { key } : undefined;
}

const ELM = 'http://data.europa.eu/snb/model/elm/';

/** The field behind a property of the specification (or learning opportunity) node. */
const SPECIFICATION_PROPERTIES: Record<string, FieldKey> = {
	'http://purl.org/dc/terms/title': 'title',
	'http://purl.org/dc/terms/description': 'summary',
	'http://purl.org/dc/terms/language': 'languages',
	[`${ELM}ISCEDFCode`]: 'fieldOfStudy',
	[`${ELM}EQFLevel`]: 'eqfLevel',
	[`${ELM}educationLevel`]: 'eqfLevel',
	[`${ELM}NQFLevel`]: 'nqfLevel',
	[`${ELM}learningOutcome`]: 'learningOutcomes',
	[`${ELM}volumeOfLearning`]: 'workloadHours',
	[`${ELM}creditPoint`]: 'ectsCredits',
	[`${ELM}mode`]: 'participationForm',
	[`${ELM}learningSetting`]: 'learningSetting',
	[`${ELM}targetGroup`]: 'targetGroupCategories',
	[`${ELM}entryRequirement`]: 'prerequisites',
	[`${ELM}provenBy`]: 'assessments',
	[`${ELM}influencedBy`]: 'modules',
	[`${ELM}awardingOpportunity`]: 'awardingBodyName',
	[`${ELM}isPartialQualification`]: 'stackabilityMode',
	[`${ELM}supplementaryDocument`]: 'stackabilityPartOfUrl',
	[`${ELM}defaultLanguage`]: 'languages',
	'http://www.w3.org/ns/adms#identifier': 'code'
};

/** Nodes that stand for one field whatever property failed. */
const NODE_FIELDS: Record<string, FieldKey> = {
	'credit-point': 'ectsCredits',
	'grading-scheme': 'gradingScheme',
	'entry-requirement': 'prerequisites',
	'quality-assurance': 'qualityAssuranceType',
	supervision: 'supervision',
	stackability: 'stackabilityMode',
	'further-information': 'furtherInformation',
	'larger-credential': 'stackabilityPartOfUrl',
	'course-code': 'code'
};

const ITEM_FIELDS: Record<string, { list: FieldKey; byProperty: Record<string, FieldKey>; otherwise: FieldKey }> = {
	outcome: { list: 'learningOutcomes', byProperty: {}, otherwise: 'outcomeText' },
	module: {
		list: 'modules',
		byProperty: {
			'http://purl.org/dc/terms/description': 'moduleDescription',
			[`${ELM}volumeOfLearning`]: 'moduleHours',
			'http://purl.org/dc/terms/type': 'moduleActivityType'
		},
		otherwise: 'moduleTitle'
	},
	assessment: {
		list: 'assessments',
		byProperty: {
			'http://purl.org/dc/terms/description': 'assessmentDescription',
			'http://purl.org/dc/terms/type': 'assessmentType',
			[`${ELM}gradingScheme`]: 'gradingScheme'
		},
		otherwise: 'assessmentTitle'
	}
};

/** Concept values (a result about the concept node itself) by the scheme their URI belongs to. */
const CONCEPT_FIELDS: [string, FieldKey][] = [
	['http://data.europa.eu/snb/eqf/', 'eqfLevel'],
	['http://data.europa.eu/snb/qdr/', 'nqfLevel'],
	['http://data.europa.eu/snb/isced-f/', 'fieldOfStudy'],
	['http://data.europa.eu/snb/learning-assessment/', 'participationForm'],
	['http://data.europa.eu/snb/learning-setting/', 'learningSetting'],
	['http://data.europa.eu/snb/assessment/', 'assessmentType'],
	['http://data.europa.eu/snb/learning-activity/', 'moduleActivityType'],
	['http://data.europa.eu/snb/target-group/', 'targetGroupCategories'],
	['http://data.europa.eu/snb/accreditation/', 'qualityAssuranceType'],
	['http://publications.europa.eu/resource/authority/language/', 'languages'],
	['http://publications.europa.eu/resource/authority/country/', 'awardingBodyCountry']
];

function elmField(violation: Violation): FieldRef | undefined {
	const node = violation.focusNode ?? '';
	const name = node.includes('#') ? decodeURIComponent(node.slice(node.indexOf('#') + 1)) : '';
	const property = violation.path ?? '';
	if (violation.rule === 'elm:not-a-qualification') return { key: 'nqfLevel' };
	const item = /^(outcome|module|assessment)-(.+)$/.exec(name);
	if (item) {
		const spec = ITEM_FIELDS[item[1]];
		return { key: spec.byProperty[property] ?? spec.otherwise, itemId: item[2] };
	}
	if (name.startsWith('awarding-body')) {
		if (property.endsWith('legalName')) return { key: 'awardingBodyName' };
		if (property.endsWith('homepage') || name.endsWith('-homepage')) return { key: 'awardingBodyWebsite' };
		return { key: 'awardingBodyCountry' };
	}
	if (name in NODE_FIELDS) return { key: NODE_FIELDS[name] };
	if (['qualification', 'specification', 'learning-opportunity'].includes(name)) {
		const key = SPECIFICATION_PROPERTIES[property];
		return key ? { key } : undefined;
	}
	const concept = CONCEPT_FIELDS.find(([prefix]) => node.startsWith(prefix));
	return concept ? { key: concept[1] } : undefined;
}
