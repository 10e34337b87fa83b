import * as Y from 'yjs';
import { textEdit } from './text-edit';
import type { EqfChoice, LangCode, ListName, StackabilityMode, SupervisionCode } from './types';

// Where each part of a course spec lives in the Yjs document. Top-level shared types are looked up
// by name and can never be replaced by a concurrent peer, so every translatable field gets its own
// top-level map; nested types (a language's text, a list item's parts) must be created by one peer
// before others type into them, which specToDoc, addLanguage and the add* helpers take care of.
//
//   meta                      Y.Map<MetaValues>: scalars, last writer wins
//   <TextFieldKey>            Y.Map<lang, Y.Text>: plain translatable text
//   summary                   Y.Map<lang, Y.XmlFragment>: rich text bound to Tiptap
//   topics                    Y.Array<string>: free tags (concurrent additions merge)
//   learningOutcomes          Y.Array<Y.Map>: { id, text: Y.Map<lang, Y.Text> }
//   modules                   Y.Array<Y.Map>: { id, title: Y.Map<lang, Y.Text>, description:
//                               Y.Map<lang, Y.XmlFragment>, hours, activityType, outcomeIds: Y.Array<string> }
//   assessments               Y.Array<Y.Map>: { id, title, type, description, outcomeIds } (as modules)
//   translationBasis          Y.Map<"<ref>|<lang>", TranslationBasis>: the source text each translation
//                               was written against (see translation.ts); not part of the spec JSON

export const META = 'meta';
export const TOPICS = 'topics';
export const TRANSLATION_BASIS = 'translationBasis';

/** What a translation was last written or confirmed against: the source language and its plain text. */
export interface TranslationBasis {
	from: LangCode;
	text: string;
}

/** Scalar fields kept in `meta`, with the type of each value. */
export interface MetaValues {
	code: string | null;
	languages: LangCode[];
	eqfLevel: EqfChoice;
	nqfLevel: string | null;
	ectsCredits: number | null;
	workloadHours: number | null;
	participationForm: string | null;
	learningSetting: string | null;
	fieldOfStudy: string | null;
	targetGroupCategories: string[];
	awardingBodyCountry: string | null;
	awardingBodyWebsite: string | null;
	qualityAssuranceType: string | null;
	supervision: SupervisionCode | null;
	stackabilityMode: StackabilityMode | null;
	stackabilityPartOfUrl: string | null;
}
export type MetaKey = keyof MetaValues;

export const TEXT_FIELDS = [
	'title',
	'targetGroup',
	'prerequisites',
	'awardingBodyName',
	'qualityAssuranceStatement',
	'gradingScheme',
	'stackabilityPartOf',
	'furtherInformation'
] as const;
export type TextFieldKey = (typeof TEXT_FIELDS)[number];

export const RICH_TEXT_FIELDS = ['summary'] as const;
export type RichTextFieldKey = (typeof RICH_TEXT_FIELDS)[number];

export const LIST_NAMES: readonly ListName[] = ['learningOutcomes', 'modules', 'assessments'];

/** Fields of list items: which list, the key inside the item's Y.Map, and how it is stored. */
export const ITEM_FIELDS = {
	outcomeText: { list: 'learningOutcomes', key: 'text', storage: 'text' },
	moduleTitle: { list: 'modules', key: 'title', storage: 'text' },
	moduleDescription: { list: 'modules', key: 'description', storage: 'richText' },
	moduleHours: { list: 'modules', key: 'hours', storage: 'value' },
	moduleActivityType: { list: 'modules', key: 'activityType', storage: 'value' },
	moduleOutcomes: { list: 'modules', key: 'outcomeIds', storage: 'links' },
	assessmentTitle: { list: 'assessments', key: 'title', storage: 'text' },
	assessmentType: { list: 'assessments', key: 'type', storage: 'value' },
	assessmentDescription: { list: 'assessments', key: 'description', storage: 'richText' },
	assessmentOutcomes: { list: 'assessments', key: 'outcomeIds', storage: 'links' }
} as const satisfies Record<string, { list: ListName; key: string; storage: 'text' | 'richText' | 'value' | 'links' }>;
export type ItemFieldKey = keyof typeof ITEM_FIELDS;
type ItemFieldsStoredAs<S> = { [K in ItemFieldKey]: (typeof ITEM_FIELDS)[K]['storage'] extends S ? K : never }[ItemFieldKey];
export type ItemTextFieldKey = ItemFieldsStoredAs<'text'>;
export type ItemRichTextFieldKey = ItemFieldsStoredAs<'richText'>;
export type ItemValueFieldKey = ItemFieldsStoredAs<'value'>;

