import type { AnyExtension } from '@tiptap/core';
import { Document } from '@tiptap/extension-document';
import { Paragraph } from '@tiptap/extension-paragraph';
import { Text } from '@tiptap/extension-text';
import { Placeholder } from '@tiptap/extensions';
import { StarterKit } from '@tiptap/starter-kit';
import { Collaboration } from '@tiptap/extension-collaboration';
import { CollaborationCaret } from '@tiptap/extension-collaboration-caret';
import { Extension } from '@tiptap/core';
import type * as Y from 'yjs';
import type { WebsocketProvider } from 'y-websocket';
import type { EditorUndoHandle } from './undo';
import { CommentHighlights } from './comment-highlights';
import { ReadOnlySelection } from './read-only-selection';

export type TextMode = 'line' | 'plain' | 'rich';

// A single-line field is a document of exactly one paragraph, and Enter does nothing.
const SingleLineDocument = Document.extend({ content: 'paragraph' });
const NoEnter = Extension.create({
	name: 'noEnter',
	addKeyboardShortcuts: () => ({ Enter: () => true, 'Shift-Enter': () => true })
});

export function editorExtensions(options: {
	mode: TextMode;
	fragment: Y.XmlFragment;
	provider: WebsocketProvider;
	/** The page's shared undo history (see undo.ts), so Ctrl+Z in rich text and elsewhere is one history. */
	undoManager: EditorUndoHandle;
	user: { name: string; color: string };
	placeholder?: string;
	/** A highlighted comment's text was clicked: show its thread. */
	onOpenThread?: (threadId: string) => void;
	/** While true, the text can be selected (to comment on it) but not changed. */
	selectOnly?: () => boolean;
}): AnyExtension[] {
	const base: AnyExtension[] =
		options.mode === 'rich'
			? [
					// Collaboration brings its own undo history (per user); ProseMirror's would undo others' edits.
					StarterKit.configure({
						undoRedo: false,
						codeBlock: false,
						horizontalRule: false,
						heading: { levels: [3, 4] },
						link: { openOnClick: false, protocols: ['http', 'https', 'mailto'] }
					})
				]
			: options.mode === 'line'
				? [SingleLineDocument, Paragraph, Text, NoEnter]
				: [Document, Paragraph, Text];
	return [
		...base,
		Placeholder.configure({ placeholder: options.placeholder ?? '' }),
		Collaboration.configure({ fragment: options.fragment, yUndoOptions: { undoManager: options.undoManager } }),
		CollaborationCaret.configure({ provider: options.provider, user: options.user }),
		CommentHighlights.configure({ onOpen: options.onOpenThread ?? (() => {}) }),
		ReadOnlySelection.configure({ active: options.selectOnly ?? (() => false) })
	];
}
