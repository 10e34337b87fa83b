import * as Y from 'yjs';
import { insertItem } from './doc';
import { newItemId } from './ids';
import {
	ensureItemLanguage,
	ensureItemMap,
	ensureLangEntry,
	ensureLanguageEntries,
	findItem,
	ITEM_FIELDS,
	itemId,
	listArray,
	metaMap,
	richTextMap,
	textMap,
	topicsArray,
	type ItemRichTextFieldKey,
	type ItemTextFieldKey,
	type ItemValueFieldKey,
	type MetaKey,
	type MetaValues,
	type RichTextFieldKey,
	type TextFieldKey
} from './layout';
import type { CourseModule, LangCode, LangString, ListName } from './types';

// The edits the editor UI (and tests) make. Each runs in one transaction, so peers see it whole.

/** The Y.Text of a plain translatable field in one language (an item's when itemId is given). */
export function getText(doc: Y.Doc, key: TextFieldKey, lang: LangCode): Y.Text;
export function getText(doc: Y.Doc, key: ItemTextFieldKey, lang: LangCode, itemId: string): Y.Text | null;
export function getText(doc: Y.Doc, key: TextFieldKey | ItemTextFieldKey, lang: LangCode, id?: string): Y.Text | null {
	return doc.transact(() => {
		if (!(key in ITEM_FIELDS)) return ensureLangEntry(textMap(doc, key as TextFieldKey), lang, Y.Text);
		const { list, key: itemKey } = ITEM_FIELDS[key as ItemTextFieldKey];
		const found = id === undefined ? null : findItem(doc, list, id);
		return found ? ensureLangEntry(ensureItemMap<Y.Text>(found.item, itemKey), lang, Y.Text) : null;
	});
}

/** The Y.XmlFragment of a rich-text field in one language, for Tiptap's Collaboration extension. */
export function getRichText(doc: Y.Doc, key: RichTextFieldKey, lang: LangCode): Y.XmlFragment;
export function getRichText(doc: Y.Doc, key: ItemRichTextFieldKey, lang: LangCode, itemId: string): Y.XmlFragment | null;
export function getRichText(
	doc: Y.Doc,
	key: RichTextFieldKey | ItemRichTextFieldKey,
	lang: LangCode,
	id?: string
): Y.XmlFragment | null {
	return doc.transact(() => {
		if (!(key in ITEM_FIELDS)) return ensureLangEntry(richTextMap(doc, key as RichTextFieldKey), lang, Y.XmlFragment);
		const { list, key: itemKey } = ITEM_FIELDS[key as ItemRichTextFieldKey];
		const found = id === undefined ? null : findItem(doc, list, id);
		return found ? ensureLangEntry(ensureItemMap<Y.XmlFragment>(found.item, itemKey), lang, Y.XmlFragment) : null;
	});
}

/** Sets a scalar field (last writer wins). An empty string is stored as null ("not set"). */
export function setMeta<K extends MetaKey>(doc: Y.Doc, key: K, value: MetaValues[K]): void {
	const stored = value === '' ? null : Array.isArray(value) ? [...value] : value;
	doc.transact(() => {
		metaMap(doc).set(key, stored);
		if (key === 'languages') ensureLanguageEntries(doc, stored as LangCode[]);
	});
}

/** Adds a language of instruction and creates its empty texts everywhere, before anyone types. */
export function addLanguage(doc: Y.Doc, lang: LangCode): void {
	const current = metaMap(doc).get('languages');
	const languages = Array.isArray(current) ? (current as LangCode[]) : [];
	if (!languages.includes(lang)) setMeta(doc, 'languages', [...languages, lang]);
	else ensureLanguageEntries(doc, [lang]);
}

/** Sets a scalar of a list item (module hours or activity type, assessment type). */
export function setItemValue(doc: Y.Doc, key: ItemValueFieldKey, id: string, value: string | number | null): void {
	const { list, key: itemKey } = ITEM_FIELDS[key];
	doc.transact(() => findItem(doc, list, id)?.item.set(itemKey, value === '' ? null : value));
}

export function addTopic(doc: Y.Doc, topic: string): void {
	const tag = topic.trim();
	if (tag !== '' && !topicsArray(doc).toArray().includes(tag)) topicsArray(doc).push([tag]);
}

