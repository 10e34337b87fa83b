import { safeHref } from '$lib/course-spec/rich-text';
import { LIMITS } from '$lib/course-spec/limits';
import type { RichTextDoc } from '$lib/course-spec/types';

// Rich text for the PDF: the same allowlist as richTextToHtml (course-spec/rich-text.ts), as data the
// Typst template lays out. Typst receives the text as strings, never as markup, so nothing typed can
// act as Typst code; links keep only the targets safeHref allows.

export interface Run {
	text: string;
	bold?: true;
	italic?: true;
	underline?: true;
	strike?: true;
	code?: true;
	href?: string;
	/** A hard line break (text is empty). */
	br?: true;
}

export type Block =
	| { type: 'p'; runs: Run[] }
	| { type: 'h'; runs: Run[] }
	| { type: 'ul'; items: Block[][] }
	| { type: 'ol'; start: number; items: Block[][] }
	| { type: 'quote'; blocks: Block[] };

type Json = { type?: unknown; text?: unknown; attrs?: unknown; marks?: unknown; content?: unknown };

const children = (node: Json): Json[] =>
	Array.isArray(node.content) ? (node.content.filter((c) => c && typeof c === 'object') as Json[]) : [];

const attr = (node: Json, name: string): unknown =>
	node.attrs && typeof node.attrs === 'object' ? (node.attrs as Record<string, unknown>)[name] : undefined;

function runOf(node: Json): Run | null {
	if (node.type === 'hardBreak') return { text: '', br: true };
	if (node.type !== 'text' || typeof node.text !== 'string' || node.text === '') return null;
	const run: Run = { text: node.text };
	for (const mark of Array.isArray(node.marks) ? (node.marks as Json[]) : []) {
		if (!mark || typeof mark !== 'object') continue;
		if (mark.type === 'bold') run.bold = true;
		else if (mark.type === 'italic') run.italic = true;
		else if (mark.type === 'underline') run.underline = true;
		else if (mark.type === 'strike') run.strike = true;
		else if (mark.type === 'code') run.code = true;
		else if (mark.type === 'link') {
			const href = safeHref(attr(mark, 'href'));
			if (href) run.href = href;
		}
	}
	return run;
}

const runsOf = (node: Json): Run[] => children(node).flatMap((c) => runOf(c) ?? []);

function blocksOf(nodes: Json[], depth: number): Block[] {
	if (depth > LIMITS.richTextDepth) return [];
	return nodes.flatMap((node): Block[] => {
		switch (node.type) {
			case 'paragraph':
				return [{ type: 'p', runs: runsOf(node) }];
			case 'heading':
				return [{ type: 'h', runs: runsOf(node) }];
			case 'bulletList':
				return [{ type: 'ul', items: children(node).map((item) => blocksOf(children(item), depth + 1)) }];
			case 'orderedList': {
				const start = Number(attr(node, 'start'));
				return [{ type: 'ol', start: Number.isInteger(start) && start > 0 ? start : 1, items: children(node).map((item) => blocksOf(children(item), depth + 1)) }];
			}
			case 'blockquote':
				return [{ type: 'quote', blocks: blocksOf(children(node), depth + 1) }];
			case 'listItem':
				return blocksOf(children(node), depth + 1);
			default: {
				// Unknown nodes keep their text, as richTextToHtml does.
				const runs = runsOf(node);
				return runs.length > 0 ? [{ type: 'p', runs }] : [];
			}
		}
	});
}

export function richTextBlocks(doc: RichTextDoc | null | undefined): Block[] {
	if (!doc || typeof doc !== 'object') return [];
	return blocksOf(children(doc as Json), 0);
}
