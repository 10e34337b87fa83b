import { describe, expect, it } from 'vitest';
import { emptySpec } from '$lib/course-spec/empty-spec';
import { fullSpec, minimalSpec } from '$lib/course-spec/fixtures';
import { validateForPublishing } from './validate';

describe('validateForPublishing', () => {
	it('passes a spec with every EU mandatory element, giving back the parsed spec', () => {
		const result = validateForPublishing(minimalSpec());
		expect(result).toEqual({ ok: true, spec: minimalSpec() });
		expect(validateForPublishing(fullSpec()).ok).toBe(true);
	});

	it('lists each missing mandatory element with the field to go to', () => {
		const result = validateForPublishing(emptySpec({ language: 'en' }));
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.problems.every((p) => p.kind === 'missing')).toBe(true);
		expect(result.problems.map((p) => p.label)).toContain('Learning outcomes');
		expect(result.problems.find((p) => p.label === 'Learning outcomes')).toMatchObject({
			message: 'Write at least one learning outcome (in English)',
			anchor: 'field-learningOutcomes'
		});
		expect(result.problems.find((p) => p.label === 'Title of the micro-credential')?.anchor).toBe('field-title');
	});

	it('refuses a spec the schema refuses, naming the field', () => {
		const spec = minimalSpec() as unknown as Record<string, unknown>;
		spec.ectsCredits = -1;
		const result = validateForPublishing(spec);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.problems).toEqual([
			{ kind: 'invalid', label: 'ECTS credits', message: 'ECTS credits cannot be negative', anchor: 'field-ectsCredits' }
		]);
	});
});
