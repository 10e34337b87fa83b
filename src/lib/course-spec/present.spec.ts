import { describe, expect, it } from 'vitest';
import { fullSpec, minimalSpec, multilingualSpec } from './fixtures';
import { presentSpec } from './present';

const fieldIn = (sections: ReturnType<typeof presentSpec>, key: string) =>
	sections.flatMap((s) => s.fields).find((f) => f.field.key === key)!;

describe('presenting a spec for reading', () => {
	it('shows every section in the editor’s order with labelled values', () => {
		const sections = presentSpec(fullSpec());
		expect(sections.map((s) => s.key)).toEqual(['overview', 'outcomes', 'modules', 'assessment', 'credential']);
		const title = fieldIn(sections, 'title');
		expect(title.shown).toEqual({ kind: 'text', text: fullSpec().title.en, multiline: false });
		expect(fieldIn(sections, 'eqfLevel').shown).toMatchObject({ kind: 'text', text: expect.stringMatching(/Level \d/) });
	});

	it('renders rich text as sanitised HTML and outcome links by their labels', () => {
		const spec = fullSpec();
		spec.summary.en = {
			type: 'doc',
			content: [{ type: 'paragraph', content: [{ type: 'text', text: '<script>alert(1)</script>' }] }]
		};
		const sections = presentSpec(spec);
		const summary = fieldIn(sections, 'summary').shown;
		expect(summary.kind).toBe('html');
		expect(summary.kind === 'html' && summary.html).not.toContain('<script>');
		const modules = fieldIn(sections, 'modules');
		const links = modules.items[0].fields.find((f) => f.field.key === 'moduleOutcomes')!.shown;
		expect(links.kind === 'list' && links.items[0]).toMatch(/^LO\d /);
	});

	it('says plainly what is not filled in', () => {
		const sections = presentSpec(minimalSpec());
		expect(fieldIn(sections, 'code').shown).toEqual({ kind: 'empty' });
	});

	it('reads another edition when asked, falling back to the primary language text by text, and says which', () => {
		const spec = multilingualSpec();
		delete spec.prerequisites.sv;
		const sections = presentSpec(spec, 'sv');
		expect(fieldIn(sections, 'title')).toMatchObject({ shown: { text: 'Cirkulär produktdesign' }, lang: 'sv' });
		expect(fieldIn(sections, 'prerequisites')).toMatchObject({ shown: { text: 'Tuotekehityksen perustiedot.' }, lang: 'fi' });
		// Values that are not text carry no language.
		expect(fieldIn(sections, 'ectsCredits').lang).toBeUndefined();
		const modules = fieldIn(sections, 'modules');
		expect(modules.items[0]).toMatchObject({ title: 'Module 1: Principer', titleLang: 'sv' });
		const outcomes = modules.items[0].fields.find((f) => f.field.key === 'moduleOutcomes')!.shown;
		expect(outcomes.kind === 'list' && outcomes.items[0]).toMatch(/^LO1 Kan tillämpa/);
		// Without a language, the primary one.
		expect(fieldIn(presentSpec(spec), 'title')).toMatchObject({ shown: { text: 'Kiertotalouden tuotesuunnittelu' }, lang: 'fi' });
	});
});
