import * as Y from 'yjs';
import { replaceText } from '$lib/course-spec/layout';

/** Where a person's caret is in a plain-text field, shared through awareness. */
export interface TextCursor {
	/** The field instance (fieldAnchor + language), unique on the page. */
	target: string;
	anchor: unknown;
	head: unknown;
}

export const LOCAL_INPUT = Symbol('local-input');

/**
 * Keeps a <textarea> and a Y.Text in step without losing anyone's typing: local input is written as
 * the minimal changed range, remote changes re-render the value and put the caret back at the same
 * place in the text (a Yjs relative position, so it moves with inserts before it).
 */
export function bindTextarea(
	textarea: HTMLTextAreaElement,
	text: Y.Text,
	options: {
		singleLine: boolean;
		onCursor: (cursor: { anchor: unknown; head: unknown } | null) => void;
		/** Selectable but not editable (see PlainTextField's `selectable`): typing is undone, never sent. */
		readOnly?: () => boolean;
	}
): () => void {
	let anchor: Y.RelativePosition | null = null;
	let head: Y.RelativePosition | null = null;

	const clean = (value: string) => (options.singleLine ? value.replace(/[\r\n]+/g, ' ') : value);

	// A caret sticks to the character before it (assoc -1): when someone else's character lands right
	// next to it, the caret stays after what this person typed instead of jumping past theirs, which is
	// what made two people's keystrokes interleave. A selection keeps its own ends inside itself.
	function rememberSelection() {
		if (document.activeElement !== textarea) return;
		const { selectionStart: start, selectionEnd: end } = textarea;
		anchor = Y.createRelativePositionFromTypeIndex(text, start, start === end ? -1 : 0);
		head = Y.createRelativePositionFromTypeIndex(text, end, -1);
		options.onCursor({ anchor: Y.relativePositionToJSON(anchor), head: Y.relativePositionToJSON(head) });
	}

	function onInput() {
		if (options.readOnly?.()) {
			// What beforeinput could not stop (an IME composition) is put back as it was.
			textarea.value = text.toString();
			return;
		}
		const value = clean(textarea.value);
		if (value !== textarea.value) {
			const at = textarea.selectionStart;
			textarea.value = value;
			textarea.setSelectionRange(at, at);
		}
		// The caret says where the person typed, which a plain before/after comparison cannot.
		text.doc?.transact(() => replaceText(text, value, textarea.selectionEnd), LOCAL_INPUT);
		rememberSelection();
	}

	function onRemote(event: Y.YTextEvent, transaction: Y.Transaction) {
		if (transaction.origin === LOCAL_INPUT) return;
		const focused = document.activeElement === textarea;
		textarea.value = text.toString();
		if (focused && transaction.origin instanceof Y.UndoManager) {
			// Undo and redo are this person's own edits: the caret goes where the text changed.
			const at = endOfChange(event.delta);
			textarea.setSelectionRange(at, at);
			rememberSelection();
		} else if (focused && anchor && head && text.doc) {
			const a = Y.createAbsolutePositionFromRelativePosition(anchor, text.doc);
			const h = Y.createAbsolutePositionFromRelativePosition(head, text.doc);
			if (a && h) textarea.setSelectionRange(Math.min(a.index, h.index), Math.max(a.index, h.index));
		}
		textarea.dispatchEvent(new Event('co-course:remote-change'));
	}

	function onKeydown(event: KeyboardEvent) {
		if (options.singleLine && event.key === 'Enter') event.preventDefault();
	}
	function onBlur() {
		options.onCursor(null);
	}

	textarea.value = text.toString();
	text.observe(onRemote);
	textarea.addEventListener('input', onInput);
	textarea.addEventListener('keydown', onKeydown);
	textarea.addEventListener('blur', onBlur);
	textarea.addEventListener('focus', rememberSelection);
	textarea.addEventListener('select', rememberSelection);
	textarea.addEventListener('keyup', rememberSelection);
	textarea.addEventListener('pointerup', rememberSelection);
	document.addEventListener('selectionchange', rememberSelection);
	return () => {
		document.removeEventListener('selectionchange', rememberSelection);
		text.unobserve(onRemote);
		textarea.removeEventListener('input', onInput);
		textarea.removeEventListener('keydown', onKeydown);
		textarea.removeEventListener('blur', onBlur);
		textarea.removeEventListener('focus', rememberSelection);
		textarea.removeEventListener('select', rememberSelection);
		textarea.removeEventListener('keyup', rememberSelection);
		textarea.removeEventListener('pointerup', rememberSelection);
	};
}

/** Absolute caret offsets of a shared cursor in this text, or null when it points elsewhere. */
export function resolveCursor(text: Y.Text, cursor: { anchor: unknown; head: unknown }): { from: number; to: number } | null {
	if (!text.doc) return null;
	try {
		const a = Y.createAbsolutePositionFromRelativePosition(Y.createRelativePositionFromJSON(cursor.anchor), text.doc);
		const h = Y.createAbsolutePositionFromRelativePosition(Y.createRelativePositionFromJSON(cursor.head), text.doc);
		if (!a || !h || a.type !== text || h.type !== text) return null;
		return { from: Math.min(a.index, h.index), to: Math.max(a.index, h.index) };
	} catch {
		return null;
	}
}

/** The offset right after the last inserted or deleted run of a Y.Text change. */
function endOfChange(delta: Y.YTextEvent['delta']): number {
	let at = 0;
	let end = 0;
	for (const op of delta) {
		if (op.retain !== undefined) at += op.retain;
		else if (typeof op.insert === 'string') end = at += op.insert.length;
		else if (op.delete !== undefined) end = at;
	}
	return end;
}
