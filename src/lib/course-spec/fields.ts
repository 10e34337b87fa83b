import type { EuElementCode } from './eu-elements';
import { ITEM_FIELDS, RICH_TEXT_FIELDS, TEXT_FIELDS, type ItemFieldKey, type MetaKey } from './layout';
import type { RichTextFieldKey, TextFieldKey } from './layout';
import { LIMITS } from './limits';
import type { ListName } from './types';
import { EQF_NOT_APPLICABLE } from './types';
import { SUPERVISION_OPTIONS, VOCABULARIES, type Labels, type VocabularyKey } from './vocabularies';

// Every field of the spec as the editor renders it and the checks refer to it. The key doubles as
// the DOM anchor (fieldAnchor) and as the presence "field" peers see. `required` marks the EU
// mandatory elements; fields sharing one element are alternatives (M7: ECTS or hours).

export type FieldKey = MetaKey | TextFieldKey | RichTextFieldKey | ItemFieldKey | ListName | 'topics';
export type Section = 'overview' | 'outcomes' | 'modules' | 'assessment' | 'credential';
export type FieldKind =
	| 'text' // one line
	| 'multiline' // plain text, several lines
	| 'richtext'
	| 'number'
	| 'select'
	| 'multiselect'
	| 'tags' // free tags
	| 'url'
	| 'list' // a list of items (outcomes, modules, assessments)
	| 'outcomeLinks'; // checkboxes of the course's outcomes

export interface FieldOption {
	value: string | number;
	label: Labels;
}

export interface FieldMeta {
	key: FieldKey;
	section: Section;
	label: string;
	help: string;
	kind: FieldKind;
	/** Kept per language (Y.Map<lang, …> in the document, LangString/RichText in the spec). */
	translatable: boolean;
	/** Dot path in the spec JSON; "*" stands for the item index. */
	path: string;
	/** The list whose items carry this field. */
	list?: ListName;
	vocabulary?: VocabularyKey;
	options?: readonly FieldOption[];
	euElement?: EuElementCode;
	/** An EU mandatory element: the completeness check counts it. */
	required: boolean;
	maxLength?: number;
	min?: number;
	max?: number;
	unit?: string;
}

type FieldSpec = Omit<FieldMeta, 'key' | 'translatable' | 'path' | 'list' | 'required' | 'options'> & {
	path?: string;
	required?: boolean;
};

const fromVocabulary = (key: keyof typeof VOCABULARIES, value: 'uri' | 'code' = 'uri'): FieldOption[] =>
	VOCABULARIES[key].concepts.map((c) => ({ value: value === 'uri' ? c.uri : (c.code ?? c.uri), label: c.label }));

const OPTIONS: Partial<Record<FieldKey, readonly FieldOption[]>> = {
	eqfLevel: [
		...fromVocabulary('eqfLevel', 'code').map((o) => ({ ...o, value: Number(o.value) })),
		{ value: EQF_NOT_APPLICABLE, label: { en: 'Not applicable' } }
	],
	languages: fromVocabulary('language', 'code'),
	participationForm: fromVocabulary('participationForm'),
	learningSetting: fromVocabulary('learningSetting'),
	fieldOfStudy: fromVocabulary('fieldOfStudy'),
	targetGroupCategories: fromVocabulary('targetGroup'),
	awardingBodyCountry: fromVocabulary('country', 'code'),
	qualityAssuranceType: fromVocabulary('qualityAssuranceType'),
	supervision: SUPERVISION_OPTIONS.map((o) => ({ value: o.code, label: o.label })),
	stackabilityMode: [
		{ value: 'standalone', label: { en: 'Stand-alone' } },
		{ value: 'stackable', label: { en: 'Stackable towards a larger credential' } }
	],
	moduleActivityType: fromVocabulary('learningActivityType'),
	assessmentType: fromVocabulary('assessmentType')
};

