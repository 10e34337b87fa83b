import * as Y from 'yjs';
import { EQF_NOT_APPLICABLE } from './types';
import type { CourseSpec, LangString, ListName, RichText } from './types';
import {
	ensureLangEntry,
	ensureLanguageEntries,
	itemId,
	itemTextKeys,
	LIST_NAMES,
	listArray,
	metaMap,
	replaceText,
	richTextMap,
	textMap,
	topicsArray,
	type ListItem,
	type MetaKey,
	type MetaValues,
	type TextFieldKey
} from './layout';
import { cleanRichText, cleanText } from './clean-text';
import { isRichTextEmpty } from './rich-text';
import { readRichText, writeRichText } from './rich-text-yjs';
import { SUPERVISION_OPTIONS } from './vocabularies';
import { recordBasisOfWrittenTranslations } from './translation';

// Conversions between the live Yjs document and the spec JSON. docToSpec is total: whatever a peer
// put into the document, it returns a well-typed spec (odd values become "not set"), de-duplicates
// items by id and drops links to outcomes that no longer exist, and strips control characters from
// every text it reads (see clean-text.ts). Validation proper is parseSpec's job. The translation
// basis (translation.ts) is editorial state of the live document and deliberately not part of the
// spec: versions, their hashes, exports and the public API carry none of it (it may also hold source
// text that was never published).

const text = (v: unknown): string | null => (typeof v === 'string' ? cleanText(v) || null : null);
const number = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const strings = (v: unknown): string[] =>
	Array.isArray(v) ? [...new Set(v.map(text).filter((s): s is string => s !== null))] : [];
const oneOf = <T>(v: unknown, allowed: readonly T[]): T | null => (allowed.includes(v as T) ? (v as T) : null);
const SUPERVISION_CODES = SUPERVISION_OPTIONS.map((o) => o.code);

function readMeta(doc: Y.Doc): MetaValues {
	const m = metaMap(doc);
	return {
		code: text(m.get('code')),
		languages: strings(m.get('languages')),
		eqfLevel: oneOf(m.get('eqfLevel'), [1, 2, 3, 4, 5, 6, 7, 8, EQF_NOT_APPLICABLE] as const),
		nqfLevel: text(m.get('nqfLevel')),
		ectsCredits: number(m.get('ectsCredits')),
		workloadHours: number(m.get('workloadHours')),
		participationForm: text(m.get('participationForm')),
		learningSetting: text(m.get('learningSetting')),
		fieldOfStudy: text(m.get('fieldOfStudy')),
		targetGroupCategories: strings(m.get('targetGroupCategories')),
		awardingBodyCountry: text(m.get('awardingBodyCountry')),
		awardingBodyWebsite: text(m.get('awardingBodyWebsite')),
		qualityAssuranceType: text(m.get('qualityAssuranceType')),
		supervision: oneOf(m.get('supervision'), SUPERVISION_CODES),
		stackabilityMode: oneOf(m.get('stackabilityMode'), ['standalone', 'stackable'] as const),
		stackabilityPartOfUrl: text(m.get('stackabilityPartOfUrl'))
	};
}

// Languages are sorted so that the same content always gives the same JSON (versions are hashed).
function readLangString(map: unknown): LangString {
	if (!(map instanceof Y.Map)) return {};
	const entries = [...map.entries()]
		.filter(([, v]) => v instanceof Y.Text)
		.map(([lang, v]) => [cleanText(lang), cleanText((v as Y.Text).toString())] as const)
		.filter(([, s]) => s !== '');
	return Object.fromEntries(entries.sort(([a], [b]) => a.localeCompare(b)));
}

function readRichTexts(map: unknown): RichText {
	if (!(map instanceof Y.Map)) return {};
	const entries = [...map.entries()]
		.filter(([, v]) => v instanceof Y.XmlFragment)
		.map(([lang, v]) => [cleanText(lang), cleanRichText(readRichText(v as Y.XmlFragment))] as const)
		.filter(([, d]) => !isRichTextEmpty(d));
	return Object.fromEntries(entries.sort(([a], [b]) => a.localeCompare(b)));
}

/** The list's items, first copy of each id only (concurrent moves can leave a second copy). */
function uniqueItems(doc: Y.Doc, list: ListName): { id: string; item: ListItem }[] {
	const seen = new Set<string>();
	const out: { id: string; item: ListItem }[] = [];
	for (const item of listArray(doc, list).toArray()) {
		const id = text(itemId(item));
		if (id === null || seen.has(id)) continue;
		seen.add(id);
		out.push({ id, item });
	}
	return out;
}

function readLinks(item: ListItem, outcomeIds: Set<string>): string[] {
	const links = item.get('outcomeIds');
	return links instanceof Y.Array ? strings(links.toArray()).filter((id) => outcomeIds.has(id)) : [];
}

