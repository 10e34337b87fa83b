import { ITEM_LABEL_PREFIX, SECTIONS, itemFields, sectionFields, type FieldKey, type FieldMeta, type Section } from './fields';
import { ITEM_FIELDS, type ItemFieldKey } from './layout';
import { primaryLanguage, valuesAt } from './rules/field-values';
import { commonSubsequence, sameJson } from './sequence';
import { diffRichText, diffText, textStatus, type BlockDiff, type ChangeStatus, type Segment } from './text-diff';
import type { CourseSpec, LangCode, LangString, ListName, RichText } from './types';
import { labelIn } from './vocabularies';

export type { BlockDiff, ChangeStatus, Segment } from './text-diff';

// What changed between two specs, field by field, in the editor's sections and order with its
// labels; list items matched by id. Pure and JSON-serialisable, so the history's compare page,
// review and change notes can all render the same result. Vocabulary values are given as their
// labels and numbers with their units, ready to read.

export interface LangTextDiff {
	lang: LangCode;
	status: ChangeStatus;
	segments: Segment[];
}

export interface LangRichTextDiff {
	lang: LangCode;
	status: ChangeStatus;
	blocks: BlockDiff[];
	formattingOnly: boolean;
}

export interface SetEntry {
	value: string;
	label: string;
	status: 'unchanged' | 'added' | 'removed';
}

export type ValueDiff =
	| { kind: 'text'; languages: LangTextDiff[] }
	| { kind: 'richText'; languages: LangRichTextDiff[] }
	/** A text that is not translated (course code, national level): word-level changes. */
	| { kind: 'plain'; segments: Segment[] }
	/** One value (number, choice, web address), shown as before → after. */
	| { kind: 'value'; before: string | null; after: string | null }
	/** Several values (languages, categories, topics, outcome links); order counts only for languages. */
	| { kind: 'set'; entries: SetEntry[]; reordered: boolean }
	| { kind: 'list'; items: ItemDiff[] };

export interface FieldDiff {
	key: FieldKey;
	label: string;
	status: 'unchanged' | 'changed';
	change: ValueDiff;
}

export interface ItemDiff {
	id: string;
	status: ChangeStatus;
	/** Changed place relative to the other items (not just shifted by an insertion or deletion). */
	moved: boolean;
	/** How the editor numbers it: "LO2", "Module 1"; in the older spec and in the newer one. */
	labelBefore: string | null;
	labelAfter: string | null;
	/** Its title (an outcome's text) in the primary language, from the newer spec when it is there. */
	title: string;
	fields: FieldDiff[];
}

export interface SectionDiff {
	key: Section;
	title: string;
	fields: FieldDiff[];
}

export interface SpecDiff {
	sections: SectionDiff[];
	/** Changed fields outside lists plus added, removed, changed or moved items. */
	changes: number;
}

type Labels = Map<string, string>;

interface Context {
	/** Language order for showing translations: the newer spec's languages, then the older one's. */
	languages: LangCode[];
	lang: LangCode;
	/** "LO1"… for each outcome id, from the newer spec, then outcomes only the older one has. */
	outcomeLabels: Labels;
}

/** The changes that turn spec `a` (older) into spec `b` (newer). */
export function diffSpecs(a: CourseSpec, b: CourseSpec): SpecDiff {
	const outcomeLabels: Labels = new Map();
	for (const spec of [b, a]) {
		spec.learningOutcomes.forEach((o, i) => {
			if (!outcomeLabels.has(o.id)) outcomeLabels.set(o.id, `${ITEM_LABEL_PREFIX.learningOutcomes}${i + 1}`);
		});
	}
	const context: Context = {
		languages: [...new Set([...b.languages, ...a.languages])],
		lang: primaryLanguage(b),
		outcomeLabels
	};
	let changes = 0;
	const sections = SECTIONS.map((section) => ({
		key: section.key,
		title: section.title,
		fields: sectionFields(section.key).map((field) => {
			const diff =
				field.kind === 'list'
					? listDiff(field, a[field.key as ListName], b[field.key as ListName], context)
					: fieldDiff(field, valuesAt(a, field.path)[0], valuesAt(b, field.path)[0], context);
			if (diff.change.kind === 'list') changes += diff.change.items.filter((i) => i.status !== 'unchanged' || i.moved).length;
			else if (diff.status === 'changed') changes += 1;
			return diff;
		})
	}));
	return { sections, changes };
}

function fieldDiff(field: FieldMeta, before: unknown, after: unknown, context: Context): FieldDiff {
	const change = valueDiff(field, before, after, context);
	const same =
		change.kind === 'set'
			? !change.reordered && change.entries.every((entry) => entry.status === 'unchanged')
			: sameJson(before ?? null, after ?? null);
	return { key: field.key, label: field.label, status: same ? 'unchanged' : 'changed', change };
}

