import { describe, expect, it } from 'vitest';
import { fullSpec, FIXTURE_IDS } from '$lib/course-spec/fixtures';
import { generateQuestions } from './generate';

describe('questions generated from a spec', () => {
	it('asks per outcome, per module and overall, with ids derived from the items they are about', () => {
		const questions = generateQuestions(fullSpec(), 'en');
		const [apply] = FIXTURE_IDS.outcomes;
		const [principles] = FIXTURE_IDS.modules;
		expect(questions.map((q) => q.id)).toEqual([
			...FIXTURE_IDS.outcomes.flatMap((o) => [`outcome.${o}.relevance`, `outcome.${o}.clarity`, `outcome.${o}.comment`]),
			...FIXTURE_IDS.modules.flatMap((m) => [`module.${m}.hours`, `module.${m}.change`]),
			'overall.recommend',
			'overall.most_useful',
			'overall.least_useful',
			'overall.comment'
		]);
		expect(questions.map((q) => q.position)).toEqual(questions.map((_, i) => i));
		expect(questions.find((q) => q.id === `outcome.${apply}.relevance`)).toMatchObject({
			kind: 'rating',
			role: 'relevance',
			subject: { kind: 'outcome', id: apply },
			required: true,
			options: [{ id: 'min', label: 'Not relevant' }, { id: 'max', label: 'Very relevant' }]
		});
		expect(questions.find((q) => q.id === `module.${principles}.hours`)).toMatchObject({ kind: 'hours', subject: { kind: 'module', id: principles } });
		expect(questions.find((q) => q.id === 'overall.recommend')).toMatchObject({ kind: 'recommend', subject: { kind: 'overall', id: null } });
	});

	it('gives the same ids in another round and language, and new ids only to new items', () => {
		const spec = fullSpec();
		const first = generateQuestions(spec, 'en').map((q) => q.id);
		spec.learningOutcomes.reverse();
		spec.learningOutcomes.push({ id: 'newoutcome01', text: { en: 'Explain repair.' } });
		const second = generateQuestions(spec, 'fi');
		expect(second.map((q) => q.id)).toEqual(expect.arrayContaining(first));
		expect(second.map((q) => q.id).filter((id) => !first.includes(id))).toEqual([
			'outcome.newoutcome01.relevance',
			'outcome.newoutcome01.clarity',
			'outcome.newoutcome01.comment'
		]);
		expect(second[0].prompt).toMatch(/osaamistavoite/);
	});
});
