import { Extension } from '@tiptap/core';
import { Plugin } from '@tiptap/pm/state';
import { ySyncPluginKey } from '@tiptap/y-tiptap';

// A rich-text field that a commenter reads: the caret moves and text can be selected with the
// keyboard (a non-editable ProseMirror has no caret, so keyboard users could not select), yet no
// change is made: typing, pasting and dropping are refused before they become a transaction, and
// any change that still gets through is dropped unless it comes from the shared document.

export const ReadOnlySelection = Extension.create<{ active: () => boolean }>({
	name: 'readOnlySelection',
	addOptions: () => ({ active: () => false }),
	addProseMirrorPlugins() {
		const { active } = this.options;
		const refuse = () => active();
		return [
			new Plugin({
				filterTransaction: (tr) => !active() || !tr.docChanged || tr.getMeta(ySyncPluginKey) !== undefined,
				props: {
					handleDOMEvents: {
						beforeinput: (_view, event) => {
							if (!active()) return false;
							event.preventDefault();
							return true;
						}
					},
					handleKeyDown: (_view, event) => refuse() && (event.key === 'Enter' || event.key === 'Backspace' || event.key === 'Delete'),
					handlePaste: refuse,
					handleDrop: refuse
				}
			})
		];
	}
});