// In form order within each section.
const SPECS: Record<FieldKey, FieldSpec> = {
	title: { section: 'overview', kind: 'text', label: 'Title', help: 'The name learners and employers will see on the credential.', euElement: 'M2', required: true, maxLength: LIMITS.titleLength },
	code: { section: 'overview', kind: 'text', label: 'Course code', help: "Your institution's code for the course, if it has one.", maxLength: LIMITS.codeLength },
	summary: { section: 'overview', kind: 'richtext', label: 'Summary', help: 'What the course is about and why it is worth taking, in a few sentences.', euElement: 'O5', maxLength: LIMITS.richTextLength },
	languages: { section: 'overview', kind: 'multiselect', label: 'Languages of instruction', help: 'The first language is the main one: the completeness check reads texts in it.', vocabulary: 'language' },
	targetGroup: { section: 'overview', kind: 'multiline', label: 'Target group', help: 'Who the course is for: their background, work and needs.', maxLength: LIMITS.textLength },
	targetGroupCategories: { section: 'overview', kind: 'multiselect', label: 'Target group categories', help: 'Optional categories from the EU list, used by catalogues for filtering.', vocabulary: 'targetGroup', path: 'targetGroup.categories' },
	prerequisites: { section: 'overview', kind: 'multiline', label: 'Prerequisites', help: 'What learners need to know or have done before enrolling; leave empty if nothing.', euElement: 'O1', maxLength: LIMITS.textLength },
	topics: { section: 'overview', kind: 'tags', label: 'Topics', help: 'Keywords that help people find the course.', maxLength: LIMITS.topicLength },
	fieldOfStudy: { section: 'overview', kind: 'select', label: 'Field of study', help: 'The ISCED-F field of education the course belongs to.', vocabulary: 'fieldOfStudy' },
	eqfLevel: { section: 'overview', kind: 'select', label: 'EQF level', help: 'The level of the learning on the European Qualifications Framework; choose "not applicable" if none applies.', vocabulary: 'eqfLevel', euElement: 'M8', required: true },
	nqfLevel: { section: 'overview', kind: 'text', label: 'National level (NQF)', help: 'The level in your national framework, e.g. "FiNQF 6".', maxLength: LIMITS.shortTextLength },
	ectsCredits: { section: 'overview', kind: 'number', label: 'ECTS credits', help: 'The credits the course is worth (micro-credentials are usually 1–59 ECTS).', euElement: 'M7', required: true, min: 0, max: LIMITS.ectsMax, unit: 'ECTS' },
	workloadHours: { section: 'overview', kind: 'number', label: 'Workload', help: 'The notional hours a typical learner needs to achieve the outcomes, all work included.', euElement: 'M7', required: true, min: 0, max: LIMITS.hoursMax, unit: 'h' },
	participationForm: { section: 'overview', kind: 'select', label: 'Form of participation', help: 'How learners take part: online, on site, blended, at work…', vocabulary: 'participationForm', euElement: 'M10', required: true },
	learningSetting: { section: 'overview', kind: 'select', label: 'Learning setting', help: 'Formal learning leads to a recognised qualification or credit; non-formal does not.', vocabulary: 'learningSetting' },
	learningOutcomes: { section: 'outcomes', kind: 'list', label: 'Learning outcomes', help: 'What a learner can do after the course, one outcome per item.', euElement: 'M6' },
	outcomeText: { section: 'outcomes', kind: 'multiline', label: 'Learning outcome', help: 'Start with an observable verb: "Compare materials by their life-cycle impact."', euElement: 'M6', required: true, maxLength: LIMITS.outcomeLength },
	modules: { section: 'modules', kind: 'list', label: 'Modules', help: 'The parts of the course and the work they involve.' },
	moduleTitle: { section: 'modules', kind: 'text', label: 'Module title', help: 'A short name for the module.', maxLength: LIMITS.shortTextLength },
	moduleDescription: { section: 'modules', kind: 'richtext', label: 'Description', help: 'Content, activities and materials.', maxLength: LIMITS.richTextLength },
	moduleHours: { section: 'modules', kind: 'number', label: 'Hours', help: 'Notional hours of learner work in this module.', min: 0, max: LIMITS.hoursMax, unit: 'h' },
	moduleActivityType: { section: 'modules', kind: 'select', label: 'Activity type', help: 'The main kind of learning activity.', vocabulary: 'learningActivityType' },
	moduleOutcomes: { section: 'modules', kind: 'outcomeLinks', label: 'Outcomes addressed', help: 'The learning outcomes this module works towards.' },
	assessments: { section: 'assessment', kind: 'list', label: 'Assessments', help: 'How learners show they have achieved the outcomes.', euElement: 'M9' },
	assessmentTitle: { section: 'assessment', kind: 'text', label: 'Assessment title', help: 'A short name, e.g. "Final project".', maxLength: LIMITS.shortTextLength },
	assessmentType: { section: 'assessment', kind: 'select', label: 'Type of assessment', help: 'The kind of assessment, from the EU list.', vocabulary: 'assessmentType', euElement: 'M9', required: true },
	assessmentDescription: { section: 'assessment', kind: 'richtext', label: 'Description', help: 'What learners do and how it is judged.', maxLength: LIMITS.richTextLength },
	assessmentOutcomes: { section: 'assessment', kind: 'outcomeLinks', label: 'Outcomes assessed', help: 'The learning outcomes this assessment shows.' },
	supervision: { section: 'assessment', kind: 'select', label: 'Supervision and ID verification', help: 'Whether assessment is supervised and the learner’s identity checked.', vocabulary: 'supervision', euElement: 'O2' },
	gradingScheme: { section: 'assessment', kind: 'multiline', label: 'Grading scheme', help: 'E.g. "Pass/fail" or "0–5, where 1 is a pass".', maxLength: LIMITS.textLength },
	awardingBodyName: { section: 'credential', kind: 'text', label: 'Awarding body', help: 'The organisation that awards the credential.', euElement: 'M4', required: true, path: 'awardingBody.name', maxLength: LIMITS.shortTextLength },
	awardingBodyCountry: { section: 'credential', kind: 'select', label: 'Country', help: "The awarding body's country.", vocabulary: 'country', euElement: 'M3', required: true, path: 'awardingBody.country' },
	awardingBodyWebsite: { section: 'credential', kind: 'url', label: 'Website', help: "The awarding body's web address.", path: 'awardingBody.website', maxLength: LIMITS.urlLength },
	qualityAssuranceType: { section: 'credential', kind: 'select', label: 'Type of quality assurance', help: 'The quality assurance or accreditation behind the credential.', vocabulary: 'qualityAssuranceType', euElement: 'M11', required: true, path: 'qualityAssurance.type' },
	qualityAssuranceStatement: { section: 'credential', kind: 'multiline', label: 'Quality assurance statement', help: 'How quality is assured, with a link to the published procedure if there is one.', path: 'qualityAssurance.statement', maxLength: LIMITS.textLength },
	stackabilityMode: { section: 'credential', kind: 'select', label: 'Stackability', help: 'Whether the credential stands alone or counts towards a larger one.', euElement: 'O4', path: 'stackability.mode' },
	stackabilityPartOf: { section: 'credential', kind: 'text', label: 'Part of', help: 'The larger credential or programme it stacks towards.', euElement: 'O4', path: 'stackability.partOf', maxLength: LIMITS.shortTextLength },
	stackabilityPartOfUrl: { section: 'credential', kind: 'url', label: 'Link to the larger credential', help: 'A web page describing it.', path: 'stackability.partOfUrl', maxLength: LIMITS.urlLength },
	furtherInformation: { section: 'credential', kind: 'multiline', label: 'Further information', help: 'Anything else learners or issuers should know.', euElement: 'O5', maxLength: LIMITS.textLength }
};

