import { isRichTextEmpty, richTextToHtml } from '$lib/course-spec/rich-text';
import { primaryLanguage } from '$lib/course-spec/rules/field-values';
import type { CourseSpec, LangString, RichText } from '$lib/course-spec/types';

// The frozen spec as a round's form shows it: outcomes and modules as written in that version, in the
// form's language where the version has it, else in the spec's primary language.

export interface FormOutcome {
	id: string;
	number: number;
	text: string;
}

export interface FormModule {
	id: string;
	number: number;
	title: string;
	/** Sanitised HTML (richTextToHtml), safe to render. */
	descriptionHtml: string;
	plannedHours: number | null;
}

export interface FormContent {
	courseTitle: string;
	outcomes: FormOutcome[];
	modules: FormModule[];
}

function pick(text: LangString, language: string, fallback: string): string {
	return (text[language]?.trim() || text[fallback]?.trim() || Object.values(text).find((t) => t.trim())?.trim()) ?? '';
}

function pickRich(text: RichText, language: string, fallback: string): string {
	const doc = isRichTextEmpty(text[language]) ? text[fallback] : text[language];
	return isRichTextEmpty(doc) ? '' : richTextToHtml(doc);
}

export function formContent(spec: CourseSpec, language: string): FormContent {
	const fallback = primaryLanguage(spec);
	return {
		courseTitle: pick(spec.title, language, fallback),
		outcomes: spec.learningOutcomes.map((o, i) => ({ id: o.id, number: i + 1, text: pick(o.text, language, fallback) })),
		modules: spec.modules.map((m, i) => ({
			id: m.id,
			number: i + 1,
			title: pick(m.title, language, fallback),
			descriptionHtml: pickRich(m.description, language, fallback),
			plannedHours: m.hours
		}))
	};
}
