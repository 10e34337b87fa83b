import * as Y from 'yjs';
import { applyWordChanges } from './word-edit';

// Suggestions on rich text work on whole paragraphs (and headings): the top-level blocks of a field
// that hold text only. Their text is read without formatting; a suggested rewrite changes only the
// words that differ, so the formatting of the words it keeps stays as it was.

const TEXT_BLOCKS = new Set(['paragraph', 'heading']);

function textRuns(block: Y.XmlElement): Y.XmlText[] | null {
	const children = block.toArray();
	return children.every((c) => c instanceof Y.XmlText) ? (children as Y.XmlText[]) : null;
}

function plain(run: Y.XmlText): string {
	return run
		.toDelta()
		.map((d: { insert?: unknown }) => (typeof d.insert === 'string' ? d.insert : ''))
		.join('');
}

/** The text of the fragment's block at `index`, or null when that block is not a paragraph or heading. */
export function paragraphText(fragment: Y.XmlFragment, index: number): string | null {
	if (!Number.isInteger(index) || index < 0 || index >= fragment.length) return null;
	const block = fragment.get(index);
	if (!(block instanceof Y.XmlElement) || !TEXT_BLOCKS.has(block.nodeName)) return null;
	const runs = textRuns(block);
	return runs ? runs.map(plain).join('') : null;
}

/** Every paragraph and heading of a rich-text field, with its place among the field's blocks. */
export function paragraphsOf(fragment: Y.XmlFragment): { index: number; text: string }[] {
	const found: { index: number; text: string }[] = [];
	for (let index = 0; index < fragment.length; index++) {
		const text = paragraphText(fragment, index);
		if (text !== null && text.trim() !== '') found.push({ index, text });
	}
	return found;
}

/** Rewrites the block at `index` to `text`, keeping what did not change (and its formatting). */
export function rewriteParagraph(fragment: Y.XmlFragment, index: number, text: string): void {
	const block = fragment.get(index) as Y.XmlElement;
	const runs = textRuns(block) ?? [];
	let run = runs[0];
	if (!run) {
		run = new Y.XmlText();
		block.insert(0, [run]);
	}
	// A paragraph is one text run in Tiptap's documents; any others are folded into the first.
	for (const extra of runs.slice(1).reverse()) block.delete(block.toArray().indexOf(extra), 1);
	const before = runs.length > 1 ? runs.map(plain).join('') : plain(run);
	if (runs.length > 1) {
		run.delete(0, run.length);
		run.insert(0, before);
	}
	applyWordChanges(run, before, text);
}
