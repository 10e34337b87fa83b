import { describe, expect, it } from 'vitest';
import { fullSpec } from '$lib/course-spec/fixtures';
import { bucketOf, catalogueDocument, excerptOf, HIGHLIGHT_START } from './document';

describe('what the catalogue indexes of a spec', () => {
	it('sorts text by language and weight: title A; summary, outcomes, topics B; modules C', () => {
		const doc = catalogueDocument(fullSpec());
		expect(doc.text.en.a).toBe('Circular Product Design');
		expect(doc.text.fi.a).toBe('Kiertotalouden tuotesuunnittelu');
		expect(doc.text.en.b).toContain('Apply circular-design principles');
		expect(doc.text.en.b).toContain('circular economy, product design, LCA');
		expect(doc.text.en.c).toContain('Materials and LCA');
		expect(doc.text.fi.b).toContain('Osaa soveltaa');
		expect(doc.text.other.b).toContain('CPD-101');
		expect(doc).toMatchObject({ language: 'en', eqfLevel: 6, ects: 3, fieldCode: '0788', topics: ['circular economy', 'product design', 'lca'] });
	});

	it('maps language tags to search configurations', () => {
		expect(['fi', 'sv-FI', 'en-GB', 'de', 'SE'].map(bucketOf)).toEqual(['fi', 'sv', 'en', 'other', 'other']);
	});

	it('removes the highlight markers from indexed text, so only ts_headline can place them', () => {
		const spec = fullSpec();
		spec.title.en = `Fake ${HIGHLIGHT_START}mark`;
		expect(catalogueDocument(spec).title).toBe('Fake mark');
		expect(catalogueDocument(spec).text.en.a).toBe('Fake mark');
	});

	it('cuts excerpts at a word', () => {
		expect(excerptOf('short')).toBe('short');
		expect(excerptOf('word '.repeat(100), 20)).toBe('word word word word…');
	});
});
