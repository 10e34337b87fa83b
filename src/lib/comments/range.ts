import * as Y from 'yjs';

// A range of text is kept as two Yjs relative positions: the start attached to its first character
// (assoc 0) and the end to its last (assoc -1), so text typed just outside the range stays outside
// while the range follows every edit around it. Both travel as base64 of Y.encodeRelativePosition.
//
// In a plain field both ends lie in the field's Y.Text. In rich text each end lies in the Y.XmlText
// of a paragraph (or heading, list item…) of the field's Y.XmlFragment, and the two may be in
// different paragraphs; offsets and the quote are then read from the field's text with its blocks
// joined by newlines (see flattenRichText), the same on the server and in every browser.

/** The two ends of the text from `from` to `to` in one Y.Text or Y.XmlText, encoded. */
export function encodeRange(text: Y.AbstractType<any>, from: number, to: number): { start: string; end: string } {
	return encodeEnds({ type: text, index: from }, { type: text, index: to });
}

/** The two ends of a range whose ends may lie in different text nodes (rich text), encoded. */
export function encodeEnds(start: { type: Y.AbstractType<any>; index: number }, end: { type: Y.AbstractType<any>; index: number }): { start: string; end: string } {
	const encode = (type: Y.AbstractType<any>, index: number, assoc: number) =>
		toBase64(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(type, index, assoc)));
	return { start: encode(start.type, start.index, 0), end: encode(end.type, end.index, -1) };
}

/** One encoded end of a range, as a Yjs relative position (throws on a malformed one). */
export function decodeEnd(encoded: string): Y.RelativePosition {
	return Y.decodeRelativePosition(fromBase64(encoded));
}

export interface ResolvedRange {
	/** The field's text: its Y.Text, or for rich text its Y.XmlFragment. */
	type: Y.Text | Y.XmlFragment;
	/** Offsets in the field's text (rich text: its blocks joined by newlines). */
	from: number;
	to: number;
	/** The text between the two ends now. */
	text: string;
	/** The text is gone: the range is empty, or its first and last characters were both deleted. */
	orphaned: boolean;
}

type Deleted = ReturnType<typeof Y.createDeleteSetFromStructStore>;

/** Where a stored range is in `doc` now; null when a position cannot be read or its type is gone. */
export function resolveRange(doc: Y.Doc, start: string, end: string, deleted?: Deleted): ResolvedRange | null {
	try {
		const startPos = decodeEnd(start);
		const endPos = decodeEnd(end);
		const a = Y.createAbsolutePositionFromRelativePosition(startPos, doc);
		const b = Y.createAbsolutePositionFromRelativePosition(endPos, doc);
		if (!a || !b) return null;
		const ds = deleted ?? Y.createDeleteSetFromStructStore(doc.store);
		const gone = (pos: Y.RelativePosition) => pos.item !== null && Y.isDeleted(ds, pos.item);
		const bothGone = gone(startPos) && gone(endPos);
		if (a.type instanceof Y.XmlText && b.type instanceof Y.XmlText) return resolveRich(a, b, bothGone);
		if (a.type !== b.type || !(a.type instanceof Y.Text)) return null;
		const text = a.type.toString().slice(a.index, b.index);
		return { type: a.type, from: a.index, to: b.index, text, orphaned: b.index <= a.index || bothGone };
	} catch {
		return null;
	}
}

function resolveRich(a: Y.AbsolutePosition, b: Y.AbsolutePosition, bothGone: boolean): ResolvedRange | null {
	const root = rootFragment(a.type);
	if (!root || rootFragment(b.type) !== root) return null;
	const flat = flattenRichText(root);
	const startAt = flat.offsets.get(a.type as Y.XmlText);
	const endAt = flat.offsets.get(b.type as Y.XmlText);
	// A paragraph that was deleted (or merged into another) takes the end anchored in it along.
	if (startAt === undefined || endAt === undefined) return { type: root, from: 0, to: 0, text: '', orphaned: true };
	const from = startAt + a.index;
	const to = endAt + b.index;
	return { type: root, from, to, text: flat.text.slice(from, to), orphaned: to <= from || bothGone };
}

/**
 * Where a range of a rich-text field is now. Its positions first; when they are lost although the
 * words are still there (a paragraph joined into the one before it takes its text nodes along, and
 * with them the ends anchored there), the quote, if it occurs exactly once in the field. Orphaned
 * only when neither finds the text.
 */
export function locateRichRange(fragment: Y.XmlFragment, start: string, end: string, quote: string): ResolvedRange {
	const found = fragment.doc ? resolveRange(fragment.doc, start, end) : null;
	if (found && !found.orphaned && found.type === fragment) return found;
	const { text } = flattenRichText(fragment);
	const at = quote.trim() === '' ? -1 : text.indexOf(quote);
	if (at >= 0 && text.indexOf(quote, at + 1) === -1) return { type: fragment, from: at, to: at + quote.length, text: quote, orphaned: false };
	return { type: fragment, from: 0, to: 0, text: '', orphaned: true };
}

/** The text node and index at `offset` of the field's flattened text (see flattenRichText). */
export function textPositionAt(
	flat: ReturnType<typeof flattenRichText>,
	offset: number,
	side: 'start' | 'end'
): { type: Y.XmlText; index: number } | null {
	let best: { type: Y.XmlText; index: number } | null = null;
	for (const [type, startsAt] of flat.offsets) {
		const index = offset - startsAt;
		if (index < 0 || index > type.length) continue;
		// A start at the very end of one node belongs to the next; an end at the very start of one, to the one before.
		if (side === 'start' && index === type.length && best === null) best = { type, index };
		else if (side === 'start' && index < type.length) return { type, index };
		else if (side === 'end' && index > 0) return { type, index };
		else best ??= { type, index };
	}
	return best;
}

/** The Y.XmlFragment a rich text node belongs to (the field's own, kept in a Y.Map). */
export function rootFragment(type: Y.AbstractType<any>): Y.XmlFragment | null {
	let t: Y.AbstractType<any> = type;
	while (t._item && t._item.parent instanceof Y.XmlFragment) t = t._item.parent;
	return t instanceof Y.XmlFragment && !(t instanceof Y.XmlElement) ? t : null;
}

/**
 * The text of a rich-text field without formatting, its blocks joined by newlines, with where each
 * live text node starts in it. Deleted nodes are not in it, so ranges anchored in them are orphaned.
 */
export function flattenRichText(fragment: Y.XmlFragment): { text: string; offsets: Map<Y.XmlText, number> } {
	const offsets = new Map<Y.XmlText, number>();
	let text = '';
	let separate = false;
	const walk = (node: Y.XmlFragment) => {
		for (const child of node.toArray()) {
			if (child instanceof Y.XmlText) {
				if (separate && text !== '') text += '\n';
				separate = false;
				offsets.set(child, text.length);
				text += plainText(child);
			} else if (child instanceof Y.XmlElement) {
				// Every element boundary is a line break between the texts around it (blocks, hard breaks).
				separate = true;
				walk(child);
				separate = true;
			}
		}
	};
	walk(fragment);
	return { text, offsets };
}

function plainText(run: Y.XmlText): string {
	return run
		.toDelta()
		.map((d: { insert?: unknown }) => (typeof d.insert === 'string' ? d.insert : ' '))
		.join('');
}

function toBase64(bytes: Uint8Array): string {
	let binary = '';
	for (const byte of bytes) binary += String.fromCharCode(byte);
	return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
	return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}
