import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { encodeEnds, encodeRange, flattenRichText, resolveRange } from './range';

// Ranges in a rich-text field: ends in the paragraphs' text nodes, offsets and quote read from the
// field's text with blocks joined by newlines.

function richField() {
	const doc = new Y.Doc();
	const fragment = doc.getMap('summary').set('en', new Y.XmlFragment());
	const paragraph = (text: string) => {
		const p = new Y.XmlElement('paragraph');
		p.insert(0, [new Y.XmlText(text)]);
		return p;
	};
	const list = new Y.XmlElement('bulletList');
	const item = new Y.XmlElement('listItem');
	item.insert(0, [paragraph('Repair cafés')]);
	list.insert(0, [item]);
	fragment.insert(0, [paragraph('Firms compete.'), list, paragraph('Students compare models.')]);
	const texts = [fragment.get(0), item.get(0), fragment.get(2)].map((p) => (p as Y.XmlElement).get(0) as Y.XmlText);
	return { doc, fragment, texts };
}

describe('rich-text ranges', () => {
	it('reads the field as text with one newline between blocks, nested ones included', () => {
		const { fragment } = richField();
		expect(flattenRichText(fragment).text).toBe('Firms compete.\nRepair cafés\nStudents compare models.');
	});

	it('resolves a range across paragraphs to its text, following an insertion before it', () => {
		const { doc, fragment, texts } = richField();
		const ends = encodeEnds({ type: texts[0], index: 6 }, { type: texts[2], index: 8 });
		expect(resolveRange(doc, ends.start, ends.end)).toMatchObject({ type: fragment, text: 'compete.\nRepair cafés\nStudents', orphaned: false });
		texts[0].insert(0, 'Small ');
		texts[2].insert(8, ' and teachers');
		expect(resolveRange(doc, ends.start, ends.end)?.text).toBe('compete.\nRepair cafés\nStudents');
	});

	it('is orphaned once the text between its ends is deleted, and a plain range still resolves as before', () => {
		const { doc, texts } = richField();
		const ends = encodeRange(texts[2], 9, 16);
		expect(resolveRange(doc, ends.start, ends.end)?.text).toBe('compare');
		texts[2].delete(9, 8);
		expect(resolveRange(doc, ends.start, ends.end)).toMatchObject({ orphaned: true });

		const plain = doc.getMap('targetGroup').set('en', new Y.Text('Owners of small firms'));
		const range = encodeRange(plain, 10, 15);
		expect(resolveRange(doc, range.start, range.end)).toMatchObject({ type: plain, text: 'small', orphaned: false });
	});
});
