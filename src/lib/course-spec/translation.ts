import * as Y from 'yjs';
import { FIELDS, type FieldKey } from './fields';
import { cleanText } from './clean-text';
import {
	docPrimaryLanguage,
	ITEM_FIELDS,
	itemId,
	LIST_NAMES,
	listArray,
	RICH_TEXT_FIELDS,
	richTextMap,
	TEXT_FIELDS,
	textMap,
	translationBasisMap,
	type ItemFieldKey,
	type RichTextFieldKey,
	type TextFieldKey,
	type TranslationBasis
} from './layout';
import { richTextToPlain } from './rich-text';
import { readRichText } from './rich-text-yjs';
import type { LangCode, ListName } from './types';

// Translations and the source text they were written against. Each translation (one field instance
// in one non-primary language) may have a basis in the document's `translationBasis` map: the
// primary-language text it was last written or confirmed against. When the source text no longer
// reads the same, the translation is "source changed" until someone edits it or confirms it.
//
// The basis keeps the whole source text rather than only a hash, because people need to see what
// changed (a word diff of the source then vs now); a hash could only say that it did. Rich text is
// compared by its plain text: a change of formatting alone does not ask for a new translation.

/** One translatable field instance: a top-level field, or a field of one list item. */
export interface TranslationUnit {
	/** Stable name, used as the basis key: "title", "summary", "learningOutcomes.<id>.text". */
	ref: string;
	field: FieldKey;
	itemId?: string;
	storage: 'text' | 'richText';
	/** The field's Y.Map<lang, Y.Text | Y.XmlFragment>, when the document has it. */
	// Yjs types are invariant in their event type, so a map of either kind needs `any`.
	entries: Y.Map<any> | null;
}

export type TranslationState =
	/** Neither the source nor the translation has text: nothing to translate. */
	| { kind: 'empty' }
	/** The source has text, the translation has none. */
	| { kind: 'untranslated' }
	/** Translated against the current source, or against an unknown one (nothing to compare with). */
	| { kind: 'current' }
	/** The source reads differently from the text the translation was written against. */
	| { kind: 'sourceChanged'; then: string; now: string };

export interface TranslationProgress {
	lang: LangCode;
	/** Field instances with text in the source or the translation. */
	total: number;
	translated: number;
	sourceChanged: number;
}

const TRANSLATABLE_FIELDS = FIELDS.filter((f) => f.translatable);

/** Every translatable field instance of the document, in form order (items in list order). */
export function translationUnits(doc: Y.Doc): TranslationUnit[] {
	const units: TranslationUnit[] = [];
	for (const field of TRANSLATABLE_FIELDS) {
		if (!field.list) {
			const storage = (RICH_TEXT_FIELDS as readonly string[]).includes(field.key) ? 'richText' : 'text';
			const entries =
				storage === 'text' ? textMap(doc, field.key as TextFieldKey) : richTextMap(doc, field.key as RichTextFieldKey);
			units.push({ ref: field.key, field: field.key, storage, entries });
			continue;
		}
		const { list, key, storage } = ITEM_FIELDS[field.key as ItemFieldKey];
		for (const [id, item] of uniqueItems(doc, list)) {
			const entries = item.get(key);
			units.push({
				ref: `${list}.${id}.${key}`,
				field: field.key,
				itemId: id,
				storage: storage as 'text' | 'richText',
				entries: entries instanceof Y.Map ? entries : null
			});
		}
	}
	return units;
}

/** The unit of one field (of one item, for item fields), or null when it is not translatable. */
export function translationUnit(doc: Y.Doc, field: FieldKey, id?: string): TranslationUnit | null {
	if (!TRANSLATABLE_FIELDS.some((f) => f.key === field)) return null;
	if ((RICH_TEXT_FIELDS as readonly string[]).includes(field)) {
		return { ref: field, field, storage: 'richText', entries: richTextMap(doc, field as RichTextFieldKey) };
	}
	if (!(field in ITEM_FIELDS)) return { ref: field, field, storage: 'text', entries: textMap(doc, field as TextFieldKey) };
	if (!id) return null;
	const { list, key, storage } = ITEM_FIELDS[field as ItemFieldKey];
	return itemUnit(doc, field, list, id, key, storage as 'text' | 'richText');
}

