import * as v from 'valibot';
import { CUSTOM_KINDS, FEEDBACK_PERSPECTIVES, ITEM_STATUSES, type FeedbackPerspective } from '$lib/feedback/model';
import { FORM_LANGUAGES, type FormLanguage } from '$lib/feedback/texts';
import { isTimeZone, zonedToUtc } from '$lib/feedback/zoned-time';
import { plainText } from '../form-text';
import type { FieldErrors } from '../forms';

// What the team's feedback forms may send. Checkbox groups arrive as several values of one name, so
// these read FormData themselves instead of through parseForm (which keeps one value per name).

export const ROUND_LIMITS = { title: 200, intro: 2000, prompt: 500, help: 500, option: 200, options: 20, note: 2000, emails: 500 } as const;

const text = (max: number, empty: string, tooLong: string) =>
	v.pipe(v.string(empty), v.trim(), plainText(), v.nonEmpty(empty), v.maxLength(max, tooLong));
const longText = (max: number, tooLong: string) =>
	v.pipe(v.optional(v.string(), ''), v.trim(), plainText({ multiline: true }), v.maxLength(max, tooLong));

const settingsFields = v.object({
	title: text(ROUND_LIMITS.title, 'Give the round a title, e.g. “Pilot with spring students”.', `Keep the title to ${ROUND_LIMITS.title} characters or fewer.`),
	intro: longText(ROUND_LIMITS.intro, `Keep the introduction to ${ROUND_LIMITS.intro} characters or fewer.`),
	audience: v.pipe(
		v.array(v.picklist(FEEDBACK_PERSPECTIVES, 'Choose who the round is for.')),
		v.minLength(1, 'Choose who the round is for.')
	),
	language: v.picklist(FORM_LANGUAGES, 'Choose the language of the form.'),
	responses: v.picklist(['anonymous', 'named'], 'Choose anonymous or named responses.'),
	timeZone: v.pipe(v.string('Choose a time zone.'), v.check(isTimeZone, 'Choose a time zone from the list.')),
	opensAt: v.pipe(v.string('Give the opening time.'), v.nonEmpty('Give the opening time.')),
	closesAt: v.pipe(v.string('Give the closing time.'), v.nonEmpty('Give the closing time.'))
});

export interface RoundSettings {
	title: string;
	intro: string;
	audience: FeedbackPerspective[];
	language: FormLanguage;
	anonymous: boolean;
	timeZone: string;
	opensAt: Date;
	closesAt: Date;
}

type Parsed<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors };

function values(formData: FormData): Record<string, string> {
	const echo: Record<string, string> = {};
	for (const [key, value] of formData) if (typeof value === 'string') echo[key] = value;
	return echo;
}

const failure = (errors: FieldErrors) => ({ ok: false as const, errors });

function issuesToErrors(issues: v.BaseIssue<unknown>[]): FieldErrors {
	const errors: FieldErrors = {};
	for (const issue of issues) errors[v.getDotPath(issue)?.split('.')[0] ?? 'form'] ??= issue.message;
	return errors;
}

/** A round's settings as the create and settings forms send them. */
export function parseRoundSettings(formData: FormData): Parsed<RoundSettings> {
	const raw = { ...values(formData), audience: formData.getAll('audience').filter((a) => typeof a === 'string') };
	const result = v.safeParse(settingsFields, raw);
	if (!result.success) return failure(issuesToErrors(result.issues));
	const { opensAt: opensText, closesAt: closesText, responses, ...rest } = result.output;
	const opensAt = zonedToUtc(opensText, rest.timeZone);
	const closesAt = zonedToUtc(closesText, rest.timeZone);
	const errors: FieldErrors = {};
	if (!opensAt) errors.opensAt = 'Give the opening time as a date and a time.';
	if (!closesAt) errors.closesAt = 'Give the closing time as a date and a time.';
	else if (opensAt && closesAt <= opensAt) errors.closesAt = 'The round must close after it opens.';
	if (Object.keys(errors).length > 0) return failure(errors);
	return { ok: true, data: { ...rest, anonymous: responses === 'anonymous', opensAt: opensAt!, closesAt: closesAt! } };
}

