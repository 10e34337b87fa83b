import * as Y from 'yjs';
import { getField, type FieldKey } from '$lib/course-spec/fields';
import { findItem, ITEM_FIELDS, LIST_NAMES, type ItemFieldKey } from '$lib/course-spec/layout';
import type { ListName } from '$lib/course-spec/types';
import { peekRichText, peekText, storageOf } from '$lib/editor/field-binding';
import { COMMENT_LIMITS, type Anchor } from '$lib/comments/model';
import { resolveRange } from '$lib/comments/range';
import { invalid } from '../errors';

// Anchors are checked against the course document as it is when the comment is made: the field
// must exist, the item must be in the list, and a range must lie inside that field's text with the
// quote it claims. Afterwards a range follows edits through its relative positions, and a thread
// whose text is deleted keeps its quote (the browser shows it as orphaned).

export interface CheckedAnchor {
	kind: Anchor['kind'];
	field: FieldKey;
	itemId: string | null;
	lang: string | null;
	start: string | null;
	end: string | null;
	quote: string;
}

const isList = (key: string): key is ListName => (LIST_NAMES as readonly string[]).includes(key);

/** The list an anchor's item belongs to: the field's own list, or the field itself when it is a list. */
function listOf(field: FieldKey): ListName | null {
	if (isList(field)) return field;
	return field in ITEM_FIELDS ? ITEM_FIELDS[field as ItemFieldKey].list : null;
}

export function knownField(key: unknown): FieldKey {
	if (typeof key !== 'string' || !getField(key as FieldKey)) throw invalid('That field does not exist.', 'field');
	return key as FieldKey;
}

export function checkAnchor(doc: Y.Doc, anchor: Anchor): CheckedAnchor {
	const field = knownField(anchor.field);
	const list = listOf(field);
	const itemId = anchor.itemId ?? null;
	if (anchor.kind === 'item' || (anchor.kind === 'range' && list)) {
		if (!list || !itemId) throw invalid('Say which item of the list the comment is about.', 'itemId');
		if (!findItem(doc, list, itemId)) throw invalid('That item does not exist (any more).', 'itemId');
	} else if (itemId !== null) {
		throw invalid('A comment on a whole field names no item.', 'itemId');
	} else if (list && !isList(field)) {
		throw invalid('Say which item of the list the comment is about.', 'itemId');
	}
	if (anchor.kind === 'field' || anchor.kind === 'item') {
		return { kind: anchor.kind, field, itemId, lang: null, start: null, end: null, quote: '' };
	}
	if (anchor.kind !== 'range') throw invalid('Unknown kind of anchor.', 'anchor');
	return { ...checkRange(doc, field, itemId, anchor), kind: 'range', field, itemId };
}

function checkRange(doc: Y.Doc, field: FieldKey, itemId: string | null, anchor: Anchor) {
	const lang = typeof anchor.lang === 'string' ? anchor.lang : '';
	const storage = storageOf(field);
	const target: Y.Text | Y.XmlFragment | null =
		storage === 'text' || storage === 'itemText'
			? peekText(doc, field, lang, itemId ?? undefined)
			: storage === 'richText' || storage === 'itemRichText'
				? peekRichText(doc, field, lang, itemId ?? undefined)
				: null;
	if (!target) throw invalid('Only text can be commented on by selection; comment on the whole field instead.', 'anchor');
	const range = typeof anchor.start === 'string' && typeof anchor.end === 'string' && anchor.start.length < 200 && anchor.end.length < 200
		? resolveRange(doc, anchor.start, anchor.end)
		: null;
	if (!range || range.orphaned || range.type !== (target as unknown)) {
		throw invalid('The selected text is no longer there; select it again.', 'anchor');
	}
	const quote = typeof anchor.quote === 'string' ? anchor.quote : '';
	// The quote is what lies between the two ends now: a plain field's characters, or a rich-text
	// field's text without formatting, its paragraphs joined by newlines (as the browser reads it).
	if (range.text !== quote) throw invalid('The selected text has changed; select it again.', 'anchor');
	if (quote.trim() === '') throw invalid('Select some text to comment on.', 'anchor');
	return {
		lang,
		start: anchor.start as string,
		end: anchor.end as string,
		quote: quote.slice(0, COMMENT_LIMITS.quoteLength)
	};
}
