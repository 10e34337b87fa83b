import * as Y from 'yjs';
import { defaultDeleteFilter, defaultProtectedNodes, ySyncPluginKey } from '@tiptap/y-tiptap';
import { LIST_NAMES, listArray, META, metaMap, RICH_TEXT_FIELDS, richTextMap, TEXT_FIELDS, textMap, topicsArray } from '$lib/course-spec/layout';
import { LOCAL_INPUT } from './text-binding';

/**
 * One undo history for the whole course page, of this person's own changes only: plain text (the
 * textarea binding), rich text (Tiptap, whose changes carry ySyncPluginKey), and choices and lists
 * (the mutation helpers, which run without an origin). Changes from the server (other people, a
 * restored version) and from the local copy in the browser carry their provider as origin and are
 * never undone.
 */
export function createUndoManager(doc: Y.Doc): Y.UndoManager {
	// Yjs types are invariant in their event type, so a scope of different kinds needs `any`.
	const scope: Y.AbstractType<any>[] = [
		metaMap(doc),
		topicsArray(doc),
		...TEXT_FIELDS.map((key) => textMap(doc, key)),
		...RICH_TEXT_FIELDS.map((key) => richTextMap(doc, key)),
		...LIST_NAMES.map((list) => listArray(doc, list))
	];
	const ownOrigins = new Set<unknown>([null, LOCAL_INPUT, ySyncPluginKey]);
	let lastTarget = '';
	const manager: Y.UndoManager = new Y.UndoManager(scope, {
		trackedOrigins: ownOrigins,
		// As Tiptap's own manager: never delete a paragraph that holds text, or the editor's document breaks.
		deleteFilter: (item) => defaultDeleteFilter(item, defaultProtectedNodes),
		captureTransaction: (transaction) => {
			if (transaction.meta.get('addToHistory') === false) return false;
			// Quick changes are merged into one step only within one field: typing and then picking a
			// value elsewhere are two steps, as they are two things to take back.
			// (Tiptap also runs transactions that change nothing: they neither split nor join steps.)
			if (ownOrigins.has(transaction.origin) && transaction.changed.size > 0) {
				const target = changeTarget(transaction);
				if (target !== lastTarget) manager.stopCapturing();
				lastTarget = target;
			}
			return true;
		}
	});
	return manager;
}

/**
 * Names what a transaction changed, as stable names rather than positions: the top-level field, the
 * list item's id and the nested keys (a language, an item's part); scalars in meta by their key.
 */
export function changeTarget(transaction: Y.Transaction): string {
	const names = new Set<string>();
	for (const [type, keys] of transaction.changed) {
		const path = pathOf(type, transaction.doc);
		if (path === META) for (const key of keys) names.add(`${META}.${key}`);
		else names.add(path);
	}
	return [...names].sort().join('|');
}

function pathOf(type: Y.AbstractType<any>, doc: Y.Doc): string {
	const parts: string[] = [];
	let current: Y.AbstractType<any> | null = type;
	while (current?._item) {
		const item: Y.Item = current._item;
		if (item.parentSub) parts.push(item.parentSub);
		else if (current instanceof Y.Map && typeof current.get('id') === 'string') parts.push(current.get('id') as string);
		current = item.parent instanceof Y.AbstractType ? item.parent : null;
	}
	parts.push(current ? topLevelName(current, doc) : '?');
	return parts.reverse().join('/');
}

function topLevelName(type: Y.AbstractType<any>, doc: Y.Doc): string {
	for (const [name, shared] of doc.share) if (shared === type) return name;
	return '?';
}

type UndoEvent = 'stack-item-added' | 'stack-item-popped' | 'stack-item-updated' | 'stack-cleared';

/**
 * What one Tiptap editor gets instead of the shared manager. y-tiptap destroys the manager it is
 * given when its editor goes away (a module deleted, a field re-rendered), which would end the
 * page's whole history; this handle forwards everything and, when destroyed, only drops its own
 * listeners.
 */
export class EditorUndoHandle {
	readonly #manager: Y.UndoManager;
	readonly #listeners: [UndoEvent, (...args: never[]) => void][] = [];

	constructor(manager: Y.UndoManager) {
		this.#manager = manager;
	}

	get undoStack() {
		return this.#manager.undoStack;
	}
	get redoStack() {
		return this.#manager.redoStack;
	}
	get trackedOrigins() {
		return this.#manager.trackedOrigins;
	}
	get doc() {
		return this.#manager.doc;
	}
	// Tiptap re-attaches this after re-creating a plugin view; the shared manager is never detached.
	readonly afterTransactionHandler = () => {};

	undo() {
		return this.#manager.undo();
	}
	redo() {
		return this.#manager.redo();
	}
	stopCapturing() {
		this.#manager.stopCapturing();
	}
	on(name: UndoEvent, listener: (...args: never[]) => void) {
		this.#manager.on(name, listener as never);
		this.#listeners.push([name, listener]);
	}
	off(name: UndoEvent, listener: (...args: never[]) => void) {
		this.#manager.off(name, listener as never);
	}
	destroy() {
		for (const [name, listener] of this.#listeners.splice(0)) this.#manager.off(name, listener as never);
	}
}
