import * as Y from 'yjs';

// A range of text is kept as two Yjs relative positions: the start attached to its first character
// (assoc 0) and the end to its last (assoc -1), so text typed just outside the range stays outside
// while the range follows every edit around it. Both travel as base64 of Y.encodeRelativePosition.

export function encodeRange(text: Y.AbstractType<any>, from: number, to: number): { start: string; end: string } {
	const encode = (index: number, assoc: number) => toBase64(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, index, assoc)));
	return { start: encode(from, 0), end: encode(to, -1) };
}

export interface ResolvedRange {
	type: Y.AbstractType<unknown>;
	from: number;
	to: number;
	/** The text is gone: the range is empty, or its first and last characters were both deleted. */
	orphaned: boolean;
}

/** Where a stored range is in `doc` now; null when a position cannot be read or its type is gone. */
export function resolveRange(doc: Y.Doc, start: string, end: string, deleted?: ReturnType<typeof Y.createDeleteSetFromStructStore>): ResolvedRange | null {
	try {
		const startPos = Y.decodeRelativePosition(fromBase64(start));
		const endPos = Y.decodeRelativePosition(fromBase64(end));
		const a = Y.createAbsolutePositionFromRelativePosition(startPos, doc);
		const b = Y.createAbsolutePositionFromRelativePosition(endPos, doc);
		if (!a || !b || a.type !== b.type) return null;
		const ds = deleted ?? Y.createDeleteSetFromStructStore(doc.store);
		const gone = (pos: Y.RelativePosition) => pos.item !== null && Y.isDeleted(ds, pos.item);
		return { type: a.type, from: a.index, to: b.index, orphaned: b.index <= a.index || (gone(startPos) && gone(endPos)) };
	} catch {
		return null;
	}
}

function toBase64(bytes: Uint8Array): string {
	let binary = '';
	for (const byte of bytes) binary += String.fromCharCode(byte);
	return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
	return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}