function itemUnit(doc: Y.Doc, field: FieldKey, list: ListName, id: string, key: string, storage: 'text' | 'richText'): TranslationUnit {
	const item = listArray(doc, list)
		.toArray()
		.find((i) => itemId(i) === id);
	const entries = item?.get(key);
	return { ref: `${list}.${id}.${key}`, field, itemId: id, storage, entries: entries instanceof Y.Map ? entries : null };
}

/** The list's items by id, first copy of each (as docToSpec reads them). */
function uniqueItems(doc: Y.Doc, list: ListName): Map<string, Y.Map<unknown>> {
	const items = new Map<string, Y.Map<unknown>>();
	for (const item of listArray(doc, list).toArray()) {
		const id = itemId(item);
		if (id !== null && !items.has(id)) items.set(id, item);
	}
	return items;
}

/** The plain text of a unit in one language ('' when it has none). */
export function unitText(unit: TranslationUnit, lang: LangCode): string {
	const entry = unit.entries?.get(lang);
	if (entry instanceof Y.Text) return cleanText(entry.toString());
	// Cleaning the plain text is enough here (and much cheaper than cleaning the whole document).
	if (entry instanceof Y.XmlFragment) return cleanText(richTextToPlain(readRichText(entry)));
	return '';
}

const basisKey = (ref: string, lang: LangCode) => `${ref}|${lang}`;
// Whitespace at the ends and runs of spaces are no change of meaning.
const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();

export function readBasis(doc: Y.Doc, ref: string, lang: LangCode): TranslationBasis | null {
	const value = translationBasisMap(doc).get(basisKey(ref, lang));
	return value && typeof value === 'object' && typeof value.from === 'string' && typeof value.text === 'string' ? value : null;
}

/** Transaction origin of basis writes, so that they are not taken for a person's edit of a translation. */
export const BASIS_ORIGIN = Symbol('translation-basis');

/** Records that the unit's translation into `lang` is written against the source as it reads now. */
export function recordBasis(doc: Y.Doc, unit: TranslationUnit, lang: LangCode): void {
	const from = docPrimaryLanguage(doc);
	if (lang === from) return;
	const text = unitText(unit, from);
	const current = readBasis(doc, unit.ref, lang);
	if (current && current.from === from && current.text === text) return;
	doc.transact(() => translationBasisMap(doc).set(basisKey(unit.ref, lang), { from, text }), BASIS_ORIGIN);
}

/** Whether the unit's translation into `lang` is missing, current or written against an older source. */
export function translationState(doc: Y.Doc, unit: TranslationUnit, lang: LangCode): TranslationState {
	const from = docPrimaryLanguage(doc);
	return stateAgainst(doc, unit, lang, from, unitText(unit, from));
}

function stateAgainst(doc: Y.Doc, unit: TranslationUnit, lang: LangCode, from: LangCode, source: string): TranslationState {
	const translation = unitText(unit, lang);
	if (normalise(translation) === '') return normalise(source) === '' ? { kind: 'empty' } : { kind: 'untranslated' };
	const basis = readBasis(doc, unit.ref, lang);
	// A basis in another source language says nothing about this source (the primary language changed).
	if (!basis || basis.from !== from || normalise(basis.text) === normalise(source)) return { kind: 'current' };
	return { kind: 'sourceChanged', then: basis.text, now: source };
}

/** How much of the document is translated into `lang`, and how much of that is behind its source. */
export function translationProgress(doc: Y.Doc, lang: LangCode): TranslationProgress {
	return translationProgressOf(doc, [lang])[0];
}

/** translationProgress for several languages, reading each source text once. */
export function translationProgressOf(doc: Y.Doc, langs: readonly LangCode[]): TranslationProgress[] {
	const from = docPrimaryLanguage(doc);
	const progress = langs.map((lang): TranslationProgress => ({ lang, total: 0, translated: 0, sourceChanged: 0 }));
	for (const unit of translationUnits(doc)) {
		const source = unitText(unit, from);
		for (const entry of progress) {
			const state = stateAgainst(doc, unit, entry.lang, from, source);
			if (state.kind === 'empty') continue;
			entry.total++;
			if (state.kind === 'current' || state.kind === 'sourceChanged') entry.translated++;
			if (state.kind === 'sourceChanged') entry.sourceChanged++;
		}
	}
	return progress;
}