/** The keys of a list's items that hold translatable text of one storage kind. */
export function itemTextKeys(list: ListName, storage: 'text' | 'richText'): string[] {
	return Object.values(ITEM_FIELDS)
		.filter((f) => f.list === list && f.storage === storage)
		.map((f) => f.key);
}

export type LangTexts = Y.Map<Y.Text>;
export type LangFragments = Y.Map<Y.XmlFragment>;
export type ListItem = Y.Map<unknown>;

export const metaMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap(META);
export const textMap = (doc: Y.Doc, key: TextFieldKey): LangTexts => doc.getMap(key);
export const richTextMap = (doc: Y.Doc, key: RichTextFieldKey): LangFragments => doc.getMap(key);
export const topicsArray = (doc: Y.Doc): Y.Array<string> => doc.getArray(TOPICS);
export const listArray = (doc: Y.Doc, list: ListName): Y.Array<ListItem> => doc.getArray(list);
export const translationBasisMap = (doc: Y.Doc): Y.Map<TranslationBasis> => doc.getMap(TRANSLATION_BASIS);

/** The document's primary language: the first language of instruction, English if none is set. */
export function docPrimaryLanguage(doc: Y.Doc): LangCode {
	const languages = metaMap(doc).get('languages');
	return Array.isArray(languages) && typeof languages[0] === 'string' ? languages[0] : 'en';
}

/** The item's id, or null for anything that is not a well-formed item. */
export function itemId(item: unknown): string | null {
	if (!(item instanceof Y.Map)) return null;
	const id = item.get('id');
	return typeof id === 'string' && id !== '' ? id : null;
}

/**
 * The first item with this id. Concurrent moves of one item can leave copies (see moveItem);
 * everything reads and edits the first, as docToSpec does.
 */
export function findItem(doc: Y.Doc, list: ListName, id: string): { item: ListItem; index: number } | null {
	const items = listArray(doc, list).toArray();
	const index = items.findIndex((item) => itemId(item) === id);
	return index === -1 ? null : { item: items[index], index };
}

/**
 * The language's entry of a translatable field, created if missing. Creating nested types is the
 * one thing peers must not do concurrently (one creation wins, text typed into the other is lost),
 * so entries are normally made up front for every course language; this is the fallback.
 */
export function ensureLangEntry<T extends Y.Text | Y.XmlFragment>(map: Y.Map<T>, lang: LangCode, Type: new () => T): T {
	const existing = map.get(lang);
	if (existing instanceof Type) return existing;
	const created = new Type();
	map.set(lang, created);
	return created;
}

/** A nested map of an item, created if missing (items made by add* helpers always have them). */
export function ensureItemMap<T extends Y.Text | Y.XmlFragment>(item: ListItem, key: string): Y.Map<T> {
	const existing = item.get(key);
	if (existing instanceof Y.Map) return existing as Y.Map<T>;
	const created = new Y.Map<T>();
	item.set(key, created);
	return created;
}

/** Creates empty entries for these languages in every translatable field and list item. */
export function ensureLanguageEntries(doc: Y.Doc, langs: readonly LangCode[]): void {
	doc.transact(() => {
		for (const lang of langs) {
			for (const key of TEXT_FIELDS) ensureLangEntry(textMap(doc, key), lang, Y.Text);
			for (const key of RICH_TEXT_FIELDS) ensureLangEntry(richTextMap(doc, key), lang, Y.XmlFragment);
			for (const list of LIST_NAMES) {
				for (const item of listArray(doc, list).toArray()) ensureItemLanguage(item, list, lang);
			}
		}
	});
}

export function ensureItemLanguage(item: ListItem, list: ListName, lang: LangCode): void {
	for (const key of itemTextKeys(list, 'text')) ensureLangEntry(ensureItemMap<Y.Text>(item, key), lang, Y.Text);
	for (const key of itemTextKeys(list, 'richText')) {
		ensureLangEntry(ensureItemMap<Y.XmlFragment>(item, key), lang, Y.XmlFragment);
	}
}

/**
 * Sets a Y.Text to `value` by deleting and inserting only the changed middle, so that a peer's
 * cursor and concurrent typing elsewhere in the text survive (used by specToDoc and by plain
 * text inputs bound to a Y.Text). `caret`, where a person's caret is in `value` after they typed,
 * places an ambiguous change where they actually typed (see textEdit).
 */
export function replaceText(text: Y.Text, value: string, caret?: number): void {
	const change = textEdit(text.toString(), value, caret);
	if (!change) return;
	const apply = () => {
		if (change.remove > 0) text.delete(change.index, change.remove);
		if (change.insert !== '') text.insert(change.index, change.insert);
	};
	if (text.doc) text.doc.transact(apply);
	else apply();
}