function valueDiff(field: FieldMeta, before: unknown, after: unknown, context: Context): ValueDiff {
	if (field.translatable && field.kind === 'richtext') {
		const [old, now] = [(before ?? {}) as RichText, (after ?? {}) as RichText];
		return {
			kind: 'richText',
			languages: languagesOf(old, now, context).map((lang) => {
				const { blocks, formattingOnly } = diffRichText(old[lang], now[lang]);
				const status: ChangeStatus = !old[lang] ? 'added' : !now[lang] ? 'removed' : sameJson(old[lang], now[lang]) ? 'unchanged' : 'changed';
				return { lang, status, blocks, formattingOnly };
			})
		};
	}
	if (field.translatable) {
		const [old, now] = [(before ?? {}) as LangString, (after ?? {}) as LangString];
		return {
			kind: 'text',
			languages: languagesOf(old, now, context).map((lang) => {
				const [x, y] = [old[lang] ?? '', now[lang] ?? ''];
				return { lang, status: textStatus(x, y), segments: diffText(x, y) };
			})
		};
	}
	switch (field.kind) {
		case 'multiselect':
		case 'tags':
		case 'outcomeLinks':
			return setDiff(field, asStrings(before), asStrings(after), context);
		case 'text':
		case 'multiline':
			return { kind: 'plain', segments: diffText(typeof before === 'string' ? before : '', typeof after === 'string' ? after : '') };
		default:
			return { kind: 'value', before: shown(field, before), after: shown(field, after) };
	}
}

function languagesOf(a: object, b: object, context: Context): LangCode[] {
	const present = new Set([...Object.keys(a), ...Object.keys(b)]);
	const ordered = context.languages.filter((lang) => present.has(lang));
	return [...ordered, ...[...present].filter((lang) => !ordered.includes(lang)).sort()];
}

const asStrings = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);

function setDiff(field: FieldMeta, before: string[], after: string[], context: Context): ValueDiff {
	const label = (value: string) =>
		field.kind === 'outcomeLinks' ? (context.outcomeLabels.get(value) ?? value) : field.kind === 'tags' ? value : (shown(field, value) ?? value);
	const entries: SetEntry[] = [
		...after.map((value) => ({ value, label: label(value), status: before.includes(value) ? ('unchanged' as const) : ('added' as const) })),
		...before.filter((value) => !after.includes(value)).map((value) => ({ value, label: label(value), status: 'removed' as const }))
	];
	const common = after.filter((value) => before.includes(value));
	// The first language of instruction is the primary one, so their order is part of the value.
	const reordered = field.key === 'languages' && !sameJson(common, before.filter((value) => after.includes(value)));
	return { kind: 'set', entries, reordered };
}

function shown(field: FieldMeta, value: unknown): string | null {
	if (value === null || value === undefined || value === '') return null;
	if (field.kind === 'number') return typeof value === 'number' ? `${value}${field.unit ? ` ${field.unit}` : ''}` : String(value);
	const option = field.options?.find((o) => o.value === value);
	return option ? labelIn(option.label) : String(value);
}

type Item = { id: string } & Record<string, unknown>;

/** The value an item field has on an item that does not exist: added items compare against it. */
const EMPTY_ITEM_VALUE = { text: {}, richText: {}, value: null, links: [] } as const;

function listDiff(field: FieldMeta, before: object[], after: object[], context: Context): FieldDiff {
	const list = field.key as ListName;
	const [a, b] = [before as Item[], after as Item[]];
	const indexIn = (items: Item[]) => new Map(items.map((item, i) => [item.id, i]));
	const [inA, inB] = [indexIn(a), indexIn(b)];
	const commonA = a.filter((item) => inB.has(item.id)).map((item) => item.id);
	const commonB = b.filter((item) => inA.has(item.id)).map((item) => item.id);
	const inOrder = new Set(commonSubsequence(commonA, commonB).map(([i]) => commonA[i]));
	const fields = itemFields(list);

	const itemDiff = (old: Item | undefined, now: Item | undefined): ItemDiff => {
		const id = (now ?? old)!.id;
		const fieldDiffs = fields.map((f) => {
			const { key, storage } = ITEM_FIELDS[f.key as ItemFieldKey];
			const empty = EMPTY_ITEM_VALUE[storage];
			return fieldDiff(f, old ? old[key] : empty, now ? now[key] : empty, context);
		});
		const moved = old !== undefined && now !== undefined && !inOrder.has(id);
		const status: ChangeStatus = !old ? 'added' : !now ? 'removed' : fieldDiffs.some((d) => d.status === 'changed') ? 'changed' : 'unchanged';
		const label = (index: number | undefined) => (index === undefined ? null : `${ITEM_LABEL_PREFIX[list]}${index + 1}`);
		return { id, status, moved, labelBefore: label(inA.get(id)), labelAfter: label(inB.get(id)), title: itemTitle(list, (now ?? old)!, context.lang), fields: fieldDiffs };
	};

	// The newer order, with each removed item placed after the item that preceded it in the older list.
	const items: ItemDiff[] = b.map((item) => itemDiff(a[inA.get(item.id) ?? -1], item));
	a.forEach((item, i) => {
		if (inB.has(item.id)) return;
		const previous = i === 0 ? -1 : items.findIndex((d) => d.id === a[i - 1].id);
		items.splice(previous + 1, 0, itemDiff(item, undefined));
	});
	const status = items.some((d) => d.status !== 'unchanged' || d.moved) ? 'changed' : 'unchanged';
	return { key: field.key, label: field.label, status, change: { kind: 'list', items } };
}

function itemTitle(list: ListName, item: Item, lang: LangCode): string {
	const texts = (list === 'learningOutcomes' ? item.text : item.title) as LangString | undefined;
	return (texts?.[lang] ?? Object.values(texts ?? {})[0] ?? '').trim();
}