/**
 * The translation a changed shared type is (a language's Y.Text or Y.XmlFragment of a translatable
 * field), or null for anything else. Used to record a basis when someone edits a translation.
 */
export function translationOfType(doc: Y.Doc, type: Y.AbstractType<any>): { ref: string; lang: LangCode } | null {
	if (!(type instanceof Y.Text || type instanceof Y.XmlFragment) || type instanceof Y.XmlText) return null;
	const lang = type._item?.parentSub;
	const entries = type._item?.parent;
	if (!lang || !(entries instanceof Y.Map)) return null;
	if (!entries._item) {
		for (const key of [...TEXT_FIELDS, ...RICH_TEXT_FIELDS]) if ((doc.share.get(key) as unknown) === entries) return { ref: key, lang };
		return null;
	}
	const key = entries._item.parentSub;
	const item = entries._item.parent;
	if (!key || !(item instanceof Y.Map)) return null;
	const id = itemId(item);
	const array = item._item?.parent;
	const list = LIST_NAMES.find((name) => (doc.share.get(name) as unknown) === array);
	const isTextKey = Object.values(ITEM_FIELDS).some((f) => f.list === list && f.key === key && (f.storage === 'text' || f.storage === 'richText'));
	return list && id && isTextKey ? { ref: `${list}.${id}.${key}`, lang } : null;
}

/**
 * From now on, a translation this document's own peer edits gets a new basis (the source as it
 * reads then), in a transaction of its own right after the edit. Changes that arrive from others
 * carry their basis with them. Returns the function that stops it.
 */
export function recordBasisOnEdit(doc: Y.Doc, isOwn: (transaction: Y.Transaction) => boolean = (t) => t.local): () => void {
	const onTransaction = (transaction: Y.Transaction) => {
		if (transaction.origin === BASIS_ORIGIN || !isOwn(transaction)) return;
		const primary = docPrimaryLanguage(doc);
		const edited = new Map<string, { ref: string; lang: LangCode }>();
		for (const type of transaction.changedParentTypes.keys()) {
			const translation = translationOfType(doc, type);
			if (translation && translation.lang !== primary) edited.set(basisKey(translation.ref, translation.lang), translation);
		}
		if (edited.size === 0) return;
		const units = new Map(translationUnits(doc).map((u) => [u.ref, u]));
		for (const { ref, lang } of edited.values()) {
			const unit = units.get(ref);
			if (unit) recordBasis(doc, unit, lang);
		}
	};
	doc.on('afterTransaction', onTransaction);
	return () => doc.off('afterTransaction', onTransaction);
}

/** The text of every translation (non-primary language) in the document, by basis key. */
export function translationTexts(doc: Y.Doc): Map<string, string> {
	const primary = docPrimaryLanguage(doc);
	const texts = new Map<string, string>();
	for (const unit of translationUnits(doc)) {
		for (const lang of unit.entries?.keys() ?? []) {
			if (lang !== primary) texts.set(basisKey(unit.ref, lang), unitText(unit, lang));
		}
	}
	return texts;
}

/**
 * After a spec was written into the document (a new course, a restored version): translations it
 * set take the source it set as their basis, since the spec JSON carries no basis and the pair came
 * in together. Translations it left as they were keep theirs, so a restored source whose translation
 * did not change is marked "source changed". `before` is translationTexts from before the write;
 * without it every non-empty translation counts as set.
 */
export function recordBasisOfWrittenTranslations(doc: Y.Doc, before?: Map<string, string>): void {
	const primary = docPrimaryLanguage(doc);
	for (const unit of translationUnits(doc)) {
		for (const lang of unit.entries?.keys() ?? []) {
			if (lang === primary) continue;
			const text = unitText(unit, lang);
			if (text !== '' && before?.get(basisKey(unit.ref, lang)) !== text) recordBasis(doc, unit, lang);
		}
	}
}
