import { m } from '$lib/paraglide/messages';
import { primaryLanguage } from '$lib/course-spec/rules/field-values';
import type { CourseSpec } from '$lib/course-spec/types';
import type { Subject } from '$lib/feedback/model';

const short = (text: string, max = 80) => (text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text);

/**
 * How the team's pages name what a question is about, from the round's frozen version: "LO2 Compare
 * materials…", "Module 1: Principles", "The course as a whole", in the reader's language. Team pages read
 * the spec's primary language.
 */
export function subjectLabel(spec: CourseSpec, subject: Pick<Subject, 'kind' | 'id'>): string {
	const lang = primaryLanguage(spec);
	if (subject.kind === 'outcome') {
		const index = spec.learningOutcomes.findIndex((o) => o.id === subject.id);
		if (index < 0) return m.feedback_subject_removed_outcome();
		const text = spec.learningOutcomes[index].text[lang]?.trim();
		return text ? m.feedback_subject_outcome_text({ number: index + 1, text: short(text) }) : m.feedback_subject_outcome({ number: index + 1 });
	}
	if (subject.kind === 'module') {
		const index = spec.modules.findIndex((module) => module.id === subject.id);
		if (index < 0) return m.feedback_subject_removed_module();
		const title = spec.modules[index].title[lang]?.trim();
		return title ? m.feedback_subject_module_title({ number: index + 1, title: short(title) }) : m.feedback_subject_module({ number: index + 1 });
	}
	return m.feedback_subject_overall();
}

/** Every subject of a round's version, in the spec's order: what custom questions and filters offer. */
export function subjectChoices(spec: CourseSpec): { value: string; label: string }[] {
	return [
		{ value: 'overall', label: subjectLabel(spec, { kind: 'overall', id: null }) },
		...spec.learningOutcomes.map((o) => ({ value: `outcome:${o.id}`, label: subjectLabel(spec, { kind: 'outcome', id: o.id }) })),
		...spec.modules.map((module) => ({ value: `module:${module.id}`, label: subjectLabel(spec, { kind: 'module', id: module.id }) }))
	];
}
