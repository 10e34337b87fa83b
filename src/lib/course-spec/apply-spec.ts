import * as Y from 'yjs';
import { insertItem, specMeta, specTexts, type ItemData } from './doc';
import {
	ensureItemMap,
	ensureLangEntry,
	ensureLanguageEntries,
	ITEM_FIELDS,
	itemId,
	LIST_NAMES,
	listArray,
	metaMap,
	replaceText,
	richTextMap,
	textMap,
	topicsArray,
	type ListItem,
	type MetaKey,
	type TextFieldKey
} from './layout';
import { isRichTextEmpty } from './rich-text';
import { readRichText, toYNodes, writeRichText } from './rich-text-yjs';
import { commonSubsequence, sameJson } from './sequence';
import { recordBasisOfWrittenTranslations, translationTexts } from './translation';
import type { CourseSpec, LangString, ListName, RichText, RichTextBlock, RichTextDoc } from './types';

// Makes a live document say what a spec says while touching only what differs, so that people
// editing it at the same moment keep their work (restoring a version runs this on the live room).
// specToDoc, by contrast, rebuilds every list and rich text and is only for fresh documents.
//
// - scalars are set only when their value differs;
// - plain texts go through replaceText, which changes only the differing middle, so a peer's caret
//   and what they type elsewhere in the text survive;
// - rich text keeps its unchanged leading and trailing blocks and rewrites only those between;
// - list items are matched by id: kept items are updated in place (never re-created, so typing in
//   them merges), missing ones deleted, new ones inserted, and the order is fixed by moving only the
//   items outside the longest common subsequence of ids. A move is a delete and an insert in Yjs 13
//   (see moveItem), so typing in a moved item at that moment is lost: only items that must move do;
// - outcome links and topics are reconciled as sequences of ids: links that stay are not touched,
//   so a link a peer toggles concurrently is kept or removed as they meant;
// - translations the spec changes take its source as their basis (see translation.ts); the others
//   keep theirs, so a source restored under an unchanged translation shows as "source changed".

/** Writes `spec` into `doc` in one transaction, changing only what differs. */
export function applySpec(doc: Y.Doc, spec: CourseSpec): void {
	const translationsBefore = translationTexts(doc);
	doc.transact(() => {
		const meta = metaMap(doc);
		for (const [key, value] of Object.entries(specMeta(spec))) {
			if (!sameJson(meta.get(key as MetaKey), value)) meta.set(key, value);
		}
		for (const [key, value] of Object.entries(specTexts(spec))) updateLangString(textMap(doc, key as TextFieldKey), value);
		updateRichTexts(richTextMap(doc, 'summary'), spec.summary);
		reconcileValues(topicsArray(doc), spec.topics);
		for (const list of LIST_NAMES) reconcileList(doc, list, spec[list] as unknown as ItemData[]);
		ensureLanguageEntries(doc, spec.languages);
		recordBasisOfWrittenTranslations(doc, translationsBefore);
	});
}

// Languages the spec lacks are emptied rather than removed, so that editors bound to them stay bound.
function updateLangString(map: Y.Map<Y.Text>, value: LangString): void {
	for (const [lang, text] of map.entries()) {
		if (!(lang in value) && text instanceof Y.Text) replaceText(text, '');
	}
	for (const [lang, text] of Object.entries(value)) replaceText(ensureLangEntry(map, lang, Y.Text), text);
}

function updateRichTexts(map: Y.Map<Y.XmlFragment>, value: RichText): void {
	for (const [lang, fragment] of map.entries()) {
		if (lang in value || !(fragment instanceof Y.XmlFragment)) continue;
		if (!isRichTextEmpty(readRichText(fragment))) fragment.delete(0, fragment.length);
	}
	for (const [lang, target] of Object.entries(value)) updateRichText(ensureLangEntry(map, lang, Y.XmlFragment), target);
}