export const versionChoice = v.object({
	version: v.pipe(v.string('Choose a saved version.'), v.regex(/^[1-9]\d{0,8}$/, 'Choose a saved version.'), v.transform(Number))
});

export interface QuestionInput {
	prompt: string;
	help: string;
	required: boolean;
	options: string[];
	subject: string;
}

const questionFields = v.object({
	prompt: text(ROUND_LIMITS.prompt, 'Write the question.', `Keep the question to ${ROUND_LIMITS.prompt} characters or fewer.`),
	help: longText(ROUND_LIMITS.help, `Keep the hint to ${ROUND_LIMITS.help} characters or fewer.`),
	required: v.pipe(v.optional(v.string(), ''), v.transform((s) => s === 'on' || s === 'true')),
	options: v.pipe(v.optional(v.string(), ''), plainText({ multiline: true })),
	subject: v.optional(v.pipe(v.string(), v.regex(/^(overall|outcome:[A-Za-z0-9_-]{1,64}|module:[A-Za-z0-9_-]{1,64})$/, 'Choose what the question is about.')), 'overall')
});

/** One option per line; blank lines are dropped. */
export function optionLines(text: string): string[] {
	return text
		.split(/\r?\n/)
		.map((line) => line.trim())
		.filter((line) => line !== '');
}

export function parseQuestion(formData: FormData): Parsed<QuestionInput> {
	const result = v.safeParse(questionFields, values(formData));
	if (!result.success) return failure(issuesToErrors(result.issues));
	const options = optionLines(result.output.options);
	const tooLong = options.find((o) => o.length > ROUND_LIMITS.option);
	if (tooLong) return failure({ options: `Keep each option to ${ROUND_LIMITS.option} characters or fewer.` });
	return { ok: true, data: { ...result.output, options } };
}

export const customKindSchema = v.object({ kind: v.picklist(CUSTOM_KINDS, 'Choose a type of question.') });

export const questionRef = v.object({ questionId: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_.-]{1,100}$/, 'Unknown question.')) });

export const moveSchema = v.object({
	questionId: questionRef.entries.questionId,
	direction: v.picklist(['up', 'down'], 'Choose a direction.')
});

export const linkRef = v.object({ linkId: v.pipe(v.string(), v.regex(/^[a-z2-7]{24}$/, 'Unknown link.')) });

export const anonymousLinkSchema = v.object({
	cap: v.pipe(
		v.optional(v.string(), ''),
		v.trim(),
		v.transform((s) => (s === '' ? null : Number(s))),
		v.nullable(v.pipe(v.number('Give the cap as a whole number.'), v.integer('Give the cap as a whole number.'), v.minValue(1, 'A cap must be at least 1 response.'), v.maxValue(100000, 'A cap can be at most 100 000 responses.')))
	)
});

export const emailsSchema = v.object({
	emails: v.pipe(v.string('Paste the email addresses.'), v.trim(), plainText({ multiline: true }), v.nonEmpty('Paste at least one email address.'))
});

export const itemUpdateSchema = v.object({
	itemId: linkRef.entries.linkId,
	status: v.picklist(ITEM_STATUSES, 'Choose a status.'),
	note: longText(ROUND_LIMITS.note, `Keep the note to ${ROUND_LIMITS.note} characters or fewer.`),
	said: longText(ROUND_LIMITS.note, `Keep it to ${ROUND_LIMITS.note} characters or fewer.`),
	// "" (none), "v<number>" for a saved version, "p<id>" for a published version.
	addressedIn: v.pipe(v.optional(v.string(), ''), v.regex(/^(|v[1-9]\d{0,8}|p[a-z2-7]{24})$/, 'Choose a version.'))
});
