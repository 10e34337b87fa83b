import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view';
import { absolutePositionToRelativePosition, relativePositionToAbsolutePosition, ySyncPluginKey } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { decodeEnd, encodeEnds, flattenRichText, locateRichRange, resolveRange, textPositionAt } from '$lib/comments/range';

// Text that comments are anchored to, highlighted in a rich-text field. The highlights are
// ProseMirror decorations, not marks in the shared document: commenters write nothing to the spec,
// and a resolved thread's highlight goes by dropping it from the list. A remote change replaces the
// editor's whole document (y-prosemirror), so decorations are recomputed from the Yjs positions
// then; a local edit only maps them.

export interface Highlight {
	/** The thread's id. */
	id: string;
	start: string;
	end: string;
	/** The text commented on, to find it again when its positions are lost (see locateRichRange). */
	quote: string;
}

interface HighlightState {
	highlights: Highlight[];
	decorations: DecorationSet;
}

export const commentHighlightsKey = new PluginKey<HighlightState>('commentHighlights');

/** What the editor's Yjs binding (y-prosemirror) knows: the field's fragment and its node mapping. */
export interface Binding {
	type: Y.XmlFragment;
	mapping: Parameters<typeof relativePositionToAbsolutePosition>[3];
}

function bindingOf(state: EditorState): Binding | null {
	return (ySyncPluginKey.getState(state)?.binding as Binding | undefined) ?? null;
}

/** Where a stored range is in the editor's document now; null when its text is gone. */
export function highlightPositions(binding: Binding, start: string, end: string, quote = ''): { from: number; to: number } | null {
	const doc = binding.type.doc;
	if (!doc) return null;
	const range = locateRichRange(binding.type, start, end, quote);
	if (range.orphaned) return null;
	// Positions that still resolve are used as they are; a range found again by its quote is placed by
	// its offsets in the field's text.
	const direct = resolveRange(doc, start, end);
	const ends =
		direct && !direct.orphaned && direct.type === binding.type
			? { from: decodeEnd(start), to: decodeEnd(end) }
			: placed(binding.type, range.from, range.to);
	if (!ends) return null;
	const from = relativePositionToAbsolutePosition(doc, binding.type, ends.from, binding.mapping);
	const to = relativePositionToAbsolutePosition(doc, binding.type, ends.to, binding.mapping);
	return from !== null && to !== null && from < to ? { from, to } : null;
}

function placed(fragment: Y.XmlFragment, from: number, to: number) {
	const flat = flattenRichText(fragment);
	const a = textPositionAt(flat, from, 'start');
	const b = textPositionAt(flat, to, 'end');
	if (!a || !b) return null;
	const encoded = encodeEnds(a, b);
	return { from: decodeEnd(encoded.start), to: decodeEnd(encoded.end) };
}

function decorate(state: EditorState, highlights: Highlight[]): DecorationSet {
	const binding = bindingOf(state);
	if (!binding || highlights.length === 0) return DecorationSet.empty;
	const size = state.doc.content.size;
	const decorations = highlights.flatMap((h) => {
		const at = highlightPositions(binding, h.start, h.end, h.quote);
		if (!at || at.to > size) return [];
		return [Decoration.inline(at.from, at.to, { class: 'comment-highlight', 'data-comment-thread': h.id })];
	});
	return DecorationSet.create(state.doc, decorations);
}

/**
 * The text from `from` to `to` (editor positions) as a range anchor: its two ends and its quote, or
 * null when an end is not in text or nothing but blanks is selected. Both ends are taken from the
 * Yjs text nodes they lie in, so the range follows edits made by others.
 */
export function anchorBetween(binding: Binding, from: number, to: number): { start: string; end: string; quote: string } | null {
	const doc = binding.type.doc;
	if (!doc || from >= to) return null;
	const textEnd = (pos: number) => {
		const at = Y.createAbsolutePositionFromRelativePosition(absolutePositionToRelativePosition(pos, binding.type, binding.mapping), doc);
		return at && at.type instanceof Y.XmlText ? { type: at.type, index: at.index } : null;
	};
	const start = textEnd(from);
	const end = textEnd(to);
	if (!start || !end) return null;
	const encoded = encodeEnds(start, end);
	const range = resolveRange(doc, encoded.start, encoded.end);
	if (!range || range.orphaned || range.text.trim() === '') return null;
	return { ...encoded, quote: range.text };
}

/**
 * The editor's selected text as a range anchor (see anchorBetween). The page's selection is read
 * when it lies in the editor: ProseMirror takes a selection change in a moment later, and a person
 * who selects by keyboard and goes straight on to the Comment button can be quicker than that.
 */
export function selectedRange(view: EditorView): { start: string; end: string; quote: string } | null {
	const binding = bindingOf(view.state);
	if (!binding) return null;
	const { from, to } = domSelection(view) ?? view.state.selection;
	return anchorBetween(binding, from, to);
}

function domSelection(view: EditorView): { from: number; to: number } | null {
	const selection = view.dom.ownerDocument.getSelection();
	if (!selection || selection.isCollapsed || !selection.anchorNode || !selection.focusNode) return null;
	if (!view.dom.contains(selection.anchorNode) || !view.dom.contains(selection.focusNode)) return null;
	try {
		const a = view.posAtDOM(selection.anchorNode, selection.anchorOffset);
		const b = view.posAtDOM(selection.focusNode, selection.focusOffset);
		return { from: Math.min(a, b), to: Math.max(a, b) };
	} catch {
		return null;
	}
}

/** Shows `highlights` in the editor (call again whenever the list changes). */
export function setHighlights(view: { state: EditorState; dispatch: (tr: EditorState['tr']) => void }, highlights: Highlight[]): void {
	view.dispatch(view.state.tr.setMeta(commentHighlightsKey, highlights));
}

export const CommentHighlights = Extension.create<{ onOpen: (threadId: string) => void }>({
	name: 'commentHighlights',
	addOptions: () => ({ onOpen: () => {} }),
	addProseMirrorPlugins() {
		const { onOpen } = this.options;
		return [
			new Plugin<HighlightState>({
				key: commentHighlightsKey,
				state: {
					init: () => ({ highlights: [], decorations: DecorationSet.empty }),
					apply(tr, value, _old, state) {
						const next = tr.getMeta(commentHighlightsKey) as Highlight[] | undefined;
						const highlights = next ?? value.highlights;
						if (next || tr.getMeta(ySyncPluginKey)) return { highlights, decorations: decorate(state, highlights) };
						return tr.docChanged ? { highlights, decorations: value.decorations.map(tr.mapping, tr.doc) } : value;
					}
				},
				props: {
					decorations: (state) => commentHighlightsKey.getState(state)?.decorations,
					handleDOMEvents: {
						// A click on highlighted text opens its thread; a drag that selects text does not.
						click: (_view, event) => {
							const mark = (event.target as Element | null)?.closest?.('[data-comment-thread]');
							if (!mark || !(window.getSelection()?.isCollapsed ?? true)) return false;
							onOpen(mark.getAttribute('data-comment-thread')!);
							return false;
						}
					}
				}
			})
		];
	}
});
