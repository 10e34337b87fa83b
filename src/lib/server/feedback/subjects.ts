import { primaryLanguage } from '$lib/course-spec/rules/field-values';
import type { CourseSpec } from '$lib/course-spec/types';
import type { Subject } from '$lib/feedback/model';

const short = (text: string, max = 80) => (text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text);

/**
 * How the team's pages name what a question is about, from the round's frozen version: "LO2 Compare
 * materials…", "Module 1: Principles", "The course as a whole". Team pages read the spec's primary language.
 */
export function subjectLabel(spec: CourseSpec, subject: Pick<Subject, 'kind' | 'id'>): string {
	const lang = primaryLanguage(spec);
	if (subject.kind === 'outcome') {
		const index = spec.learningOutcomes.findIndex((o) => o.id === subject.id);
		if (index < 0) return 'A removed learning outcome';
		const text = spec.learningOutcomes[index].text[lang]?.trim();
		return `LO${index + 1}${text ? ` ${short(text)}` : ''}`;
	}
	if (subject.kind === 'module') {
		const index = spec.modules.findIndex((m) => m.id === subject.id);
		if (index < 0) return 'A removed module';
		const title = spec.modules[index].title[lang]?.trim();
		return `Module ${index + 1}${title ? `: ${short(title)}` : ''}`;
	}
	return 'The course as a whole';
}

/** Every subject of a round's version, in the spec's order: what custom questions and filters offer. */
export function subjectChoices(spec: CourseSpec): { value: string; label: string }[] {
	return [
		{ value: 'overall', label: subjectLabel(spec, { kind: 'overall', id: null }) },
		...spec.learningOutcomes.map((o) => ({ value: `outcome:${o.id}`, label: subjectLabel(spec, { kind: 'outcome', id: o.id }) })),
		...spec.modules.map((m) => ({ value: `module:${m.id}`, label: subjectLabel(spec, { kind: 'module', id: m.id }) }))
	];
}
