import type { Answers, Question, Subject, SubjectKind } from './model';

// How a form is laid out: questions in their order, runs about the same outcome or module grouped
// under it, and runs of the same kind of subject under one section heading.

export interface QuestionBlock {
	subject: Subject;
	questions: Question[];
}

export interface FormSection {
	kind: SubjectKind;
	blocks: QuestionBlock[];
}

export function formSections(questions: readonly Question[]): FormSection[] {
	const sections: FormSection[] = [];
	for (const question of questions) {
		let section = sections.at(-1);
		if (section?.kind !== question.subject.kind) sections.push((section = { kind: question.subject.kind, blocks: [] }));
		const block = section.blocks.at(-1);
		if (block && block.subject.id === question.subject.id) block.questions.push(question);
		else section.blocks.push({ subject: question.subject, questions: [question] });
	}
	return sections;
}

/** Stored answers as form values, the shape a submitted form comes back in. */
export function answersToValues(answers: Answers): Record<string, string[]> {
	return Object.fromEntries(Object.entries(answers).map(([id, value]) => [id, Array.isArray(value) ? value : [String(value)]]));
}
