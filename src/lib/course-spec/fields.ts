import type { EuElementCode } from './eu-elements';
import { FIELD_DEFINITIONS } from './field-definitions';
import {
	ITEM_FIELDS,
	RICH_TEXT_FIELDS,
	TEXT_FIELDS,
	type ItemFieldKey,
	type MetaKey,
	type RichTextFieldKey,
	type TextFieldKey
} from './layout';
import type { ListName } from './types';
import { EQF_NOT_APPLICABLE } from './types';
import { SUPERVISION_OPTIONS, VOCABULARIES, type Labels, type VocabularyKey } from './vocabularies';

// Every field of the spec as the editor renders it and the checks refer to it. The key doubles as
// the DOM anchor (fieldAnchor) and as the presence "field" peers see. Labels and help texts are in
// field-definitions.ts; storage (translatable, list) comes from the layout, options from vocabularies.

export type FieldKey = MetaKey | TextFieldKey | RichTextFieldKey | ItemFieldKey | ListName | 'topics';
export type Section = 'overview' | 'outcomes' | 'modules' | 'assessment' | 'credential';

/** The spec's sections in reading order, as the editor and every rendering of a spec title them. */
export const SECTIONS: readonly { key: Section; title: string }[] = [
	{ key: 'overview', title: 'Overview' },
	{ key: 'outcomes', title: 'Learning outcomes' },
	{ key: 'modules', title: 'Modules' },
	{ key: 'assessment', title: 'Assessment' },
	{ key: 'credential', title: 'Credential details' }
];

/** How list items are numbered for people: LO1, Module 2, Assessment 1. */
export const ITEM_LABEL_PREFIX: Readonly<Record<ListName, string>> = {
	learningOutcomes: 'LO',
	modules: 'Module ',
	assessments: 'Assessment '
};
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

/** What field-definitions.ts states per field; the rest is derived from the layout and vocabularies. */
export type FieldDefinition = Omit<FieldMeta, 'key' | 'translatable' | 'path' | 'list' | 'required' | 'options'> & {
	/** Dot path in the spec JSON when it differs from the key (never for item fields). */
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
export const FIELDS: readonly FieldMeta[] = Object.entries(FIELD_DEFINITIONS).map(([key, spec]) => {
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

/** The fields a section shows itself; item fields render inside their list. */
export function sectionFields(section: Section): FieldMeta[] {
	return FIELDS.filter((f) => f.section === section && !f.list);
}

/** The fields of one item of a list, in form order. */
export function itemFields(list: ListName): FieldMeta[] {
	return FIELDS.filter((f) => f.list === list);
}

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
