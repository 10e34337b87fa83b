import * as Y from 'yjs';
import type { FieldKey, FieldMeta } from '$lib/course-spec/fields';
import {
	findItem,
	ITEM_FIELDS,
	LIST_NAMES,
	richTextMap,
	RICH_TEXT_FIELDS,
	textMap,
	TEXT_FIELDS,
	type ItemFieldKey,
	type RichTextFieldKey,
	type TextFieldKey
} from '$lib/course-spec/layout';
import { valuesAt } from '$lib/course-spec/rules/field-values';
import type { CourseSpec, LangCode, ListName } from '$lib/course-spec/types';

export type Storage = 'text' | 'richText' | 'meta' | 'topics' | 'list' | 'itemText' | 'itemRichText' | 'itemValue' | 'itemLinks';

/** How a field is kept in the Y.Doc, which decides the control that edits it. */
export function storageOf(key: FieldKey): Storage {
	if ((TEXT_FIELDS as readonly string[]).includes(key)) return 'text';
	if ((RICH_TEXT_FIELDS as readonly string[]).includes(key)) return 'richText';
	if ((LIST_NAMES as readonly string[]).includes(key)) return 'list';
	if (key === 'topics') return 'topics';
	if (key in ITEM_FIELDS) {
		const storage = ITEM_FIELDS[key as ItemFieldKey].storage;
		return storage === 'text' ? 'itemText' : storage === 'richText' ? 'itemRichText' : storage === 'value' ? 'itemValue' : 'itemLinks';
	}
	return 'meta';
}

// Reads never create shared types: a peer creating one concurrently with another would lose
// whatever was typed into the losing copy. Entries are created by the server when a course is made,
// and by the add/addLanguage helpers in the same transaction as the item or language.

export function peekText(doc: Y.Doc, key: FieldKey, lang: LangCode, itemId?: string): Y.Text | null {
	const entry = itemId ? itemMapEntry(doc, key as ItemFieldKey, itemId)?.get(lang) : textMap(doc, key as TextFieldKey).get(lang);
	return entry instanceof Y.Text ? entry : null;
}

export function peekRichText(doc: Y.Doc, key: FieldKey, lang: LangCode, itemId?: string): Y.XmlFragment | null {
	const entry = itemId
		? itemMapEntry(doc, key as ItemFieldKey, itemId)?.get(lang)
		: richTextMap(doc, key as RichTextFieldKey).get(lang);
	return entry instanceof Y.XmlFragment ? entry : null;
}

function itemMapEntry(doc: Y.Doc, key: ItemFieldKey, itemId: string): Y.Map<unknown> | null {
	const { list, key: itemKey } = ITEM_FIELDS[key];
	const nested = findItem(doc, list, itemId)?.item.get(itemKey);
	return nested instanceof Y.Map ? nested : null;
}

/** The current value of a non-text field, from the derived spec. */
export function readValue(spec: CourseSpec, field: FieldMeta, itemId?: string): unknown {
	if (!itemId) return valuesAt(spec, field.path)[0];
	const { list, key } = ITEM_FIELDS[field.key as ItemFieldKey];
	const item = (spec[list as ListName] as unknown as Record<string, unknown>[]).find((i) => i.id === itemId);
	return item?.[key];
}
