import * as Y from 'yjs';
import { getField, type FieldKey } from '$lib/course-spec/fields';
import { findItem, ITEM_FIELDS, LIST_NAMES, type ItemFieldKey } from '$lib/course-spec/layout';
import type { ListName } from '$lib/course-spec/types';
import { peekRichText, peekText, storageOf } from '$lib/editor/field-binding';
import { COMMENT_LIMITS, type Anchor } from '$lib/comments/model';
import { resolveRange } from '$lib/comments/range';
import { invalid } from '../errors';
import { m } from '$lib/paraglide/messages';

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
	if (typeof key !== 'string' || !getField(key as FieldKey)) throw invalid(m.comments_error_no_field(), 'field');
	return key as FieldKey;
}

export function checkAnchor(doc: Y.Doc, anchor: Anchor): CheckedAnchor {
	const field = knownField(anchor.field);
	const list = listOf(field);
	const itemId = anchor.itemId ?? null;
	if (anchor.kind === 'item' || (anchor.kind === 'range' && list)) {
		if (!list || !itemId) throw invalid(m.comments_error_which_item(), 'itemId');
		if (!findItem(doc, list, itemId)) throw invalid(m.comments_error_no_item(), 'itemId');
	} else if (itemId !== null) {
		throw invalid(m.comments_error_field_no_item(), 'itemId');
	} else if (list && !isList(field)) {
		throw invalid(m.comments_error_which_item(), 'itemId');
	}
	if (anchor.kind === 'field' || anchor.kind === 'item') {
		return { kind: anchor.kind, field, itemId, lang: null, start: null, end: null, quote: '' };
	}
	if (anchor.kind !== 'range') throw invalid(m.comments_error_anchor_kind(), 'anchor');
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
	if (!target) throw invalid(m.comments_error_selection_text_only(), 'anchor');
	const range = typeof anchor.start === 'string' && typeof anchor.end === 'string' && anchor.start.length < 200 && anchor.end.length < 200
		? resolveRange(doc, anchor.start, anchor.end)
		: null;
	if (!range || range.orphaned || range.type !== (target as unknown)) {
		throw invalid(m.comments_error_selection_gone(), 'anchor');
	}
	const quote = typeof anchor.quote === 'string' ? anchor.quote : '';
	// The quote is what lies between the two ends now: a plain field's characters, or a rich-text
	// field's text without formatting, its paragraphs joined by newlines (as the browser reads it).
	if (range.text !== quote) throw invalid(m.comments_error_selection_changed(), 'anchor');
	if (quote.trim() === '') throw invalid(m.comments_error_select_text(), 'anchor');
	return {
		lang,
		start: anchor.start as string,
		end: anchor.end as string,
		quote: quote.slice(0, COMMENT_LIMITS.quoteLength)
	};
}
