import { describe, expect, it } from 'vitest';
import { emptySpec } from '../empty-spec';
import { fullSpec, minimalSpec } from '../fixtures';
import { EQF_NOT_APPLICABLE } from '../types';
import { checkCompleteness } from './completeness';

const missing = (spec: Parameters<typeof checkCompleteness>[0]) =>
	checkCompleteness(spec)
		.items.filter((i) => !i.done)
		.map((i) => i.element);

describe('checkCompleteness', () => {
	it('lists every mandatory EU element a spec carries, none done for an empty spec', () => {
		const result = checkCompleteness(emptySpec());
		expect(result.items.map((i) => [i.element, i.fieldKey])).toEqual([
			['M2', 'title'],
			['M3', 'awardingBodyCountry'],
			['M4', 'awardingBodyName'],
			['M6', 'learningOutcomes'],
			['M7', 'ectsCredits'],
			['M8', 'eqfLevel'],
			['M9', 'assessments'],
			['M10', 'participationForm'],
			['M11', 'qualityAssuranceType']
		]);
		expect(result).toMatchObject({ done: 0, total: 9, percent: 0 });
		expect(result.items[0]).toEqual({
			element: 'M2',
			label: 'Title of the micro-credential',
			fieldKey: 'title',
			done: false,
			hint: 'Give the course a title (in English)'
		});
	});

	it('counts the provider defaults of a new course', () => {
		const result = checkCompleteness(emptySpec({ organisationName: 'Example UAS', country: 'FI' }));
		expect(result).toMatchObject({ done: 2, percent: 22 });
	});

	it('is complete for the minimal and the full fixture', () => {
		expect(checkCompleteness(minimalSpec())).toMatchObject({ done: 9, total: 9, percent: 100 });
		expect(checkCompleteness(fullSpec()).percent).toBe(100);
	});

	it('takes "not applicable" as an answer to M8, but not "not chosen"', () => {
		const spec = minimalSpec();
		expect(spec.eqfLevel).toBe(EQF_NOT_APPLICABLE);
		expect(missing(spec)).toEqual([]);
		spec.eqfLevel = null;
		expect(missing(spec)).toEqual(['M8']);
	});

	it('takes ECTS or hours for M7', () => {
		const spec = minimalSpec();
		spec.ectsCredits = null;
		expect(missing(spec)).toEqual(['M7']);
		spec.workloadHours = 54;
		expect(missing(spec)).toEqual([]);
	});

	it('reads texts in the primary language only', () => {
		const spec = fullSpec();
		spec.languages = ['fi', 'en'];
		spec.learningOutcomes.forEach((o) => delete o.text.fi);
		const result = checkCompleteness(spec);
		expect(missing(spec)).toEqual(['M6']);
		expect(result.items.find((i) => i.element === 'M6')?.hint).toBe('Write at least one learning outcome (in Finnish)');
	});

	it('needs an outcome with text and an assessment with a type', () => {
		const spec = minimalSpec();
		spec.learningOutcomes[0].text = { en: '   ' };
		spec.assessments[0].type = null;
		expect(missing(spec)).toEqual(['M6', 'M9']);
	});
});
