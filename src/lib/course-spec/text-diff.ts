import { diffWordsWithSpace } from 'diff';
import { richTextToPlain } from './rich-text';
import { commonSubsequence, sameJson } from './sequence';
import type { RichTextDoc } from './types';

// Inline text changes for comparing versions. Words come from jsdiff (the `diff` package): well
// kept, Unicode-aware word boundaries (Finnish and Swedish letters stay inside words), and its
// "with space" variant keeps every character, so the equal and deleted parts read back exactly as
// the old text and the equal and inserted parts as the new one.

export type SegmentOp = 'equal' | 'insert' | 'delete';
export interface Segment {
	op: SegmentOp;
	text: string;
}

export type ChangeStatus = 'unchanged' | 'changed' | 'added' | 'removed';

/** Word-level changes from `before` to `after`. */
export function diffText(before: string, after: string): Segment[] {
	if (before === after) return before === '' ? [] : [{ op: 'equal', text: before }];
	if (before === '') return [{ op: 'insert', text: after }];
	if (after === '') return [{ op: 'delete', text: before }];
	return diffWordsWithSpace(before, after).map((change) => ({
		op: change.added ? 'insert' : change.removed ? 'delete' : 'equal',
		text: change.value
	}));
}

/** The status of a text that went from `before` to `after` (an empty text counts as absent). */
export function textStatus(before: string, after: string): ChangeStatus {
	if (before === after) return 'unchanged';
	if (before === '') return 'added';
	if (after === '') return 'removed';
	return 'changed';
}

export type BlockKind = 'paragraph' | 'heading' | 'listItem' | 'quote';

/** One block of rich text as people read it: its kind, a list marker if any, and its plain text. */
export interface TextBlock {
	kind: BlockKind;
	marker?: string;
	text: string;
}

export interface BlockDiff extends TextBlock {
	status: ChangeStatus;
	segments: Segment[];
}

export interface RichTextDiff {
	blocks: BlockDiff[];
	/** Same text in every block, but marks, links or block types differ. */
	formattingOnly: boolean;
}

type Node = { type?: string; attrs?: Record<string, unknown>; content?: Node[] };

/** The readable blocks of a rich-text document: paragraphs, headings, list items, quoted blocks. */
export function textBlocks(doc: RichTextDoc | undefined): TextBlock[] {
	return blocksOf((doc?.content ?? []) as Node[], false).filter((block) => block.text.trim() !== '');
}

function blocksOf(nodes: Node[], quoted: boolean): TextBlock[] {
	return nodes.flatMap((node): TextBlock[] => {
		switch (node.type) {
			case 'blockquote':
				return blocksOf(node.content ?? [], true);
			case 'bulletList':
			case 'orderedList': {
				const start = Number(node.attrs?.start ?? 1) || 1;
				return (node.content ?? []).map((item, i) => ({
					kind: 'listItem',
					marker: node.type === 'bulletList' ? '•' : `${start + i}.`,
					// Nested lists read as part of their item, as in the plain-text export.
					text: plainOf(item.content ?? []).replace(/\n+/g, ' ')
				}));
			}
			default:
				return [{ kind: quoted ? 'quote' : node.type === 'heading' ? 'heading' : 'paragraph', text: plainOf([node]) }];
		}
	});
}

const plainOf = (content: Node[]) => richTextToPlain({ type: 'doc', content } as RichTextDoc);

const sameBlock = (a: TextBlock, b: TextBlock) => a.kind === b.kind && a.marker === b.marker && a.text === b.text;

/**
 * Changes between two rich texts, compared on their text block by block: unchanged blocks are
 * matched first (longest common subsequence), then the blocks between two matches are paired in
 * order as changed blocks with word-level changes; the rest were added or removed.
 */
export function diffRichText(before: RichTextDoc | undefined, after: RichTextDoc | undefined): RichTextDiff {
	const a = textBlocks(before);
	const b = textBlocks(after);
	const anchors = [...commonSubsequence(a, b, sameBlock), [a.length, b.length] as [number, number]];
	const blocks: BlockDiff[] = [];
	let i = 0;
	let j = 0;
	for (const [nextI, nextJ] of anchors) {
		const removed = a.slice(i, nextI);
		const added = b.slice(j, nextJ);
		for (let k = 0; k < Math.max(removed.length, added.length); k++) {
			const old = removed[k];
			const now = added[k];
			if (old && now) blocks.push({ ...now, status: 'changed', segments: diffText(old.text, now.text) });
			else if (now) blocks.push({ ...now, status: 'added', segments: diffText('', now.text) });
			else blocks.push({ ...old, status: 'removed', segments: diffText(old.text, '') });
		}
		if (nextI < a.length) blocks.push({ ...b[nextJ], status: 'unchanged', segments: diffText(b[nextJ].text, b[nextJ].text) });
		i = nextI + 1;
		j = nextJ + 1;
	}
	const textSame = blocks.every((block) => block.status === 'unchanged');
	return { blocks, formattingOnly: textSame && !sameJson(before?.content ?? [], after?.content ?? []) };
}
