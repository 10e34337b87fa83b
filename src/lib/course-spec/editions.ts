import * as Y from 'yjs';
import { FIELDS } from './fields';
import {
	itemTextKeys,
	LIST_NAMES,
	listArray,
	metaMap,
	RICH_TEXT_FIELDS,
	richTextMap,
	TEXT_FIELDS,
	textMap
} from './layout';
import { setMeta } from './mutations';
import { isAnswered, valuesAt } from './rules/field-values';
import type { CourseSpec, LangCode } from './types';

// A course's editions: which languages it is written in, and which of them is primary (the first).
// Adding a language is addLanguage (mutations.ts): it creates the empty texts before anyone types.

const courseLanguages = (doc: Y.Doc): LangCode[] => {
	const current = metaMap(doc).get('languages');
	return Array.isArray(current) ? current.filter((l): l is LangCode => typeof l === 'string') : [];
};

/**
 * How many translatable texts have something written in `lang`: each course-level field counts
 * once, and each item's field (an outcome's text, a module's title) once per item.
 */
export function textsWrittenIn(spec: CourseSpec, lang: LangCode): number {
	return FIELDS.filter((field) => field.translatable).reduce(
		(count, field) => count + valuesAt(spec, field.path).filter((value) => isAnswered(field, value, lang)).length,
		0
	);
}

/**
 * Takes `lang` off the course's languages and empties its texts everywhere, in one transaction. The
 * entries themselves stay (emptied), so an editor still bound to one does not lose its binding and
 * adding the language again reuses them. Earlier versions in the history keep the removed text.
 */
export function removeLanguage(doc: Y.Doc, lang: LangCode): void {
	doc.transact(() => {
		const languages = courseLanguages(doc);
		if (languages.includes(lang)) setMeta(doc, 'languages', languages.filter((l) => l !== lang));
		for (const key of TEXT_FIELDS) emptyEntry(textMap(doc, key), lang);
		for (const key of RICH_TEXT_FIELDS) emptyEntry(richTextMap(doc, key), lang);
		for (const list of LIST_NAMES) {
			const keys = [...itemTextKeys(list, 'text'), ...itemTextKeys(list, 'richText')];
			for (const item of listArray(doc, list).toArray()) {
				if (!(item instanceof Y.Map)) continue;
				for (const key of keys) emptyEntry(item.get(key), lang);
			}
		}
	});
}

function emptyEntry(map: unknown, lang: LangCode): void {
	if (!(map instanceof Y.Map)) return;
	const entry = map.get(lang);
	if ((entry instanceof Y.Text || entry instanceof Y.XmlFragment) && entry.length > 0) entry.delete(0, entry.length);
}

/** Makes one of the course's languages the primary one (moves it first); the others keep their order. */
export function makePrimaryLanguage(doc: Y.Doc, lang: LangCode): void {
	const languages = courseLanguages(doc);
	if (!languages.includes(lang) || languages[0] === lang) return;
	setMeta(doc, 'languages', [lang, ...languages.filter((l) => l !== lang)]);
}
