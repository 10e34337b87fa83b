import { m } from '$lib/paraglide/messages';
import { formatDate, formatNumber } from '$lib/i18n/format';
import { INTL_LOCALES } from '$lib/i18n/locales';
import type { FeedbackPerspective, QuestionRole } from './model';

// What participants read, in the language a round's form is in: the generated questions and every
// word of the participant pages. The words are messages (messages/*.json, area feedback_form_);
// the team's own pages are in the reader's interface language instead.

export const FORM_LANGUAGES = ['en', 'fi', 'sv'] as const;
export type FormLanguage = (typeof FORM_LANGUAGES)[number];

/** Each form language named in the reader's interface language (getters: read when shown). */
export const FORM_LANGUAGE_NAMES = Object.defineProperties({} as Record<FormLanguage, string>, {
	en: { enumerable: true, get: () => m.feedback_language_en() },
	fi: { enumerable: true, get: () => m.feedback_language_fi() },
	sv: { enumerable: true, get: () => m.feedback_language_sv() }
});

export const isFormLanguage = (value: string): value is FormLanguage => (FORM_LANGUAGES as readonly string[]).includes(value);

interface GeneratedQuestionText {
	prompt: string;
	/** Labels of the lowest and highest value, for scales. */
	scale?: [string, string];
}

export interface FormTexts {
	locale: string;
	questions: Record<Exclude<QuestionRole, 'custom'>, GeneratedQuestionText>;
	customScale: [string, string];
	perspectives: Record<FeedbackPerspective, string>;
	sections: { about: string; outcomes: string; modules: string; overall: string; more: string };
	outcomeLabel: (n: number) => string;
	moduleLabel: (n: number) => string;
	plannedHours: (hours: number) => string;
	hoursUnit: string;
	required: string;
	optional: string;
	perspectiveLegend: string;
	nameLabel: string;
	anonymousNote: string;
	namedNote: string;
	personalNote: (closes: string) => string;
	closesNote: (closes: string) => string;
	draftNote: string;
	submit: string;
	saveChanges: string;
	errorSummary: (count: number) => string;
	errors: {
		required: string;
		chooseOne: string;
		scale: (min: number, max: number) => string;
		hours: string;
		hoursRange: (max: number) => string;
		tooLong: (max: number) => string;
		control: string;
		name: string;
		perspective: string;
		rateLimited: (minutes: number) => string;
	};
	status: {
		scheduledTitle: string;
		scheduledBody: (opens: string) => string;
		closedTitle: string;
		closedBody: (closed: string) => string;
		fullTitle: string;
		fullBody: string;
		revokedTitle: string;
		revokedBody: string;
	};
	mail: {
		inviteSubject: (course: string) => string;
		reminderSubject: (course: string) => string;
		body: (p: { course: string; round: string; intro: string; url: string; closes: string; reminder: boolean }) => string;
	};
	thanks: {
		title: string;
		body: string;
		anonymous: string;
		personal: (closes: string) => string;
		again: string;
	};
}

/**
 * A form's words in one language, from messages/*.json with that language passed explicitly: the
 * form speaks the round's language whoever renders it (participant, team preview, an email).
 * Built once per language: the messages of a language never change while the app runs.
 */
