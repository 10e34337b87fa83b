import { getSchema } from '@tiptap/core';
import type { Node as PmNode } from '@tiptap/pm/model';
import { Transform } from '@tiptap/pm/transform';
import { StarterKit } from '@tiptap/starter-kit';
import { initProseMirrorDoc, updateYFragment, ySyncPluginKey } from '@tiptap/y-tiptap';
import type * as Y from 'yjs';
import type { Binding } from '$lib/collab/comment-highlights';

// A rich-text field edited the way the browser's editor edits it, without a browser: the field's
// Y.XmlFragment is read into a ProseMirror document (as y-prosemirror's binding does), a ProseMirror
// transform changes it, and the binding's own diff writes the change back into Yjs.

const schema = getSchema([StarterKit.configure({ undoRedo: false })]);

export function richTextClient(fragment: Y.XmlFragment) {
	const read = () => initProseMirrorDoc(fragment, schema);
	return {
		/** The binding the editor would have now (its document and node mapping). */
		binding(): Binding & { doc: PmNode } {
			const { doc, mapping } = read();
			return { type: fragment, mapping, doc };
		},
		/** Editor positions of the first occurrence of `text` inside one text node. */
		find(text: string): { from: number; to: number } {
			const { doc } = read();
			let found: { from: number; to: number } | null = null;
			doc.descendants((node, pos) => {
				const at = node.isText ? node.text!.indexOf(text) : -1;
				if (!found && at >= 0) found = { from: pos + at, to: pos + at + text.length };
			});
			if (!found) throw new Error(`“${text}” is not in the field`);
			return found;
		},
		/** Applies a ProseMirror change, written to Yjs as the editor writes a local edit. */
		edit(change: (tr: Transform) => void): void {
			const { doc, meta } = read();
			const tr = new Transform(doc);
			change(tr);
			fragment.doc!.transact(() => updateYFragment(fragment.doc!, fragment, tr.doc, meta), ySyncPluginKey);
		},
		schema
	};
}
