import { afterEach, describe, expect, it } from 'vitest';
import { getLocale, overwriteGetLocale, type Locale } from '$lib/paraglide/runtime';
import { EU_ELEMENTS } from './eu-elements';
import { FIELDS, getField, ITEM_LABEL_PREFIX, SECTIONS, sectionTitle } from './fields';
import { FIXTURE_IDS, fullSpec } from './fixtures';
import { checkCompleteness } from './rules/completeness';
import { checkQuality } from './rules/quality';
import { parseSpec } from './schema';
import { LIMITS } from './limits';
import { COUNTRIES, findConcept, labelIn, LANGUAGES, PARTICIPATION_FORMS, VOCABULARIES, SUPERVISION_OPTIONS } from './vocabularies';

// The spec's labels are read where they are shown: the same imported objects must read in whichever
// language the page or request has, never in the language of whoever imported them first.
const original = getLocale;
function speak(locale: Locale) {
	overwriteGetLocale(() => locale);
}
afterEach(() => overwriteGetLocale(original));

describe('the course spec in the interface language', () => {
	it('names fields, sections, items and EU elements in the current language, and again in English after', () => {
		speak('fi');
		expect(getField('title').label).toBe('Nimi');
		expect(getField('ectsCredits').help).toContain('opintopisteinä');
		expect(SECTIONS.map((s) => s.title)).toContain('Osaamistavoitteet');
		expect(ITEM_LABEL_PREFIX.learningOutcomes).toBe('OT');
		expect(EU_ELEMENTS.M2.label).toBe('Mikrotutkinnon nimi');
		speak('sv');
		expect(getField('title').label).toBe('Namn');
		expect(EU_ELEMENTS.M7.hint).toBe('Ange studiepoängen eller arbetsmängden i timmar');
		speak('en');
		expect(getField('title').label).toBe('Title');
		expect(ITEM_LABEL_PREFIX.modules).toBe('Module ');
	});

	it('takes a document language when asked, whatever the reader speaks', () => {
		speak('fi');
		expect(getField('prerequisites').labelIn('sv')).toBe('Förkunskapskrav');
		expect(sectionTitle('credential', 'en')).toBe('Credential details');
	});

	it('gives every field a label and help text of its own in Finnish and Swedish', () => {
		for (const locale of ['fi', 'sv'] as const) {
			speak(locale);
			for (const field of FIELDS) {
				expect(field.label, field.key).not.toBe('');
				expect(field.help, field.key).not.toBe('');
			}
		}
	});

	it('labels every EU vocabulary value in Finnish and Swedish, except the ISCED-F fields (English for now)', () => {
		const { fieldOfStudy, ...translated } = VOCABULARIES;
		void fieldOfStudy;
		for (const vocabulary of Object.values(translated)) {
			for (const concept of vocabulary.concepts) {
				expect(concept.label.fi, concept.uri).toBeTruthy();
				expect(concept.label.sv, concept.uri).toBeTruthy();
			}
		}
		for (const option of SUPERVISION_OPTIONS) expect(option.label.sv, option.code).toBeTruthy();
		const finland = COUNTRIES.concepts.find((c) => c.code === 'FI')!;
		expect([labelIn(finland.label, 'fi'), labelIn(finland.label, 'sv'), labelIn(finland.label, 'en')]).toEqual(['Suomi', 'Finland', 'Finland']);
		speak('sv');
		expect(labelIn(LANGUAGES.concepts.find((c) => c.code === 'fi')!.label)).toBe('finska');
		expect(labelIn(findConcept(PARTICIPATION_FORMS, PARTICIPATION_FORMS.concepts[0].uri)!.label)).toBe('På nätet');
	});

	it('words rule findings and completeness hints in the current language', () => {
		const spec = fullSpec();
		spec.assessments[1].outcomeIds = [FIXTURE_IDS.outcomes[0]];
		spec.title = {};
		speak('fi');
		expect(checkQuality(spec)[0].message).toBe('Mikään arviointi ei arvioi tavoitetta OT2.');
		expect(checkCompleteness(spec).items.find((i) => i.element === 'M2')?.hint).toBe('Anna opintojaksolle nimi (kieli: englanti)');
		speak('sv');
		expect(checkQuality(spec)[0].message).toBe('LM2 bedöms inte i någon bedömning.');
	});

	it('writes numbers in findings the way the language does', () => {
		const spec = fullSpec();
		spec.ectsCredits = 0.5;
		spec.workloadHours = 13.5;
		speak('fi');
		expect(checkQuality(spec).find((f) => f.code === 'ects-out-of-scope')?.message).toContain('tämä on 0,5 op');
	});

	it('words the spec validation issues in the current language when they arise', () => {
		const spec = { ...fullSpec(), ectsCredits: LIMITS.ectsMax + 1, topics: [''] };
		speak('fi');
		const finnish = parseSpec(spec);
		expect(finnish.ok ? [] : finnish.issues.map((i) => i.message)).toEqual(
			expect.arrayContaining([`Opintopisteitä voi olla enintään ${LIMITS.ectsMax}`, 'Aihe ei voi olla tyhjä'])
		);
		speak('en');
		const english = parseSpec(spec);
		expect(english.ok ? [] : english.issues.map((i) => i.message)).toContain(`ECTS credits can be at most ${LIMITS.ectsMax}`);
	});
});
