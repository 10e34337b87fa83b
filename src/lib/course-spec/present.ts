import { ITEM_LABEL_PREFIX, SECTIONS, itemFields, sectionFields, type FieldMeta } from './fields';
import { ITEM_FIELDS } from './layout';
import { isRichTextEmpty, richTextToHtml, safeHref } from './rich-text';
import { isAnswered, primaryLanguage, valuesAt } from './rules/field-values';
import type { CourseSpec, LangCode, ListName, RichTextDoc } from './types';
import { labelIn } from './vocabularies';
import { m } from '$lib/paraglide/messages';

// A spec as people read it: every field's label with its value in one language (the primary one
// unless asked), vocabulary values as their labels, rich text as sanitised HTML. Used wherever a spec
// is shown read-only. A text missing in the asked language is shown in the primary language, and the
// field says which language its text is in (`lang`), so pages can mark it.

/** How one field's value reads in the document. */
export type Shown =
	| { kind: 'empty' }
	| { kind: 'text'; text: string; multiline: boolean }
	/** `doc` is the rich text itself, for renderings other than HTML (the PDF). */
	| { kind: 'html'; html: string; doc: RichTextDoc }
	| { kind: 'link'; href: string; text: string }
	| { kind: 'list'; items: string[] }
	| { kind: 'tags'; items: string[] };

const optionLabel = (field: FieldMeta, value: unknown) => {
	const option = field.options?.find((o) => o.value === value);
	return option ? labelIn(option.label) : String(value);
};

function show(field: FieldMeta, value: unknown, lang: LangCode, outcomeLabels: Map<string, string>): Shown {
	if (value === null || value === undefined) return { kind: 'empty' };
	if (field.translatable) {
		const inLang = (value as Record<string, unknown>)[lang];
		if (field.kind === 'richtext') {
			const doc = inLang as RichTextDoc | undefined;
			return isRichTextEmpty(doc) || !doc ? { kind: 'empty' } : { kind: 'html', html: richTextToHtml(doc), doc };
		}
		const text = typeof inLang === 'string' ? inLang.trim() : '';
		return text ? { kind: 'text', text, multiline: field.kind === 'multiline' } : { kind: 'empty' };
	}
	switch (field.kind) {
		case 'number':
			return typeof value === 'number' ? { kind: 'text', text: `${value}${field.unit ? ` ${field.unit}` : ''}`, multiline: false } : { kind: 'empty' };
		case 'select':
			return { kind: 'text', text: optionLabel(field, value), multiline: false };
		case 'multiselect':
		case 'tags':
		case 'outcomeLinks': {
			const values = Array.isArray(value) ? value : [];
			if (values.length === 0) return { kind: 'empty' };
			if (field.kind === 'tags') return { kind: 'tags', items: values.map(String) };
			if (field.kind === 'outcomeLinks') return { kind: 'list', items: values.map((id) => outcomeLabels.get(id) ?? String(id)) };
			const labels = values.map((v) => optionLabel(field, v));
			return labels.length === 1 ? { kind: 'text', text: labels[0], multiline: false } : { kind: 'list', items: labels };
		}
		case 'url': {
			const href = safeHref(value);
			return href ? { kind: 'link', href, text: String(value) } : { kind: 'text', text: String(value), multiline: false };
		}
		default:
			return typeof value === 'string' && value.trim() !== '' ? { kind: 'text', text: value, multiline: false } : { kind: 'empty' };
	}
}

const valueOf = (spec: CourseSpec, field: FieldMeta): unknown => valuesAt(spec, field.path)[0];

/** A text in `lang`, else in `primary`, else empty: the one translation a reader sees. */
const inLanguage = (text: Record<string, string> | undefined, lang: LangCode, primary: LangCode): string =>
	text?.[lang]?.trim() || text?.[primary]?.trim() || '';

/**
 * The spec as sections of labelled values, in the editor's order, read in `lang` (the primary
 * language unless given). `lang` on a field is the language its text is in; absent for other values.
 */
export function presentSpec(spec: CourseSpec, lang: LangCode = primaryLanguage(spec)) {
	const primary = primaryLanguage(spec);
	const textLang = (field: FieldMeta, value: unknown): LangCode | undefined => {
		if (!field.translatable) return undefined;
		if (isAnswered(field, value, lang)) return lang;
		return isAnswered(field, value, primary) ? primary : undefined;
	};
	const present = (field: FieldMeta, value: unknown) => {
		const used = textLang(field, value);
		return { field, shown: show(field, value, used ?? lang, outcomeLabels), lang: used };
	};
	const outcomeLabels = new Map(
		spec.learningOutcomes.map((o, i) => [o.id, `${ITEM_LABEL_PREFIX.learningOutcomes}${i + 1} ${inLanguage(o.text, lang, primary) || m.comments_no_text()}`])
	);
	const titleOf = (list: ListName, item: Record<string, unknown>, i: number) => {
		const title = list === 'learningOutcomes' ? '' : inLanguage(item.title as Record<string, string>, lang, primary);
		return `${ITEM_LABEL_PREFIX[list]}${i + 1}${title ? `: ${title}` : ''}`;
	};
	const titleLang = (list: ListName, item: Record<string, unknown>): LangCode | undefined => {
		if (list === 'learningOutcomes') return undefined;
		const title = item.title as Record<string, string>;
		return title[lang]?.trim() ? lang : title[primary]?.trim() ? primary : undefined;
	};
	return SECTIONS.map((section) => ({
		...section,
		fields: sectionFields(section.key).map((field) => {
			if (field.kind !== 'list') return { ...present(field, valueOf(spec, field)), items: [] };
			const list = field.key as ListName;
			const items = (spec[list] as unknown as Record<string, unknown>[]).map((item, i) => ({
				id: String(item.id),
				title: titleOf(list, item, i),
				titleLang: titleLang(list, item),
				fields: itemFields(list)
					// A module's or assessment's title is its heading already.
					.filter((f) => !(f.key === 'moduleTitle' || f.key === 'assessmentTitle'))
					.map((f) => present(f, item[ITEM_FIELDS[f.key as keyof typeof ITEM_FIELDS].key]))
			}));
			return { field, shown: { kind: 'empty' } as Shown, lang: undefined, items };
		})
	}));
}
