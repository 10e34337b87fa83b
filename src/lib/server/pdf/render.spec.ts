import { describe, expect, it } from 'vitest';
import { extractText, getDocumentProxy } from 'unpdf';
import { fullSpec } from '$lib/course-spec/fixtures';
import type { CourseSpec, RichTextDoc } from '$lib/course-spec/types';
import { presentPublicSpec } from '../public-pages/present';
import { renderCoursePdf, type CoursePdfInput } from './render';

function input(spec: CourseSpec, overrides: Partial<CoursePdfInput> = {}): CoursePdfInput {
	return {
		spec: presentPublicSpec(spec),
		provider: 'Example University of Applied Sciences',
		version: 2,
		latest: 2,
		publishedAt: new Date('2026-03-12T10:00:00Z'),
		contentHash: 'a'.repeat(64),
		retired: false,
		url: 'https://courses.example.org/c/circular-product-design/v/2',
		latestUrl: 'https://courses.example.org/c/circular-product-design',
		...overrides
	};
}

async function textOf(pdf: Uint8Array): Promise<{ pages: number; text: string }> {
	const doc = await getDocumentProxy(new Uint8Array(pdf));
	const { totalPages, text } = await extractText(doc, { mergePages: true });
	return { pages: totalPages, text: text.replace(/\s+/g, ' ') };
}

describe('the course PDF', () => {
	it('says "updated after pilot feedback" with the team’s summary and list, only when the version has them', async () => {
		const spec = fullSpec();
		const pilotFeedback = {
			summary: 'Twelve pilot participants; we shortened module 2.',
			addressed: 3,
			items: [{ about: 'Module 2: Materials and LCA', said: 'The videos were too long.', changed: 'Videos are now at most ten minutes.' }]
		};
		const { text } = await textOf(renderCoursePdf(input(spec, { pilotFeedback })));
		for (const words of ['Updated after pilot feedback', pilotFeedback.summary, 'This version addresses 3 points raised by pilot participants.', 'You said, we changed', 'The videos were too long.', 'Videos are now at most ten minutes.']) {
			expect(text).toContain(words);
		}
		expect((await textOf(renderCoursePdf(input(spec)))).text).not.toContain('pilot feedback');
		const onlyCount = await textOf(renderCoursePdf(input(spec, { pilotFeedback: { summary: '', addressed: 1, items: [] } })));
		expect(onlyCount.text).toContain('This version addresses 1 point');
		expect(onlyCount.text).not.toContain('You said, we changed');
	});

	it('holds the title and every learning outcome, in a PDF that opens', async () => {
		const spec = fullSpec();
		const pdf = renderCoursePdf(input(spec));
		expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-');
		const { pages, text } = await textOf(pdf);
		expect(pages).toBeGreaterThanOrEqual(1);
		expect(text).toContain(spec.title.en);
		for (const outcome of spec.learningOutcomes) expect(text).toContain(outcome.text.en);
		expect(text).toContain('Version 2');
	});

	it('gives the same bytes for the same version', () => {
		const a = renderCoursePdf(input(fullSpec()));
		const b = renderCoursePdf(input(fullSpec()));
		expect(Buffer.compare(a, b)).toBe(0);
	});

	it('prints Finnish and Swedish letters and Typst syntax as the text people typed', async () => {
		const spec = fullSpec();
		spec.languages = ['fi'];
		spec.title = { fi: 'Äidinkieli ja yrittäjyys: #set page() *ei* _kursiivia_ $x$ <b>' };
		spec.learningOutcomes[0].text = { fi: 'Osaa kääntää ruotsiksi: Åsa får läsa #panic("x") \\ [link](https://x)' };
		spec.summary = {};
		const { text } = await textOf(renderCoursePdf(input(spec)));
		expect(text).toContain('Äidinkieli ja yrittäjyys: #set page() *ei* _kursiivia_ $x$ <b>');
		expect(text).toContain('Åsa får läsa #panic("x") \\ [link](https://x)');
	});

	it('drops javascript: links from rich text, keeping their words', async () => {
		const spec = fullSpec();
		const doc: RichTextDoc = {
			type: 'doc',
			content: [
				{
					type: 'paragraph',
					content: [{ type: 'text', text: 'Click me', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] }]
				}
			]
		};
		spec.summary = { en: doc };
		const pdf = renderCoursePdf(input(spec));
		expect(Buffer.from(pdf).toString('latin1')).not.toContain('javascript:');
		expect((await textOf(pdf)).text).toContain('Click me');
	});

	it('says so when the course is retired or the version is not the latest', async () => {
		const { text } = await textOf(renderCoursePdf(input(fullSpec(), { retired: true, version: 1, latest: 2 })));
		expect(text).toContain('Retired.');
		expect(text).toContain('The latest version is 2');
	});

	it('words its own labels in the language it is for, and counts its pages', async () => {
		const english = await textOf(renderCoursePdf(input(fullSpec(), { version: 1, latest: 2 })));
		expect(english.text).toContain('Learning outcomes');
		expect(english.text).toMatch(/Page 1 of \d/);
		expect(english.text).toContain('12 March 2026');

		const { text } = await textOf(renderCoursePdf(input(fullSpec(), { version: 1, latest: 2, retired: true, locale: 'sv' })));
		for (const words of ['Lärandemål', 'Efter avslutad kurs kan den studerande:', 'Moduler', 'Bedömning', 'Erbjuds inte längre.', 'Den senaste versionen är 2: https://courses.example.org', '12 mars 2026', 'Den gällande versionen finns på']) {
			expect(text).toContain(words);
		}
		expect(text).toMatch(/Sida 1 av \d/);
		for (const english of ['Learning outcomes', 'Modules', 'Retired.', 'The latest version', 'published', 'Page 1']) expect(text).not.toContain(english);

		const finnish = await textOf(renderCoursePdf(input(fullSpec(), { locale: 'fi' })));
		expect(finnish.text).toContain('Osaamistavoitteet');
		expect(finnish.text).toMatch(/Sivu 1\/\d/);
	});
});
