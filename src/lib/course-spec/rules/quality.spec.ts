import { describe, expect, it } from 'vitest';
import { FIXTURE_IDS, fullSpec, multilingualSpec } from '../fixtures';
import type { CourseSpec } from '../types';
import { checkQuality, QUALITY_RULES, type QualityRuleCode } from './quality';

const [APPLY, COMPARE, PITCH] = FIXTURE_IDS.outcomes;
const EXTRA = 'assessextra1';

const violations: [QualityRuleCode, (spec: CourseSpec) => void, { fieldKey: string; itemId?: string }][] = [
	['outcome-empty', (s) => (s.learningOutcomes[1].text = { fi: 'Vain suomeksi.' }), { fieldKey: 'outcomeText', itemId: COMPARE }],
	['outcome-not-assessed', (s) => (s.assessments[1].outcomeIds = [APPLY]), { fieldKey: 'outcomeText', itemId: COMPARE }],
	['outcome-not-taught', (s) => (s.modules[1].outcomeIds = [APPLY]), { fieldKey: 'outcomeText', itemId: COMPARE }],
	[
		'assessment-without-outcome',
		(s) => s.assessments.push({ id: EXTRA, title: { en: 'Attendance' }, type: null, description: {}, outcomeIds: [] }),
		{ fieldKey: 'assessmentOutcomes', itemId: EXTRA }
	],
	['outcome-vague-verb', (s) => (s.learningOutcomes[2].text.en = 'Students will understand circular design.'), { fieldKey: 'outcomeText', itemId: PITCH }],
	['outcome-verb-unrecognised', (s) => (s.learningOutcomes[2].text.en = 'Circular design for pitches.'), { fieldKey: 'outcomeText', itemId: PITCH }],
	['module-hours-mismatch', (s) => (s.modules[2].hours = 20), { fieldKey: 'modules' }],
	['workload-ects-mismatch', (s) => (s.ectsCredits = 4), { fieldKey: 'workloadHours' }],
	['ects-out-of-scope', (s) => ((s.ectsCredits = 60), (s.workloadHours = 1620), (s.modules[0].hours = 1566)), { fieldKey: 'ectsCredits' }]
];

describe('checkQuality', () => {
	it('finds nothing in the full fixture', () => {
		expect(checkQuality(fullSpec())).toEqual([]);
	});

	it.each(violations)('reports %s once, pointing at the field or item', (code, change, target) => {
		const spec = fullSpec();
		change(spec);
		const issues = checkQuality(spec);
		expect(issues).toHaveLength(1);
		expect(issues[0]).toMatchObject({ code, severity: QUALITY_RULES[code].severity, ...target });
		expect(issues[0].message).not.toBe('');
	});

	it('covers every rule in the tests above', () => {
		expect(violations.map(([code]) => code).sort()).toEqual(Object.keys(QUALITY_RULES).sort());
	});

	it('explains the workload check with its numbers and tolerance', () => {
		const spec = fullSpec();
		spec.ectsCredits = 4;
		expect(checkQuality(spec)[0].message).toBe('4 ECTS × 27 h is 108 h, but the workload is 81 h (more than ±10% apart).');
	});

	it('tolerates ±10% and takes the hours per credit as a setting', () => {
		const spec = fullSpec();
		expect(checkQuality(spec, { hoursPerEcts: 25 })).toEqual([]); // 75 h ± 7.5 h holds 81 h
		expect(checkQuality(spec, { hoursPerEcts: 30 })).toEqual([]); // 90 h ± 9 h holds 81 h
		expect(checkQuality(spec, { hoursPerEcts: 24 }).map((i) => i.code)).toEqual(['workload-ects-mismatch']);
	});

	it('skips the hour checks while the numbers are missing', () => {
		const spec = fullSpec();
		spec.workloadHours = null;
		expect(checkQuality(spec)).toEqual([]);
		spec.modules.forEach((m) => (m.hours = null));
		spec.workloadHours = 10;
		expect(checkQuality(spec).map((i) => i.code)).toEqual(['workload-ects-mismatch']);
	});

	it('checks verbs in every course language that has a verb list, and leaves the others alone', () => {
		const spec = fullSpec();
		spec.languages = ['de'];
		spec.learningOutcomes.forEach((o, i) => (o.text = { de: `Verstehen Teil ${i + 1}.` }));
		expect(checkQuality(spec)).toEqual([]);
	});

	it('reports verb findings of a translation with its language, and none for the primary twice', () => {
		const spec = multilingualSpec();
		expect(checkQuality(spec)).toEqual([]);
		spec.learningOutcomes[1].text.sv = 'Studenten förstår materialens livscykel.';
		spec.learningOutcomes[2].text.en = 'Pitch design basics.';
		expect(checkQuality(spec)).toEqual([
			{
				code: 'outcome-vague-verb',
				severity: 'warning',
				message: 'LO2 (Swedish) uses a verb that cannot be observed or assessed (such as "understand" or "know"); say what the learner can do instead.',
				fieldKey: 'outcomeText',
				itemId: COMPARE,
				lang: 'sv'
			},
			{
				code: 'outcome-verb-unrecognised',
				severity: 'info',
				message: 'LO3 (English) does not start with a recognised action verb (such as "describe", "apply" or "compare").',
				fieldKey: 'outcomeText',
				itemId: PITCH,
				lang: 'en'
			}
		]);
	});

	it('an untranslated outcome is no quality finding (the panel counts it as untranslated)', () => {
		const spec = multilingualSpec();
		delete spec.learningOutcomes[0].text.sv;
		expect(checkQuality(spec)).toEqual([]);
	});

	it('names an outcome untaught by its number, and leaves courses without modules alone', () => {
		const spec = fullSpec();
		spec.modules[1].outcomeIds = [];
		expect(checkQuality(spec)).toEqual([
			{
				code: 'outcome-not-taught',
				severity: 'warning',
				message: 'LO2 is not addressed by any module.',
				fieldKey: 'outcomeText',
				itemId: COMPARE
			}
		]);
		spec.modules = [];
		spec.workloadHours = 81;
		expect(checkQuality(spec)).toEqual([]);
	});

	it('refers to outcomes by the labels the editor shows (LO1, LO2…)', () => {
		const spec = fullSpec();
		spec.assessments[1].outcomeIds = [APPLY];
		expect(checkQuality(spec)[0].message).toBe('LO2 is not assessed by any assessment.');
	});

	it('reports an empty outcome only as empty, even when nothing assesses it', () => {
		const spec = fullSpec();
		spec.learningOutcomes[0].text = {};
		spec.assessments[0].outcomeIds = [PITCH];
		spec.modules[0].outcomeIds = [];
		spec.modules[2].outcomeIds = [PITCH];
		expect(checkQuality(spec).map((i) => i.code)).toEqual(['outcome-empty']);
	});
});
