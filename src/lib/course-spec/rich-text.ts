import type { RichTextDoc } from './types';

// Rich text leaves the editor only through these functions: plain text for search, exports and
// checks; sanitised HTML for public pages. Input may come from storage or the network, so nothing
// about its shape is trusted here.

/** Node types the spec accepts; the editor's StarterKit must not offer others (no code block, no rule). */
export const RICH_TEXT_NODES = [
	'doc',
	'paragraph',
	'heading',
	'bulletList',
	'orderedList',
	'listItem',
	'blockquote',
	'hardBreak',
	'text'
] as const;

/**
 * Mark types the spec accepts, in the order docToSpec emits them: the rank order of Tiptap's
 * StarterKit schema, so JSON read from the document matches the editor's own getJSON().
 */
export const RICH_TEXT_MARKS = ['link', 'bold', 'code', 'italic', 'strike', 'underline'] as const;

const SAFE_LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

type Json = { type?: unknown; text?: unknown; attrs?: unknown; marks?: unknown; content?: unknown };

function children(node: Json): Json[] {
	return Array.isArray(node.content) ? (node.content.filter((c) => c && typeof c === 'object') as Json[]) : [];
}

function attr(node: Json, name: string): unknown {
	return node.attrs && typeof node.attrs === 'object' ? (node.attrs as Record<string, unknown>)[name] : undefined;
}

/**
 * Plain text: blocks separated by a blank line, list items on their own lines ("- " or "1. "),
 * hard breaks as newlines. Used for OB3 descriptions, search and the quality checks.
 */
export function richTextToPlain(doc: RichTextDoc | null | undefined): string {
	if (!doc || typeof doc !== 'object') return '';
	return blocksToPlain(children(doc as Json)).trim();
}

function blocksToPlain(blocks: Json[]): string {
	return blocks
		.map(blockToPlain)
		.filter((s) => s !== '')
		.join('\n\n');
}

function blockToPlain(node: Json): string {
	switch (node.type) {
		case 'bulletList':
		case 'orderedList': {
			const start = Number(attr(node, 'start') ?? 1) || 1;
			return children(node)
				.map((item, i) => {
					const bullet = node.type === 'bulletList' ? '- ' : `${start + i}. `;
					return bullet + blocksToPlain(children(item)).replace(/\n+/g, ' ');
				})
				.join('\n');
		}
		case 'blockquote':
		case 'listItem':
			return blocksToPlain(children(node));
		default:
			return inlineToPlain(children(node));
	}
}

function inlineToPlain(nodes: Json[]): string {
	return nodes
		.map((n) => (n.type === 'text' && typeof n.text === 'string' ? n.text : n.type === 'hardBreak' ? '\n' : ''))
		.join('');
}

/** True when the document holds no visible text (e.g. the editor's single empty paragraph). */
export function isRichTextEmpty(doc: RichTextDoc | null | undefined): boolean {
	return richTextToPlain(doc).trim() === '';
}

const escapeHtml = (s: string): string =>
	s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/**
 * Sanitised HTML. Every text is escaped; only allowlisted nodes and marks become tags (others are
 * replaced by their text); links keep only http, https and mailto targets and get a safe rel.
 */
export function richTextToHtml(doc: RichTextDoc | null | undefined): string {
	if (!doc || typeof doc !== 'object') return '';
	return children(doc as Json).map(nodeToHtml).join('');
}

function nodeToHtml(node: Json): string {
	const inner = () => children(node).map(nodeToHtml).join('');
	switch (node.type) {
		case 'text':
			return typeof node.text === 'string' ? applyMarks(escapeHtml(node.text), node.marks) : '';
		case 'hardBreak':
			return '<br>';
		case 'paragraph':
			return `<p>${inner()}</p>`;
		case 'heading': {
			const level = Math.min(6, Math.max(1, Math.trunc(Number(attr(node, 'level'))) || 1));
			return `<h${level}>${inner()}</h${level}>`;
		}
		case 'bulletList':
			return `<ul>${inner()}</ul>`;
		case 'orderedList': {
			const start = Number(attr(node, 'start'));
			return Number.isInteger(start) && start !== 1 ? `<ol start="${start}">${inner()}</ol>` : `<ol>${inner()}</ol>`;
		}
		case 'listItem':
			return `<li>${inner()}</li>`;
		case 'blockquote':
			return `<blockquote>${inner()}</blockquote>`;
		default:
			return inner();
	}
}

const MARK_TAGS = new Map<unknown, string>([
	['bold', 'strong'],
	['italic', 'em'],
	['underline', 'u'],
	['strike', 's'],
	['code', 'code']
]);

function applyMarks(html: string, marks: unknown): string {
	if (!Array.isArray(marks)) return html;
	// The first mark becomes the outermost tag, as ProseMirror renders them.
	return [...marks].reverse().reduce<string>((inner, mark: Json) => {
		if (!mark || typeof mark !== 'object') return inner;
		if (mark.type === 'link') {
			const href = safeHref(attr(mark, 'href'));
			return href ? `<a href="${escapeHtml(href)}" rel="noopener noreferrer nofollow">${inner}</a>` : inner;
		}
		const tag = MARK_TAGS.get(mark.type);
		return tag ? `<${tag}>${inner}</${tag}>` : inner;
	}, html);
}

/** The normalised URL when it uses an allowed protocol; otherwise null (relative links included). */
export function safeHref(href: unknown): string | null {
	if (typeof href !== 'string') return null;
	try {
		const url = new URL(href.trim());
		return SAFE_LINK_PROTOCOLS.has(url.protocol) ? url.href : null;
	} catch {
		return null;
	}
}
