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
import { m } from '$lib/paraglide/messages';
import type { Locale } from '$lib/paraglide/runtime';

// Every field of the spec as the editor renders it and the checks refer to it. The key doubles as
// the DOM anchor (fieldAnchor) and as the presence "field" peers see. Labels and help texts are in
// field-definitions.ts; storage (translatable, list) comes from the layout, options from vocabularies.

export type FieldKey = MetaKey | TextFieldKey | RichTextFieldKey | ItemFieldKey | ListName | 'topics';
export type Section = 'overview' | 'outcomes' | 'modules' | 'assessment' | 'credential';

/** A message of the interface, in the current language or the one asked for (a document's own). */
export type Message = (inputs?: Record<string, never>, options?: { locale?: Locale }) => string;

const SECTION_TITLES: Record<Section, Message> = {
	overview: m.spec_section_overview,
	outcomes: m.spec_section_outcomes,
	modules: m.spec_section_modules,
	assessment: m.spec_section_assessment,
	credential: m.spec_section_credential
};

/**
 * The spec's sections in reading order, as the editor and every rendering of a spec title them.
 * `title` is a getter: it reads in the language of whoever reads it, not of the first importer.
 */
export const SECTIONS: readonly { key: Section; title: string }[] = (Object.keys(SECTION_TITLES) as Section[]).map((key) => ({
	key,
	get title() {
		return SECTION_TITLES[key]();
	}
}));

/** A section's title in a given language (a rendering in a document's language rather than the reader's). */
export const sectionTitle = (section: Section, locale?: Locale) => SECTION_TITLES[section]({}, { locale });

const ITEM_PREFIXES: Record<ListName, Message> = {
	learningOutcomes: m.spec_prefix_outcome,
	modules: m.spec_prefix_module,
	assessments: m.spec_prefix_assessment
};

/** How list items are numbered for people: LO1, Module 2, Assessment 1 (getters, as SECTIONS). */
export const ITEM_LABEL_PREFIX: Readonly<Record<ListName, string>> = Object.defineProperties(
	{} as Record<ListName, string>,
	Object.fromEntries(
		(Object.keys(ITEM_PREFIXES) as ListName[]).map((list) => [list, { enumerable: true, get: () => ITEM_PREFIXES[list]() }])
	)
);

/** An item's prefix in a given language. */
export const itemLabelPrefix = (list: ListName, locale?: Locale) => ITEM_PREFIXES[list]({}, { locale });
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
	/** In the current language (a getter); `labelIn` for a document's own language. */
	label: string;
	help: string;
	labelIn(locale: Locale): string;
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
export type FieldDefinition = Omit<FieldMeta, 'key' | 'translatable' | 'path' | 'list' | 'required' | 'options' | 'label' | 'help' | 'labelIn'> & {
	label: Message;
	help: Message;
	/** Dot path in the spec JSON when it differs from the key (never for item fields). */
	path?: string;
	required?: boolean;
};

/** An option of ours (not an EU concept) in every language, in the shape of a vocabulary's labels. */
const messageLabels = (message: Message): Labels => ({
	en: message({}, { locale: 'en' }),
	fi: message({}, { locale: 'fi' }),
	sv: message({}, { locale: 'sv' })
});

const fromVocabulary = (key: keyof typeof VOCABULARIES, value: 'uri' | 'code' = 'uri'): FieldOption[] =>
	VOCABULARIES[key].concepts.map((c) => ({ value: value === 'uri' ? c.uri : (c.code ?? c.uri), label: c.label }));

const OPTIONS: Partial<Record<FieldKey, readonly FieldOption[]>> = {
	eqfLevel: [
		...fromVocabulary('eqfLevel', 'code').map((o) => ({ ...o, value: Number(o.value) })),
		{ value: EQF_NOT_APPLICABLE, label: messageLabels(m.field_option_not_applicable) }
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
		{ value: 'standalone', label: messageLabels(m.field_option_standalone) },
		{ value: 'stackable', label: messageLabels(m.field_option_stackable) }
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
	const { label, help, ...rest } = spec;
	return {
		...rest,
		get label() {
			return label();
		},
		get help() {
			return help();
		},
		labelIn: (locale: Locale) => label({}, { locale }),
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