export function removeTopic(doc: Y.Doc, topic: string): void {
	doc.transact(() => {
		const topics = topicsArray(doc);
		// From the end, so indices stay valid; concurrent additions of one tag leave duplicates.
		for (let i = topics.length - 1; i >= 0; i--) if (topics.get(i) === topic) topics.delete(i, 1);
	});
}

function addItem(doc: Y.Doc, list: ListName, data: object, index?: number): string {
	const id = newItemId();
	doc.transact(() => {
		const length = listArray(doc, list).length;
		const at = clampIndex(index ?? length, length);
		insertItem(doc, list, at, { id, ...data });
		const languages = metaMap(doc).get('languages');
		const item = listArray(doc, list).get(at);
		for (const lang of Array.isArray(languages) ? languages : []) ensureItemLanguage(item, list, lang);
	});
	return id;
}

const clampIndex = (index: number, length: number) => Math.max(0, Math.min(Math.trunc(index), length));

/** Adds a learning outcome (at the end unless index is given); returns its new stable id. */
export function addOutcome(doc: Y.Doc, text: LangString = {}, index?: number): string {
	return addItem(doc, 'learningOutcomes', { text }, index);
}

export function addModule(doc: Y.Doc, init: Partial<Omit<CourseModule, 'id'>> = {}, index?: number): string {
	const { title = {}, description = {}, hours = null, activityType = null, outcomeIds = [] } = init;
	return addItem(doc, 'modules', { title, description, hours, activityType, outcomeIds }, index);
}

export function addAssessment(
	doc: Y.Doc,
	init: { title?: LangString; type?: string | null; outcomeIds?: string[] } = {},
	index?: number
): string {
	const { title = {}, type = null, outcomeIds = [] } = init;
	return addItem(doc, 'assessments', { title, type, description: {}, outcomeIds }, index);
}

/**
 * Moves an item to `toIndex` (its position after the move). Yjs 13 cannot move, so this deletes the
 * item and inserts a deep clone with the same id and content, in one transaction. Two consequences:
 * if two peers move the same item concurrently, both clones survive (docToSpec keeps the first copy
 * and the next move or delete of that id removes the others); and text a peer types into the item
 * while it is being moved lands in the deleted original and is lost.
 */
export function moveItem(doc: Y.Doc, list: ListName, id: string, toIndex: number): void {
	doc.transact(() => {
		removeCopies(doc, list, id, 1);
		const found = findItem(doc, list, id);
		if (!found) return;
		const array = listArray(doc, list);
		const target = clampIndex(toIndex, array.length - 1);
		if (target === found.index) return;
		const clone = found.item.clone();
		array.delete(found.index, 1);
		array.insert(target, [clone]);
	});
}

/** Deletes an item (every copy of it); deleting an outcome also removes the links to it. */
export function deleteItem(doc: Y.Doc, list: ListName, id: string): void {
	doc.transact(() => {
		removeCopies(doc, list, id, 0);
		if (list !== 'learningOutcomes') return;
		for (const linking of ['modules', 'assessments'] as const) {
			for (const item of listArray(doc, linking).toArray()) {
				const links = item.get('outcomeIds');
				if (links instanceof Y.Array) removeValue(links, id);
			}
		}
	});
}

/** Links the outcome to the module or assessment, or unlinks it if it was linked. */
export function toggleOutcomeLink(doc: Y.Doc, list: 'modules' | 'assessments', id: string, outcomeId: string): void {
	doc.transact(() => {
		const found = findItem(doc, list, id);
		if (!found) return;
		let links = found.item.get('outcomeIds');
		if (!(links instanceof Y.Array)) {
			links = new Y.Array<string>();
			found.item.set('outcomeIds', links);
		}
		const array = links as Y.Array<string>;
		if (array.toArray().includes(outcomeId)) removeValue(array, outcomeId);
		else array.push([outcomeId]);
	});
}

/** Deletes all copies of the item after the first `keep` ones. */
function removeCopies(doc: Y.Doc, list: ListName, id: string, keep: number): void {
	const array = listArray(doc, list);
	const indices = array
		.toArray()
		.map((item, i) => (itemId(item) === id ? i : -1))
		.filter((i) => i !== -1);
	for (const i of indices.slice(keep).reverse()) array.delete(i, 1);
}

function removeValue<T>(array: Y.Array<T>, value: T): void {
	for (let i = array.length - 1; i >= 0; i--) if (array.get(i) === value) array.delete(i, 1);
}
