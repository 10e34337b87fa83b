import type { Perspective } from '$lib/roles';

// Comments and suggestions as browser and server both see them: the shapes the comments API
// answers with, the limits the server enforces and the composer shows, and how a body is read.

export const COMMENT_LIMITS = {
	/** Characters of one comment (the reply to a rejected suggestion included). */
	bodyLength: 4000,
	/** Characters of text kept as the quote of a range anchor. */
	quoteLength: 500,
	/** People one comment may mention. */
	mentions: 20,
	/** Characters of a suggested text (the longest plain field of the spec). */
	suggestionLength: 5000
} as const;

export type AnchorKind = 'field' | 'item' | 'range';

/** Where a thread is anchored: a field, a list item's field (or the whole item), or a range of text. */
export interface Anchor {
	kind: AnchorKind;
	/** A field key of the spec (course-spec/fields.ts), or a list name for a whole item. */
	field: string;
	itemId?: string | null;
	/** Range anchors: the language of the text and its two ends as base64 Yjs relative positions. */
	lang?: string | null;
	start?: string | null;
	end?: string | null;
	/** Range anchors: the text selected when the comment was made (kept when the text is gone). */
	quote?: string;
}

/**
 * A proposed change. `text`: a plain text field or an item's text field gets `after` instead of
 * `before`; `paragraph`: likewise one paragraph of a rich-text field. `addItem`: a new outcome (its text) or module/assessment (its title). `deleteItem`: an item
 * goes, `before` naming what it said.
 */
export type Suggestion =
	| { op: 'text'; field: string; itemId: string | null; lang: string; before: string; after: string }
	/** One paragraph (or heading) of a rich-text field, by its place among the field's blocks. */
	| { op: 'paragraph'; field: string; itemId: string | null; lang: string; index: number; before: string; after: string }
	| { op: 'addItem'; list: 'learningOutcomes' | 'modules' | 'assessments'; lang: string; text: string }
	| { op: 'deleteItem'; list: 'learningOutcomes' | 'modules' | 'assessments'; itemId: string; before: string };

export type SuggestionState = 'open' | 'accepted' | 'rejected';

export interface CommentPerson {
	id: string;
	name: string;
	perspective: Perspective | null;
}

export interface CommentView {
	id: string;
	author: CommentPerson | null;
	/** Empty for a deleted comment. */
	body: string;
	mentions: CommentPerson[];
	createdAt: string;
	editedAt: string | null;
	deleted: boolean;
	mine: boolean;
}

export interface ThreadView {
	id: string;
	anchor: Anchor;
	author: CommentPerson | null;
	createdAt: string;
	resolved: boolean;
	resolvedBy: string | null;
	suggestion: Suggestion | null;
	suggestionState: SuggestionState | null;
	decidedBy: string | null;
	/** Set for comments a coordinator made when asking for changes. */
	review: boolean;
	comments: CommentView[];
}

export interface CommentsPayload {
	threads: ThreadView[];
	/** The team, for @mention autocomplete and the author filter. */
	team: CommentPerson[];
	me: string;
	can: { comment: boolean; suggest: boolean; decide: boolean };
}

export type BodyRun = { kind: 'text'; text: string } | { kind: 'link'; href: string; text: string } | { kind: 'mention'; text: string; person: CommentPerson };

const LINK = /\bhttps?:\/\/[^\s<>"]+[^\s<>".,;:!?)\]}'"]/g;

/**
 * A comment body as runs of plain text, web links and mentions; nothing in it is ever HTML. A
 * mention is `@Name` of a person the comment names in its mentions.
 */
export function bodyRuns(body: string, mentions: readonly CommentPerson[]): BodyRun[] {
	const runs: BodyRun[] = [];
	const people = [...mentions].sort((a, b) => b.name.length - a.name.length);
	let text = '';
	const flush = () => {
		if (text) runs.push({ kind: 'text', text });
		text = '';
	};
	let i = 0;
	while (i < body.length) {
		if (body[i] === '@') {
			const person = people.find((p) => body.startsWith(p.name, i + 1));
			if (person) {
				flush();
				runs.push({ kind: 'mention', text: `@${person.name}`, person });
				i += person.name.length + 1;
				continue;
			}
		}
		LINK.lastIndex = i;
		const link = body[i] === 'h' ? LINK.exec(body) : null;
		if (link && link.index === i && (i === 0 || /[\s(]/.test(body[i - 1]))) {
			flush();
			runs.push({ kind: 'link', href: link[0], text: link[0] });
			i += link[0].length;
			continue;
		}
		text += body[i];
		i += 1;
	}
	flush();
	return runs;
}
