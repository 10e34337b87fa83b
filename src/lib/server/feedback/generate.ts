import type { CourseSpec } from '$lib/course-spec/types';
import type { Question, QuestionKind, QuestionRole, Subject } from '$lib/feedback/model';
import { formTexts } from '$lib/feedback/texts';

// The questions a round starts with, read off the frozen spec. Ids are derived from what a question
// is about and what it measures (outcome.<outcome id>.relevance), never random: the same outcome gets
// the same question id in every round, so rounds can be compared.

export const generatedId = {
	outcome: (outcomeId: string, role: 'relevance' | 'clarity' | 'comment') => `outcome.${outcomeId}.${role}`,
	module: (moduleId: string, role: 'hours' | 'change') => `module.${moduleId}.${role}`,
	overall: (role: 'recommend' | 'most_useful' | 'least_useful' | 'comment') => `overall.${role}`
};

export function generateQuestions(spec: CourseSpec, language: string): Question[] {
	const texts = formTexts(language);
	const questions: Omit<Question, 'position'>[] = [];
	const add = (id: string, kind: QuestionKind, role: Exclude<QuestionRole, 'custom'>, subject: Subject, required: boolean) => {
		const { prompt, scale } = texts.questions[role];
		const options = scale ? [{ id: 'min', label: scale[0] }, { id: 'max', label: scale[1] }] : [];
		questions.push({ id, kind, role, subject, prompt, help: '', options, required });
	};

	for (const outcome of spec.learningOutcomes) {
		const subject = { kind: 'outcome' as const, id: outcome.id };
		add(generatedId.outcome(outcome.id, 'relevance'), 'rating', 'relevance', subject, true);
		add(generatedId.outcome(outcome.id, 'clarity'), 'rating', 'clarity', subject, true);
		add(generatedId.outcome(outcome.id, 'comment'), 'long_text', 'outcome_comment', subject, false);
	}
	for (const module of spec.modules) {
		const subject = { kind: 'module' as const, id: module.id };
		add(generatedId.module(module.id, 'hours'), 'hours', 'hours', subject, false);
		add(generatedId.module(module.id, 'change'), 'long_text', 'module_change', subject, false);
	}
	const overall = { kind: 'overall' as const, id: null };
	add(generatedId.overall('recommend'), 'recommend', 'recommend', overall, true);
	add(generatedId.overall('most_useful'), 'long_text', 'most_useful', overall, false);
	add(generatedId.overall('least_useful'), 'long_text', 'least_useful', overall, false);
	add(generatedId.overall('comment'), 'long_text', 'comment', overall, false);
	return questions.map((q, position) => ({ ...q, position }));
}
