import { describe, expect, it } from 'vitest';
import { emptySpec } from './empty-spec';
import { fieldForIssuePath } from './fields';
import { fullSpec, minimalSpec } from './fixtures';
import { parseSpec } from './schema';
import type { RichTextBlock } from './types';

function issuesOf(input: unknown) {
	const result = parseSpec(input);
	if (result.ok) throw new Error('expected the spec to be rejected');
	return result.issues;
}

describe('parseSpec', () => {
	it('accepts the full, minimal and empty fixtures unchanged', () => {
		for (const spec of [fullSpec(), minimalSpec(), emptySpec()]) {
			expect(parseSpec(spec)).toEqual({ ok: true, spec });
		}
	});

	it('fills an empty spec from the provider profile', () => {
		const spec = emptySpec({ language: 'fi', organisationName: 'Esimerkki AMK', country: 'fi', website: 'https://esimerkki.fi', qualityAssuranceStatement: 'Auditoitu 2024.' });
		expect(spec.languages).toEqual(['fi']);
		expect(spec.awardingBody).toEqual({ name: { fi: 'Esimerkki AMK' }, country: 'FI', website: 'https://esimerkki.fi' });
		expect(spec.qualityAssurance.statement).toEqual({ fi: 'Auditoitu 2024.' });
		expect(parseSpec(spec).ok).toBe(true);
	});

	it.each([
		['ECTS with two decimals', (s: ReturnType<typeof fullSpec>) => (s.ectsCredits = 2.25), 'ectsCredits', 'Use at most one decimal place'],
		['ECTS above 200', (s: ReturnType<typeof fullSpec>) => (s.ectsCredits = 240), 'ectsCredits', 'ECTS credits can be at most 200'],
		['negative module hours', (s: ReturnType<typeof fullSpec>) => (s.modules[1].hours = -1), 'modules.1.hours', 'Hours cannot be negative'],
		['a URI outside the EU list', (s: ReturnType<typeof fullSpec>) => (s.participationForm = 'http://example.org/online'), 'participationForm', 'Choose a form of participation from the EU list'],
		['an EQF level of 9', (s: ReturnType<typeof fullSpec>) => ((s as { eqfLevel: unknown }).eqfLevel = 9), 'eqfLevel', 'Choose an EQF level 1–8 or "not applicable"'],
		['a lower-case country', (s: ReturnType<typeof fullSpec>) => (s.awardingBody.country = 'fi'), 'awardingBody.country', 'Use a two-letter country code such as "FI"'],
		['a website without scheme', (s: ReturnType<typeof fullSpec>) => (s.awardingBody.website = 'www.example.fi'), 'awardingBody.website', 'Enter a full web address starting with https://'],
		['a too long title', (s: ReturnType<typeof fullSpec>) => (s.title.fi = 'x'.repeat(201)), 'title.fi', 'At most 200 characters'],
		['a duplicated language', (s: ReturnType<typeof fullSpec>) => (s.languages = ['en', 'en']), 'languages', 'Each language can be listed once'],
		['an unknown field', (s: ReturnType<typeof fullSpec>) => Object.assign(s.awardingBody, { vat: 'FI123' }), 'awardingBody.vat', 'Unknown field "vat"']
	])('rejects %s with its path', (_, change, path, message) => {
		const spec = fullSpec();
		change(spec);
		expect(issuesOf(spec)).toContainEqual({ path, message });
	});

	it('rejects a language key that is not BCP 47', () => {
		const spec = fullSpec();
		(spec.title as Record<string, string>)['English'] = 'Circular Product Design';
		expect(issuesOf(spec).map((i) => i.message)).toContain('Use a language code such as "fi" or "en-GB"');
	});

	it('rejects rich text outside the allowlist, and unsafe links', () => {
		const spec = fullSpec();
		spec.summary.en.content?.push({ type: 'codeBlock', content: [{ type: 'text', text: 'x' }] } as unknown as RichTextBlock);
		spec.modules[0].description.en = {
			type: 'doc',
			content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] }] }]
		};
		const issues = issuesOf(spec);
		expect(issues).toContainEqual({ path: 'summary.en.content.4.type', message: 'Only paragraphs, headings, lists and quotes are allowed' });
		expect(issues).toContainEqual({
			path: 'modules.0.description.en.content.0.content.0.marks.0.attrs.href',
			message: 'Links must be full http://, https:// or mailto: addresses'
		});
	});

	it('refuses deeply nested rich text without walking it all', () => {
		let block: unknown = { type: 'paragraph' };
		for (let i = 0; i < 5000; i++) block = { type: 'blockquote', content: [block] };
		const spec = fullSpec();
		spec.summary.en = { type: 'doc', content: [block as RichTextBlock] };
		expect(issuesOf(spec)).toContainEqual({ path: 'summary.en', message: 'Rich text can be nested at most 12 levels deep' });
	});

	it('checks ids and outcome links', () => {
		const spec = fullSpec();
		spec.modules[0].outcomeIds = ['nosuchoutcome'];
		spec.assessments[1].id = spec.assessments[0].id;
		expect(issuesOf(spec)).toEqual([
			{ path: 'assessments.1.id', message: 'Another item in this list has the same id' },
			{ path: 'modules.0.outcomeIds.0', message: 'No learning outcome has this id' }
		]);
	});

	it('rejects what is not a spec at all', () => {
		expect(issuesOf('hello')).toEqual([{ path: '', message: 'Expected an object with the documented fields' }]);
		expect(issuesOf({ ...fullSpec(), schemaVersion: 2 })).toContainEqual({
			path: 'schemaVersion',
			message: 'Unsupported spec format version (expected 1)'
		});
	});
});

describe('fieldForIssuePath', () => {
	it('maps issue paths to the field that shows the message', () => {
		expect(fieldForIssuePath('ectsCredits')?.field.key).toBe('ectsCredits');
		expect(fieldForIssuePath('title.fi')?.field.key).toBe('title');
		expect(fieldForIssuePath('awardingBody.country')?.field.key).toBe('awardingBodyCountry');
		expect(fieldForIssuePath('modules.2.hours')).toMatchObject({ field: { key: 'moduleHours' }, itemIndex: 2 });
		expect(fieldForIssuePath('modules.0.description.en.content.0')).toMatchObject({ field: { key: 'moduleDescription' }, itemIndex: 0 });
		expect(fieldForIssuePath('assessments.1.id')).toMatchObject({ field: { key: 'assessments' }, itemIndex: 1 });
		expect(fieldForIssuePath('nonsense')).toBeNull();
	});
});