/** The spec the document currently describes. */
export function docToSpec(doc: Y.Doc): CourseSpec {
	const meta = readMeta(doc);
	const texts = (key: TextFieldKey) => readLangString(textMap(doc, key));
	const learningOutcomes = uniqueItems(doc, 'learningOutcomes').map(({ id, item }) => ({
		id,
		text: readLangString(item.get('text'))
	}));
	const outcomeIds = new Set(learningOutcomes.map((o) => o.id));
	return {
		schemaVersion: 1,
		title: texts('title'),
		code: meta.code,
		summary: readRichTexts(richTextMap(doc, 'summary')),
		targetGroup: { text: texts('targetGroup'), categories: meta.targetGroupCategories },
		prerequisites: texts('prerequisites'),
		languages: meta.languages,
		eqfLevel: meta.eqfLevel,
		nqfLevel: meta.nqfLevel,
		ectsCredits: meta.ectsCredits,
		workloadHours: meta.workloadHours,
		participationForm: meta.participationForm,
		learningSetting: meta.learningSetting,
		topics: strings(topicsArray(doc).toArray()),
		fieldOfStudy: meta.fieldOfStudy,
		awardingBody: {
			name: texts('awardingBodyName'),
			country: meta.awardingBodyCountry,
			website: meta.awardingBodyWebsite
		},
		qualityAssurance: { type: meta.qualityAssuranceType, statement: texts('qualityAssuranceStatement') },
		supervision: meta.supervision,
		gradingScheme: texts('gradingScheme'),
		stackability: {
			mode: meta.stackabilityMode,
			partOf: texts('stackabilityPartOf'),
			partOfUrl: meta.stackabilityPartOfUrl
		},
		furtherInformation: texts('furtherInformation'),
		learningOutcomes,
		modules: uniqueItems(doc, 'modules').map(({ id, item }) => ({
			id,
			title: readLangString(item.get('title')),
			description: readRichTexts(item.get('description')),
			hours: number(item.get('hours')),
			activityType: text(item.get('activityType')),
			outcomeIds: readLinks(item, outcomeIds)
		})),
		assessments: uniqueItems(doc, 'assessments').map(({ id, item }) => ({
			id,
			title: readLangString(item.get('title')),
			type: text(item.get('type')),
			description: readRichTexts(item.get('description')),
			outcomeIds: readLinks(item, outcomeIds)
		}))
	};
}

export function specMeta(spec: CourseSpec): MetaValues {
	return {
		code: spec.code,
		languages: [...spec.languages],
		eqfLevel: spec.eqfLevel,
		nqfLevel: spec.nqfLevel,
		ectsCredits: spec.ectsCredits,
		workloadHours: spec.workloadHours,
		participationForm: spec.participationForm,
		learningSetting: spec.learningSetting,
		fieldOfStudy: spec.fieldOfStudy,
		targetGroupCategories: [...spec.targetGroup.categories],
		awardingBodyCountry: spec.awardingBody.country,
		awardingBodyWebsite: spec.awardingBody.website,
		qualityAssuranceType: spec.qualityAssurance.type,
		supervision: spec.supervision,
		stackabilityMode: spec.stackability.mode,
		stackabilityPartOfUrl: spec.stackability.partOfUrl
	};
}

export function specTexts(spec: CourseSpec): Record<TextFieldKey, LangString> {
	return {
		title: spec.title,
		targetGroup: spec.targetGroup.text,
		prerequisites: spec.prerequisites,
		awardingBodyName: spec.awardingBody.name,
		qualityAssuranceStatement: spec.qualityAssurance.statement,
		gradingScheme: spec.gradingScheme,
		stackabilityPartOf: spec.stackability.partOf,
		furtherInformation: spec.furtherInformation
	};
}

// Languages missing from the new value are emptied rather than removed, so that editors bound to
// them stay bound (an emptied entry reads back as absent).
export function writeLangString(map: Y.Map<Y.Text>, value: LangString): void {
	for (const [lang, t] of map.entries()) if (!(lang in value)) replaceText(t, '');
	for (const [lang, s] of Object.entries(value)) replaceText(ensureLangEntry(map, lang, Y.Text), s);
}

export function writeRichTexts(map: Y.Map<Y.XmlFragment>, value: RichText): void {
	for (const [lang, f] of map.entries()) if (!(lang in value)) f.delete(0, f.length);
	for (const [lang, d] of Object.entries(value)) writeRichText(ensureLangEntry(map, lang, Y.XmlFragment), d);
}

/** Spec JSON of a list item (LearningOutcome, CourseModule or Assessment). */
export type ItemData = { id: string } & object;

/** Inserts a list item built from its spec JSON (inside the caller's transaction). */
export function insertItem(doc: Y.Doc, list: ListName, index: number, data: ItemData): void {
	const item: ListItem = new Y.Map();
	listArray(doc, list).insert(index, [item]);
	const textKeys = itemTextKeys(list, 'text');
	const richTextKeys = itemTextKeys(list, 'richText');
	for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
		if (textKeys.includes(key)) writeLangString(newMapIn(item, key), value as LangString);
		else if (richTextKeys.includes(key)) writeRichTexts(newMapIn(item, key), value as RichText);
		else if (key === 'outcomeIds') item.set(key, Y.Array.from([...(value as string[])]));
		else item.set(key, value);
	}
}

function newMapIn<T>(item: ListItem, key: string): Y.Map<T> {
	const map = new Y.Map<T>();
	item.set(key, map);
	return map;
}

/** Writes the spec into a fresh or existing document in one transaction, replacing what it held. */
export function specToDoc(spec: CourseSpec, doc: Y.Doc = new Y.Doc()): Y.Doc {
	doc.transact(() => {
		const meta = metaMap(doc);
		for (const [key, value] of Object.entries(specMeta(spec))) meta.set(key as MetaKey, value);
		for (const [key, value] of Object.entries(specTexts(spec))) writeLangString(textMap(doc, key as TextFieldKey), value);
		writeRichTexts(richTextMap(doc, 'summary'), spec.summary);
		const topics = topicsArray(doc);
		topics.delete(0, topics.length);
		topics.push([...spec.topics]);
		for (const list of LIST_NAMES) {
			listArray(doc, list).delete(0, listArray(doc, list).length);
			spec[list].forEach((item, i) => insertItem(doc, list, i, item));
		}
		ensureLanguageEntries(doc, spec.languages);
		recordBasisOfWrittenTranslations(doc);
	});
	return doc;
}
