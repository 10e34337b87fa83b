import { ANSWER_LIMITS, SCALES, isScale, type Answers, type Question } from './model';
import type { FormTexts } from './texts';

// A response's answers checked against its round's questions. The server runs this on every
// submission; nothing about the request is trusted (a scripted client can send anything).

/** The submitted values of one form field, in order. */
export type FieldValues = (name: string) => string[];

export interface AnswerCheck {
	answers: Answers;
	/** Messages by question id, in the participant's language. */
	errors: Record<string, string>;
}

// As in src/lib/server/form-text.ts: no control characters, but a long answer keeps its line breaks.
const IN_A_LINE = /[\u0000-\u001F\u007F-\u009F]/;
const IN_A_BLOCK = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

export function hasControlCharacter(text: string, multiline: boolean): boolean {
	return (multiline ? IN_A_BLOCK : IN_A_LINE).test(text);
}

/** "7,5" and "7.5" both read as 7.5: participants write decimals the way their language does. */
export function parseHours(text: string): number | null {
	const normalised = text.trim().replace(/\s/g, '').replace(',', '.');
	if (!/^\d{1,6}(\.\d{1,2})?$/.test(normalised)) return null;
	return Number(normalised);
}

export function checkAnswers(questions: readonly Question[], values: FieldValues, texts: FormTexts): AnswerCheck {
	const answers: Answers = {};
	const errors: Record<string, string> = {};
	for (const question of questions) {
		const given = values(question.id).map((v) => v.trim()).filter((v) => v !== '');
		if (given.length === 0) {
			if (question.required) errors[question.id] = texts.errors.required;
			continue;
		}
		const result = checkOne(question, given, texts);
		if (typeof result === 'object' && result !== null && 'error' in result) errors[question.id] = result.error;
		else answers[question.id] = result;
	}
	return { answers, errors };
}

function checkOne(question: Question, given: string[], texts: FormTexts): Answers[string] | { error: string } {
	const { kind } = question;
	if (kind !== 'multiple' && given.length > 1) return { error: texts.errors.chooseOne };
	const [first] = given;
	if (isScale(kind)) {
		const { min, max } = SCALES[kind];
		const n = /^\d{1,2}$/.test(first) ? Number(first) : NaN;
		return Number.isInteger(n) && n >= min && n <= max ? n : { error: texts.errors.scale(min, max) };
	}
	switch (kind) {
		case 'hours': {
			const hours = parseHours(first);
			if (hours === null) return { error: texts.errors.hours };
			return hours <= ANSWER_LIMITS.hoursMax ? hours : { error: texts.errors.hoursRange(ANSWER_LIMITS.hoursMax) };
		}
		case 'single':
			return question.options.some((o) => o.id === first) ? first : { error: texts.errors.chooseOne };
		case 'multiple': {
			const chosen = [...new Set(given)];
			if (!chosen.every((id) => question.options.some((o) => o.id === id))) return { error: texts.errors.chooseOne };
			// Kept in the options' order, so two responses with the same choices read the same.
			return question.options.filter((o) => chosen.includes(o.id)).map((o) => o.id);
		}
		case 'short_text':
		case 'long_text': {
			const multiline = kind === 'long_text';
			const text = given.join('\n').replace(/\r\n?/g, '\n');
			if (hasControlCharacter(text, multiline)) return { error: texts.errors.control };
			const max = multiline ? ANSWER_LIMITS.longText : ANSWER_LIMITS.shortText;
			return [...text].length <= max ? text : { error: texts.errors.tooLong(max) };
		}
	}
	return { error: texts.errors.chooseOne };
}