function updateRichText(fragment: Y.XmlFragment, target: RichTextDoc): void {
	const wanted: RichTextBlock[] = target.content ?? [];
	// Each top-level element reads as exactly one block; anything else (text at the top level, which
	// Tiptap never writes) breaks that alignment, so the fragment is rewritten whole.
	if (!fragment.toArray().every((child) => child instanceof Y.XmlElement)) {
		writeRichText(fragment, target);
		return;
	}
	const current = readRichText(fragment).content ?? [];
	let start = 0;
	while (start < current.length && start < wanted.length && sameJson(current[start], wanted[start])) start++;
	let end = 0;
	while (
		end < current.length - start &&
		end < wanted.length - start &&
		sameJson(current[current.length - 1 - end], wanted[wanted.length - 1 - end])
	) {
		end++;
	}
	const removed = current.length - start - end;
	const inserted = wanted.slice(start, wanted.length - end);
	if (removed > 0) fragment.delete(start, removed);
	if (inserted.length > 0) fragment.insert(start, toYNodes(inserted as Parameters<typeof toYNodes>[0]));
}

/** Turns a Y.Array of plain values into `target`, removing and inserting only what is not common. */
function reconcileValues(array: Y.Array<string>, target: readonly string[]): void {
	const current = array.toArray();
	const common = commonSubsequence(current, target);
	const keptCurrent = new Set(common.map(([i]) => i));
	const keptTarget = new Set(common.map(([, j]) => j));
	for (let i = current.length - 1; i >= 0; i--) if (!keptCurrent.has(i)) array.delete(i, 1);
	// The kept values are now in target order; inserting the others at their target index, in
	// increasing order, makes positions 0..j equal to target[0..j] at each step.
	target.forEach((value, j) => {
		if (!keptTarget.has(j)) array.insert(j, [value]);
	});
}

function reconcileList(doc: Y.Doc, list: ListName, target: ItemData[]): void {
	const array = listArray(doc, list);
	const wanted = new Set(target.map((item) => item.id));

	// Items the spec does not have go, and so do malformed items and second copies of an id (left by
	// concurrent moves; docToSpec reads the first copy, so the first is the one that stays).
	const seen = new Set<string>();
	const unwanted = array.toArray().flatMap((item, i) => {
		const id = itemId(item);
		const keep = id !== null && wanted.has(id) && !seen.has(id);
		if (id !== null) seen.add(id);
		return keep ? [] : [i];
	});
	for (const i of unwanted.reverse()) array.delete(i, 1);

	const currentIds = array.toArray().map((item) => itemId(item) as string);
	const targetIds = target.map((item) => item.id);
	const staying = new Set(commonSubsequence(currentIds, targetIds).map(([i]) => currentIds[i]));
	for (let i = currentIds.length - 1; i >= 0; i--) if (!staying.has(currentIds[i])) array.delete(i, 1);

	// As in reconcileValues: the staying items are in target order, so index j is always right.
	target.forEach((data, j) => {
		if (staying.has(data.id)) updateItem(array.get(j), list, data);
		else insertItem(doc, list, j, data);
	});
}

function updateItem(item: ListItem, list: ListName, data: ItemData): void {
	const values = data as unknown as Record<string, unknown>;
	for (const field of Object.values(ITEM_FIELDS)) {
		if (field.list !== list) continue;
		const value = values[field.key];
		switch (field.storage) {
			case 'text':
				updateLangString(ensureItemMap<Y.Text>(item, field.key), value as LangString);
				break;
			case 'richText':
				updateRichTexts(ensureItemMap<Y.XmlFragment>(item, field.key), value as RichText);
				break;
			case 'value':
				if (!sameJson(item.get(field.key) ?? null, value)) item.set(field.key, value);
				break;
			case 'links': {
				const links = item.get(field.key);
				if (links instanceof Y.Array) reconcileValues(links as Y.Array<string>, value as string[]);
				else item.set(field.key, Y.Array.from([...(value as string[])]));
				break;
			}
		}
	}
}
