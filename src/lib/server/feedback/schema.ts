import { m } from '$lib/paraglide/messages';
import * as v from 'valibot';
import { CUSTOM_KINDS, FEEDBACK_PERSPECTIVES, ITEM_STATUSES, type FeedbackPerspective } from '$lib/feedback/model';
import { FORM_LANGUAGES, type FormLanguage } from '$lib/feedback/texts';
import { isTimeZone, zonedToUtc } from '$lib/feedback/zoned-time';
import { plainText } from '../form-text';
import type { FieldErrors } from '../forms';

// What the team's feedback forms may send. Checkbox groups arrive as several values of one name, so
// these read FormData themselves instead of through parseForm (which keeps one value per name).

export const ROUND_LIMITS = { title: 200, intro: 2000, prompt: 500, help: 500, option: 200, options: 20, note: 2000, emails: 500 } as const;

// Messages are functions, read when a form is checked, so they are in the language of that request.
type Message = () => string;

const text = (max: number, empty: Message, tooLong: Message) =>
	v.pipe(v.string(empty), v.trim(), plainText(), v.nonEmpty(empty), v.maxLength(max, tooLong));
const longText = (max: number, tooLong: Message) =>
	v.pipe(v.optional(v.string(), ''), v.trim(), plainText({ multiline: true }), v.maxLength(max, tooLong));

const settingsFields = v.object({
	title: text(
		ROUND_LIMITS.title,
		() => m.feedback_error_title_required(),
		() => m.feedback_error_title_too_long({ max: ROUND_LIMITS.title })
	),
	intro: longText(ROUND_LIMITS.intro, () => m.feedback_error_intro_too_long({ max: ROUND_LIMITS.intro })),
	audience: v.pipe(
		v.array(v.picklist(FEEDBACK_PERSPECTIVES, () => m.feedback_error_audience())),
		v.minLength(1, () => m.feedback_error_audience())
	),
	language: v.picklist(FORM_LANGUAGES, () => m.feedback_error_language()),
	responses: v.picklist(['anonymous', 'named'], () => m.feedback_error_responses()),
	timeZone: v.pipe(
		v.string(() => m.feedback_error_time_zone()),
		v.check(isTimeZone, () => m.feedback_error_time_zone_list())
	),
	opensAt: v.pipe(
		v.string(() => m.feedback_error_opens_required()),
		v.nonEmpty(() => m.feedback_error_opens_required())
	),
	closesAt: v.pipe(
		v.string(() => m.feedback_error_closes_required()),
		v.nonEmpty(() => m.feedback_error_closes_required())
	)
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
	if (!opensAt) errors.opensAt = m.feedback_error_opens_format();
	if (!closesAt) errors.closesAt = m.feedback_error_closes_format();
	else if (opensAt && closesAt <= opensAt) errors.closesAt = m.feedback_error_closes_before_opens();
	if (Object.keys(errors).length > 0) return failure(errors);
	return { ok: true, data: { ...rest, anonymous: responses === 'anonymous', opensAt: opensAt!, closesAt: closesAt! } };
}

export const versionChoice = v.object({
	version: v.pipe(
		v.string(() => m.feedback_error_version()),
		v.regex(/^[1-9]\d{0,8}$/, () => m.feedback_error_version()),
		v.transform(Number)
	)
});

export interface QuestionInput {
	prompt: string;
	help: string;
	required: boolean;
	options: string[];
	subject: string;
}

const questionFields = v.object({
	prompt: text(
		ROUND_LIMITS.prompt,
		() => m.feedback_error_prompt_required(),
		() => m.feedback_error_prompt_too_long({ max: ROUND_LIMITS.prompt })
	),
	help: longText(ROUND_LIMITS.help, () => m.feedback_error_help_too_long({ max: ROUND_LIMITS.help })),
	required: v.pipe(v.optional(v.string(), ''), v.transform((s) => s === 'on' || s === 'true')),
	options: v.pipe(v.optional(v.string(), ''), plainText({ multiline: true })),
	subject: v.optional(v.pipe(v.string(), v.regex(/^(overall|outcome:[A-Za-z0-9_-]{1,64}|module:[A-Za-z0-9_-]{1,64})$/, () => m.feedback_error_subject())), 'overall')
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
	if (tooLong) return failure({ options: m.feedback_error_option_too_long({ max: ROUND_LIMITS.option }) });
	return { ok: true, data: { ...result.output, options } };
}

export const customKindSchema = v.object({ kind: v.picklist(CUSTOM_KINDS, () => m.feedback_error_kind()) });

export const questionRef = v.object({ questionId: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_.-]{1,100}$/, () => m.feedback_error_unknown_question())) });

export const moveSchema = v.object({
	questionId: questionRef.entries.questionId,
	direction: v.picklist(['up', 'down'], () => m.feedback_error_direction())
});

export const linkRef = v.object({ linkId: v.pipe(v.string(), v.regex(/^[a-z2-7]{24}$/, () => m.feedback_error_unknown_link())) });

export const anonymousLinkSchema = v.object({
	cap: v.pipe(
		v.optional(v.string(), ''),
		v.trim(),
		v.transform((s) => (s === '' ? null : Number(s))),
		v.nullable(
			v.pipe(
				v.number(() => m.feedback_error_cap_whole()),
				v.integer(() => m.feedback_error_cap_whole()),
				v.minValue(1, () => m.feedback_error_cap_min()),
				v.maxValue(100000, () => m.feedback_error_cap_max())
			)
		)
	)
});

export const emailsSchema = v.object({
	emails: v.pipe(
		v.string(() => m.feedback_error_emails_required()),
		v.trim(),
		plainText({ multiline: true }),
		v.nonEmpty(() => m.feedback_error_emails_required())
	)
});

export const itemUpdateSchema = v.object({
	itemId: linkRef.entries.linkId,
	status: v.picklist(ITEM_STATUSES, () => m.feedback_error_item_status()),
	note: longText(ROUND_LIMITS.note, () => m.feedback_error_note_too_long({ max: ROUND_LIMITS.note })),
	said: longText(ROUND_LIMITS.note, () => m.feedback_error_said_too_long({ max: ROUND_LIMITS.note })),
	// "" (none), "v<number>" for a saved version, "p<id>" for a published version.
	addressedIn: v.pipe(v.optional(v.string(), ''), v.regex(/^(|v[1-9]\d{0,8}|p[a-z2-7]{24})$/, () => m.feedback_error_addressed_in()))
});
