import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { docToSpec, specToDoc } from './doc';
import { makePrimaryLanguage, removeLanguage, textsWrittenIn } from './editions';
import { multilingualSpec } from './fixtures';
import { listArray, textMap } from './layout';
import { addLanguage, addOutcome, getRichText, getText } from './mutations';

describe('a course’s editions', () => {
	it('counts the texts written in a language, each item’s field once', () => {
		const spec = multilingualSpec();
		// 9 course-level texts (title, summary, target group, prerequisites, awarding body, QA statement,
		// grading, larger credential, further information), 3 outcomes, 3 module and 2 assessment titles.
		expect(textsWrittenIn(spec, 'sv')).toBe(17);
		expect(textsWrittenIn(spec, 'de')).toBe(0);
		spec.learningOutcomes[0].text.sv = '   ';
		expect(textsWrittenIn(spec, 'sv')).toBe(16);
	});

	it('adding a language creates its empty texts in every translatable field and item', () => {
		const doc = specToDoc(multilingualSpec());
		addLanguage(doc, 'de');
		expect(docToSpec(doc).languages).toEqual(['fi', 'sv', 'en', 'de']);
		expect(textMap(doc, 'furtherInformation').get('de')).toBeInstanceOf(Y.Text);
		for (const item of listArray(doc, 'modules').toArray()) {
			expect((item.get('title') as Y.Map<unknown>).get('de')).toBeInstanceOf(Y.Text);
			expect((item.get('description') as Y.Map<unknown>).get('de')).toBeInstanceOf(Y.XmlFragment);
		}
		// Nothing is written yet: the spec does not show the new language anywhere but in the list.
		expect(textsWrittenIn(docToSpec(doc), 'de')).toBe(0);
	});

	it('removing a language empties its texts everywhere and leaves the others untouched', () => {
		const doc = specToDoc(multilingualSpec());
		const id = addOutcome(doc, { sv: 'Kan förklara cirkulär ekonomi.', fi: 'Osaa selittää.' });
		getRichText(doc, 'summary', 'sv');
		removeLanguage(doc, 'sv');
		const spec = docToSpec(doc);
		expect(spec.languages).toEqual(['fi', 'en']);
		expect(textsWrittenIn(spec, 'sv')).toBe(0);
		expect(spec.title).toEqual({ fi: 'Kiertotalouden tuotesuunnittelu', en: 'Circular Product Design' });
		expect(spec.learningOutcomes.find((o) => o.id === id)?.text).toEqual({ fi: 'Osaa selittää.' });
		expect(textsWrittenIn(spec, 'fi')).toBe(textsWrittenIn(multilingualSpec(), 'fi') + 1);
		// The emptied entry is still there for editors bound to it, and is reused if sv comes back.
		const entry = textMap(doc, 'title').get('sv');
		addLanguage(doc, 'sv');
		expect(getText(doc, 'title', 'sv')).toBe(entry);
	});

	it('makes another language primary by moving it first, keeping the others in order', () => {
		const doc = specToDoc(multilingualSpec());
		makePrimaryLanguage(doc, 'en');
		expect(docToSpec(doc).languages).toEqual(['en', 'fi', 'sv']);
		makePrimaryLanguage(doc, 'de');
		expect(docToSpec(doc).languages).toEqual(['en', 'fi', 'sv']);
	});

	it('a peer typing in a language while it is removed keeps the concurrent text in that entry', () => {
		const a = specToDoc(multilingualSpec());
		const b = new Y.Doc();
		Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
		removeLanguage(a, 'sv');
		getText(b, 'title', 'sv').insert(0, 'Ny ');
		Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
		Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
		// CRDT: the deletion covers what it saw, the concurrent insert survives; both converge.
		expect(docToSpec(a)).toEqual(docToSpec(b));
		expect(docToSpec(a).title.sv).toBe('Ny ');
		expect(docToSpec(a).languages).toEqual(['fi', 'en']);
	});
});