function buildTexts(locale: FormLanguage): FormTexts {
	const o = { locale };
	return {
		locale: INTL_LOCALES[locale],
		questions: {
			relevance: { prompt: m.feedback_form_relevance({}, o), scale: [m.feedback_form_relevance_low({}, o), m.feedback_form_relevance_high({}, o)] },
			clarity: { prompt: m.feedback_form_clarity({}, o), scale: [m.feedback_form_clarity_low({}, o), m.feedback_form_clarity_high({}, o)] },
			outcome_comment: { prompt: m.feedback_form_outcome_comment({}, o) },
			hours: { prompt: m.feedback_form_hours({}, o) },
			module_change: { prompt: m.feedback_form_module_change({}, o) },
			recommend: { prompt: m.feedback_form_recommend({}, o), scale: [m.feedback_form_recommend_low({}, o), m.feedback_form_recommend_high({}, o)] },
			most_useful: { prompt: m.feedback_form_most_useful({}, o) },
			least_useful: { prompt: m.feedback_form_least_useful({}, o) },
			comment: { prompt: m.feedback_form_comment({}, o) }
		},
		customScale: [m.feedback_form_custom_low({}, o), m.feedback_form_custom_high({}, o)],
		perspectives: {
			student: m.feedback_form_perspective_student({}, o),
			company_partner: m.feedback_form_perspective_company_partner({}, o),
			other: m.feedback_form_perspective_other({}, o)
		},
		sections: {
			about: m.feedback_form_section_about({}, o),
			outcomes: m.feedback_form_section_outcomes({}, o),
			modules: m.feedback_form_section_modules({}, o),
			overall: m.feedback_form_section_overall({}, o),
			more: m.feedback_form_section_more({}, o)
		},
		outcomeLabel: (number) => m.feedback_form_outcome_label({ number }, o),
		moduleLabel: (number) => m.feedback_form_module_label({ number }, o),
		plannedHours: (hours) => m.feedback_form_planned_hours({ count: hours, hours: formatNumber(hours, {}, o) }, o),
		hoursUnit: m.feedback_form_hours_unit({}, o),
		required: m.feedback_form_required({}, o),
		optional: m.feedback_form_optional({}, o),
		perspectiveLegend: m.feedback_form_perspective_legend({}, o),
		nameLabel: m.feedback_form_name({}, o),
		anonymousNote: m.feedback_form_anonymous_note({}, o),
		namedNote: m.feedback_form_named_note({}, o),
		personalNote: (closes) => m.feedback_form_personal_note({ closes }, o),
		closesNote: (closes) => m.feedback_form_closes_note({ closes }, o),
		draftNote: m.feedback_form_draft_note({}, o),
		submit: m.feedback_form_submit({}, o),
		saveChanges: m.feedback_form_save_changes({}, o),
		errorSummary: (count) => m.feedback_form_error_summary({ count }, o),
		errors: {
			required: m.feedback_form_error_required({}, o),
			chooseOne: m.feedback_form_error_choose_one({}, o),
			scale: (min, max) => m.feedback_form_error_scale({ min, max }, o),
			hours: m.feedback_form_error_hours({}, o),
			hoursRange: (max) => m.feedback_form_error_hours_range({ max }, o),
			tooLong: (max) => m.feedback_form_error_too_long({ max }, o),
			control: m.feedback_form_error_control({}, o),
			name: m.feedback_form_error_name({}, o),
			perspective: m.feedback_form_error_perspective({}, o),
			rateLimited: (minutes) => m.feedback_form_error_rate_limited({ count: minutes }, o)
		},
		status: {
			scheduledTitle: m.feedback_form_scheduled_title({}, o),
			scheduledBody: (opens) => m.feedback_form_scheduled_body({ opens }, o),
			closedTitle: m.feedback_form_closed_title({}, o),
			closedBody: (closed) => m.feedback_form_closed_body({ closed }, o),
			fullTitle: m.feedback_form_full_title({}, o),
			fullBody: m.feedback_form_full_body({}, o),
			revokedTitle: m.feedback_form_revoked_title({}, o),
			revokedBody: m.feedback_form_revoked_body({}, o)
		},
		mail: {
			inviteSubject: (course) => m.feedback_form_mail_invite_subject({ course }, o),
			reminderSubject: (course) => m.feedback_form_mail_reminder_subject({ course }, o),
			body: ({ course, round, intro, url, closes, reminder }) =>
				[
					reminder ? m.feedback_form_mail_reminder({ course }, o) : m.feedback_form_mail_invite({ course, round }, o),
					intro,
					m.feedback_form_mail_answer_here({ url }, o),
					m.feedback_form_mail_personal({ closes }, o)
				]
					.filter(Boolean)
					.join('\n\n')
		},
		thanks: {
			title: m.feedback_form_thanks_title({}, o),
			body: m.feedback_form_thanks_body({}, o),
			anonymous: m.feedback_form_thanks_anonymous({}, o),
			personal: (closes) => m.feedback_form_thanks_personal({ closes }, o),
			again: m.feedback_form_thanks_again({}, o)
		}
	};
}

const built = new Map<FormLanguage, FormTexts>();

export function formTexts(language: string): FormTexts {
	const locale = isFormLanguage(language) ? language : 'en';
	let texts = built.get(locale);
	if (!texts) {
		texts = buildTexts(locale);
		built.set(locale, texts);
	}
	return texts;
}

/** A moment as participants read it, in the round's time zone, e.g. "12 March 2027 at 16:00 EET". */
export function formatMoment(date: Date, language: string, timeZone: string): string {
	const locale = isFormLanguage(language) ? language : 'en';
	// Named ("EET", "GMT+2"): a participant may be somewhere else than the team.
	return formatDate(date, { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short', timeZone }, { locale });
}
