import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { cleanRichText, cleanText } from './clean-text';
import { docToSpec, specToDoc } from './doc';
import { fullSpec } from './fixtures';
import { listArray, metaMap, replaceText, textMap } from './layout';
import { getRichText } from './mutations';

describe('cleanText', () => {
	it('keeps ordinary text, tabs, newlines and whole surrogate pairs', () => {
		expect(cleanText('Ääkköset\tand\nemoji 🧪 — fine')).toBe('Ääkköset\tand\nemoji 🧪 — fine');
	});

	it('strips every other C0 control character', () => {
		const controls = Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).join('');
		expect(cleanText(`a${controls}b`)).toBe('a\t\nb');
	});

	it('strips lone surrogates, high or low', () => {
		expect(cleanText('x\ud800y\udc00z\ud83e')).toBe('xyz');
	});
});

describe('cleanRichText', () => {
	it('cleans texts and attributes, and drops text nodes left empty', () => {
		const doc = {
			type: 'doc',
			content: [
				{
					type: 'paragraph',
					content: [
						{ type: 'text', text: '\u0000' },
						{ type: 'text', text: 'link\u0000', marks: [{ type: 'link', attrs: { href: 'https://a.example/\u0000' } }] }
					]
				}
			]
		} as const;
		expect(cleanRichText(doc as never)).toEqual({
			type: 'doc',
			content: [
				{ type: 'paragraph', content: [{ type: 'text', text: 'link', marks: [{ type: 'link', attrs: { href: 'https://a.example/' } }] }] }
			]
		});
	});
});

describe('docToSpec strips control characters', () => {
	it('from plain texts, meta values, lists, ids and rich text, so the spec can be stored as jsonb', () => {
		const doc = specToDoc(fullSpec());
		doc.transact(() => {
			replaceText(textMap(doc, 'title').get('en')!, 'A\u0000 title\ud800');
			metaMap(doc).set('nqfLevel', '\u0000');
			metaMap(doc).set('languages', ['en', 'f\u0000i']);
			const outcome = listArray(doc, 'learningOutcomes').get(0);
			outcome.set('id', `${outcome.get('id')}\u0000`);
			const summary = getRichText(doc, 'summary', 'en');
			summary.delete(0, summary.length);
			const paragraph = new Y.XmlElement('paragraph');
			paragraph.insert(0, [new Y.XmlText('\u0007')]);
			summary.insert(0, [paragraph]);
		});
		const spec = docToSpec(doc);
		expect(spec.title.en).toBe('A title');
		expect(spec.nqfLevel).toBeNull();
		expect(spec.languages).toEqual(['en', 'fi']);
		expect(spec.learningOutcomes[0].id).toBe(fullSpec().learningOutcomes[0].id);
		// A paragraph of nothing but a bell is empty rich text, i.e. not set.
		expect(spec.summary.en).toBeUndefined();
		expect(JSON.stringify(spec)).not.toMatch(/\\u0000|\\ud800|\\u0007/);
	});

	it('changes nothing in a clean document', () => {
		expect(docToSpec(specToDoc(fullSpec()))).toEqual(fullSpec());
	});
});