const TRANSLATABLE = new Set<string>([
	...TEXT_FIELDS,
	...RICH_TEXT_FIELDS,
	...Object.entries(ITEM_FIELDS)
		.filter(([, f]) => f.storage === 'text' || f.storage === 'richText')
		.map(([key]) => key)
]);

function itemField(key: FieldKey) {
	return key in ITEM_FIELDS ? ITEM_FIELDS[key as ItemFieldKey] : undefined;
}

/** All fields, in form order. */
export const FIELDS: readonly FieldMeta[] = Object.entries(SPECS).map(([key, spec]) => {
	const item = itemField(key as FieldKey);
	return {
		...spec,
		key: key as FieldKey,
		translatable: TRANSLATABLE.has(key),
		path: item ? `${item.list}.*.${item.key}` : (spec.path ?? key),
		...(item ? { list: item.list } : {}),
		...(OPTIONS[key as FieldKey] ? { options: OPTIONS[key as FieldKey] } : {}),
		required: spec.required ?? false
	};
});

const BY_KEY = new Map(FIELDS.map((f) => [f.key, f]));

export function getField(key: FieldKey): FieldMeta {
	return BY_KEY.get(key) as FieldMeta;
}

/** The DOM id of a field's input: `field-ectsCredits`, or `field-outcomeText-<itemId>` in a list. */
export function fieldAnchor(key: FieldKey, itemId?: string): string {
	return itemId ? `field-${key}-${itemId}` : `field-${key}`;
}

/**
 * The field a validation issue belongs to, so the message can be shown next to it:
 * "modules.2.hours" → moduleHours of the item at index 2; "title.fi" → title.
 */
export function fieldForIssuePath(path: string): { field: FieldMeta; itemIndex?: number } | null {
	const segments = path.split('.');
	const itemIndex = segments.length > 1 && /^\d+$/.test(segments[1]) ? Number(segments[1]) : undefined;
	const normalised = itemIndex === undefined ? segments : [segments[0], '*', ...segments.slice(2)];
	let best: FieldMeta | null = null;
	for (const field of FIELDS) {
		const fieldPath = field.path.split('.');
		const matches = fieldPath.every((s, i) => normalised[i] === s);
		if (matches && fieldPath.length > (best?.path.split('.').length ?? 0)) best = field;
	}
	if (!best) return null;
	return best.list || best.kind === 'list' ? { field: best, itemIndex } : { field: best };
}
