import * as Y from 'yjs';
import { RICH_TEXT_MARKS } from './rich-text';
import type { RichTextDoc, RichTextMark, RichTextNode } from './types';

// Rich text lives in a Y.XmlFragment that Tiptap's Collaboration extension (y-prosemirror, as
// vendored in @tiptap/y-tiptap) edits directly, so both directions here use y-prosemirror's encoding:
// - a node is a Y.XmlElement named after its ProseMirror type, with its non-null attrs as attributes;
// - each run of adjacent text nodes is one Y.XmlText; marks are formatting attributes named after the
//   mark type with the mark's attrs as value ({bold: {}}, {link: {href}}). Marks that may overlap
//   themselves get a "--<hash>" suffix in y-prosemirror; none in StarterKit do, but reading strips it.

interface JsonNode {
	type: string;
	attrs?: Record<string, unknown>;
	content?: JsonNode[];
	text?: string;
	marks?: RichTextMark[];
}

const HASHED_MARK_NAME = /(.*)(--[a-zA-Z0-9+/=]{8})$/;

/** Replaces the fragment's content with the document, inside the caller's transaction if any. */
export function writeRichText(fragment: Y.XmlFragment, doc: RichTextDoc): void {
	const apply = () => {
		fragment.delete(0, fragment.length);
		fragment.insert(0, toYNodes((doc.content ?? []) as JsonNode[]));
	};
	if (fragment.doc) fragment.doc.transact(apply);
	else apply();
}

/** Yjs nodes for ProseMirror JSON nodes (not yet in a document), in y-prosemirror's encoding. */
export function toYNodes(nodes: JsonNode[]): (Y.XmlElement | Y.XmlText)[] {
	const out: (Y.XmlElement | Y.XmlText)[] = [];
	let textRun: JsonNode[] = [];
	const flushText = () => {
		const delta = textRun
			.filter((t) => t.text)
			.map((t) => ({ insert: t.text as string, attributes: marksToAttributes(t.marks) }));
		if (delta.length > 0) {
			const text = new Y.XmlText();
			text.applyDelta(delta);
			out.push(text);
		}
		textRun = [];
	};
	for (const node of nodes) {
		if (node.type === 'text') {
			textRun.push(node);
			continue;
		}
		flushText();
		const element = new Y.XmlElement(node.type);
		for (const [key, value] of Object.entries(node.attrs ?? {})) {
			if (value !== null && value !== undefined) element.setAttribute(key, value as string);
		}
		element.insert(0, toYNodes(node.content ?? []));
		out.push(element);
	}
	flushText();
	return out;
}

function marksToAttributes(marks: RichTextMark[] | undefined): Record<string, unknown> {
	const attributes: Record<string, unknown> = {};
	for (const mark of marks ?? []) attributes[mark.type] = 'attrs' in mark ? mark.attrs : {};
	return attributes;
}

/** Reads the fragment as ProseMirror JSON in a canonical form (sorted attrs and marks, no nulls). */
export function readRichText(fragment: Y.XmlFragment): RichTextDoc {
	const content = fromYNodes(fragment.toArray());
	return content.length > 0 ? ({ type: 'doc', content } as RichTextDoc) : { type: 'doc' };
}

function fromYNodes(items: unknown[]): RichTextNode[] {
	const nodes: JsonNode[] = [];
	for (const item of items) {
		if (item instanceof Y.XmlText) {
			for (const op of item.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]) {
				if (typeof op.insert !== 'string' || op.insert === '') continue;
				const marks = attributesToMarks(op.attributes);
				nodes.push(marks.length > 0 ? { type: 'text', text: op.insert, marks } : { type: 'text', text: op.insert });
			}
		} else if (item instanceof Y.XmlElement) {
			const node: JsonNode = { type: item.nodeName };
			const attrs = withoutNulls(item.getAttributes());
			if (attrs) node.attrs = attrs;
			const content = fromYNodes(item.toArray());
			if (content.length > 0) node.content = content as JsonNode[];
			nodes.push(node);
		}
	}
	return nodes as RichTextNode[];
}

function attributesToMarks(attributes: Record<string, unknown> | undefined): RichTextMark[] {
	const marks = Object.entries(attributes ?? {}).map(([name, value]) => {
		const type = HASHED_MARK_NAME.exec(name)?.[1] ?? name;
		const attrs = value && typeof value === 'object' ? withoutNulls(value as Record<string, unknown>) : undefined;
		return (attrs ? { type, attrs } : { type }) as RichTextMark;
	});
	// Yjs keeps formatting attributes in edit order, which differs between peers; published
	// versions are hashed, so the same content must always give the same JSON.
	return marks.sort((a, b) => markRank(a.type) - markRank(b.type) || a.type.localeCompare(b.type));
}

function markRank(type: string): number {
	const rank = (RICH_TEXT_MARKS as readonly string[]).indexOf(type);
	return rank === -1 ? RICH_TEXT_MARKS.length : rank;
}

function withoutNulls(record: Record<string, unknown>): Record<string, unknown> | undefined {
	const keys = Object.keys(record)
		.filter((k) => record[k] !== null && record[k] !== undefined)
		.sort();
	return keys.length > 0 ? Object.fromEntries(keys.map((k) => [k, record[k]])) : undefined;
}
