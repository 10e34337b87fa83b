import type * as Y from 'yjs';
import { getField, type FieldKey } from '$lib/course-spec/fields';
import { findItem, ITEM_FIELDS, TEXT_FIELDS, type ItemFieldKey } from '$lib/course-spec/layout';
import { applyWordChanges } from '$lib/comments/word-edit';
import { addAssessment, addModule, addOutcome, deleteItem } from '$lib/course-spec/mutations';
import type { ListName } from '$lib/course-spec/types';
import { peekRichText, peekText, storageOf } from '$lib/editor/field-binding';
import { paragraphText, rewriteParagraph } from '$lib/comments/paragraphs';
import { COMMENT_LIMITS, type Suggestion } from '$lib/comments/model';
import { isSuggestionStale } from '$lib/comments/suggestion-status';
import { conflict, invalid } from '../errors';
import type { CheckedAnchor } from './anchors';
import { m } from '$lib/paraglide/messages';

// Suggestions on structure and text: a field's or an item's text rewritten, a paragraph of rich
// text rewritten, an item added or deleted.

const LISTS: readonly ListName[] = ['learningOutcomes', 'modules', 'assessments'];
/** The text that names an item of each list, which a suggested new item fills in. */
const NAMING_FIELD: Record<ListName, ItemFieldKey> = {
	learningOutcomes: 'outcomeText',
	modules: 'moduleTitle',
	assessments: 'assessmentTitle'
};

const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

function suggestedText(raw: unknown, field: FieldKey): string {
	if (typeof raw !== 'string') throw invalid(m.comments_error_suggestion_text(), 'after');
	const text = raw.replace(/\r\n?/g, '\n');
	const max = Math.min(getField(field).maxLength ?? COMMENT_LIMITS.suggestionLength, COMMENT_LIMITS.suggestionLength);
	if (text.length > max) throw invalid(m.comments_error_suggestion_too_long({ max }), 'after');
	if (CONTROL.test(text) || (getField(field).kind === 'text' && /[\n\t]/.test(text))) {
		throw invalid(m.comments_error_suggestion_control(), 'after');
	}
	return text;
}

function isTextField(key: string): boolean {
	return (TEXT_FIELDS as readonly string[]).includes(key) || (key in ITEM_FIELDS && ITEM_FIELDS[key as ItemFieldKey].storage === 'text');
}

function textOf(doc: Y.Doc, field: string, lang: string, itemId: string | null): Y.Text | null {
	return peekText(doc, field as FieldKey, lang, itemId ?? undefined);
}

/** Reads a proposed change from a request and checks it against the document; returns where it is anchored. */
export function checkSuggestion(doc: Y.Doc, raw: unknown): { suggestion: Suggestion; anchor: CheckedAnchor } {
	const input = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
	const lang = typeof input.lang === 'string' ? input.lang : '';
	if (input.op === 'text') {
		const field = typeof input.field === 'string' && isTextField(input.field) ? (input.field as FieldKey) : null;
		if (!field) throw invalid(m.comments_error_suggestion_fields(), 'field');
		const itemId = field in ITEM_FIELDS ? (typeof input.itemId === 'string' ? input.itemId : '') : null;
		if (itemId !== null && !findItem(doc, ITEM_FIELDS[field as ItemFieldKey].list, itemId)) {
			throw invalid(m.comments_error_no_item(), 'itemId');
		}
		const text = textOf(doc, field, lang, itemId);
		if (!text) throw invalid(m.comments_error_no_text_in_language(), 'lang');
		const before = text.toString();
		const after = suggestedText(input.after, field);
		if (after === before) throw invalid(m.comments_error_suggestion_same(), 'after');
		return {
			suggestion: { op: 'text', field, itemId, lang, before, after },
			anchor: { kind: itemId ? 'item' : 'field', field, itemId, lang: null, start: null, end: null, quote: '' }
		};
	}
	if (input.op === 'paragraph') {
		const field = typeof input.field === 'string' ? (input.field as FieldKey) : null;
		const storage = field && getField(field) ? storageOf(field) : null;
		if (!field || (storage !== 'richText' && storage !== 'itemRichText')) throw invalid(m.comments_error_paragraph_rich_only(), 'field');
		const itemId = storage === 'itemRichText' ? (typeof input.itemId === 'string' ? input.itemId : '') : null;
		if (itemId !== null && !findItem(doc, ITEM_FIELDS[field as ItemFieldKey].list, itemId)) throw invalid(m.comments_error_no_item(), 'itemId');
		const fragment = peekRichText(doc, field, lang, itemId ?? undefined);
		const index = typeof input.index === 'number' ? input.index : -1;
		const before = fragment ? paragraphText(fragment, index) : null;
		if (before === null) throw invalid(m.comments_error_paragraph_gone(), 'index');
		const after = suggestedText(input.after, field);
		if (/[\n\t]/.test(after)) throw invalid(m.comments_error_paragraph_one_line(), 'after');
		if (after === before) throw invalid(m.comments_error_suggestion_same(), 'after');
		return {
			suggestion: { op: 'paragraph', field, itemId, lang, index, before, after },
			anchor: { kind: itemId ? 'item' : 'field', field, itemId, lang: null, start: null, end: null, quote: '' }
		};
	}
	const list = LISTS.find((l) => l === input.list);
	if (input.op === 'addItem' && list) {
		const text = suggestedText(input.text, NAMING_FIELD[list]);
		if (text.trim() === '') throw invalid(m.comments_error_new_item_text(), 'text');
		return {
			suggestion: { op: 'addItem', list, lang, text },
			anchor: { kind: 'field', field: list, itemId: null, lang: null, start: null, end: null, quote: '' }
		};
	}
	if (input.op === 'deleteItem' && list) {
		const itemId = typeof input.itemId === 'string' ? input.itemId : '';
		if (!findItem(doc, list, itemId)) throw invalid(m.comments_error_no_item(), 'itemId');
		const before = textOf(doc, NAMING_FIELD[list], lang, itemId)?.toString() ?? '';
		return {
			suggestion: { op: 'deleteItem', list, itemId, before },
			anchor: { kind: 'item', field: list, itemId, lang: null, start: null, end: null, quote: '' }
		};
	}
	throw invalid(m.comments_error_suggestion_kind(), 'suggestion');
}

/** Makes the suggested change in `doc` (one transaction); refuses a stale suggestion. */
export function applySuggestion(doc: Y.Doc, suggestion: Suggestion): void {
	if (isSuggestionStale(doc, suggestion)) throw conflict(m.comments_error_suggestion_stale());
	doc.transact(() => {
		switch (suggestion.op) {
			case 'text':
				applyWordChanges(textOf(doc, suggestion.field, suggestion.lang, suggestion.itemId)!, suggestion.before, suggestion.after);
				return;
			case 'paragraph':
				rewriteParagraph(peekRichText(doc, suggestion.field as FieldKey, suggestion.lang, suggestion.itemId ?? undefined)!, suggestion.index, suggestion.after);
				return;
			case 'deleteItem':
				deleteItem(doc, suggestion.list, suggestion.itemId);
				return;
			case 'addItem': {
				const text = { [suggestion.lang]: suggestion.text };
				if (suggestion.list === 'learningOutcomes') addOutcome(doc, text);
				else if (suggestion.list === 'modules') addModule(doc, { title: text });
				else addAssessment(doc, { title: text });
				return;
			}
		}
	});
}
