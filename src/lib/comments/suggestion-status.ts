import type * as Y from 'yjs';
import { findItem, ITEM_FIELDS, type ItemFieldKey } from '$lib/course-spec/layout';
import type { FieldKey } from '$lib/course-spec/fields';
import { peekRichText, peekText, storageOf } from '$lib/editor/field-binding';
import { paragraphText } from './paragraphs';
import type { Suggestion, ThreadView } from './model';
import { locateRichRange, resolveRange } from './range';

/** The text a suggestion would change, as it is now; null when its item or paragraph is gone. */
export function currentTarget(doc: Y.Doc, s: Extract<Suggestion, { op: 'text' | 'paragraph' }>): string | null {
	if (s.itemId && !findItem(doc, ITEM_FIELDS[s.field as ItemFieldKey].list, s.itemId)) return null;
	if (s.op === 'paragraph') {
		const fragment = peekRichText(doc, s.field as FieldKey, s.lang, s.itemId ?? undefined);
		return fragment ? paragraphText(fragment, s.index) : null;
	}
	return peekText(doc, s.field as FieldKey, s.lang, s.itemId ?? undefined)?.toString() ?? null;
}

/**
 * A suggestion is stale when what it would change is no longer what it was when it was made. The
 * server refuses to accept a stale one; the browser marks it and shows both texts.
 */
export function isSuggestionStale(doc: Y.Doc, s: Suggestion): boolean {
	switch (s.op) {
		case 'text':
		case 'paragraph':
			return currentTarget(doc, s) !== s.before;
		case 'deleteItem':
			return !findItem(doc, s.list, s.itemId);
		case 'addItem':
			return false;
	}
}

/** How a thread stands against the live document: a stale suggestion, a range whose text is gone. */
export function suggestionStatus(doc: Y.Doc, thread: ThreadView): { stale: boolean; orphaned: boolean; current: string | null } {
	const s = thread.suggestion;
	const open = s !== null && thread.suggestionState === 'open';
	const { anchor } = thread;
	return {
		stale: open && isSuggestionStale(doc, s),
		orphaned: anchor.kind === 'range' && anchor.start && anchor.end ? rangeOrphaned(doc, anchor) : false,
		current: open && (s.op === 'text' || s.op === 'paragraph') ? currentTarget(doc, s) : null
	};
}

/** A range's text is gone: for rich text, neither its positions nor its quote find it (locateRichRange). */
function rangeOrphaned(doc: Y.Doc, anchor: ThreadView['anchor']): boolean {
	const storage = storageOf(anchor.field as FieldKey);
	const rich = storage === 'richText' || storage === 'itemRichText';
	const fragment = rich ? peekRichText(doc, anchor.field as FieldKey, anchor.lang ?? '', anchor.itemId ?? undefined) : null;
	if (fragment) return locateRichRange(fragment, anchor.start!, anchor.end!, anchor.quote ?? '').orphaned;
	return resolveRange(doc, anchor.start!, anchor.end!)?.orphaned ?? true;
}
