import { m } from '$lib/paraglide/messages';
import { DATE_TIME, formatDate } from '$lib/i18n/format';
import type { FeedbackPerspective, ItemStatus, QuestionKind, RoundPhase } from './model';

// How the team's pages name feedback things, in the reader's language: each entry is a getter that
// reads its message when used (see src/lib/labels.ts), never once at import.

function labels<K extends string>(messages: Record<K, () => string>): Record<K, string> {
	const result = {} as Record<K, string>;
	for (const key of Object.keys(messages) as K[]) {
		Object.defineProperty(result, key, { enumerable: true, get: () => messages[key]() });
	}
	return result;
}

export const PHASE_LABELS = labels<RoundPhase>({
	scheduled: () => m.feedback_phase_scheduled(),
	open: () => m.feedback_phase_open(),
	closed: () => m.feedback_phase_closed()
});
export const PHASE_TONES: Record<RoundPhase, 'neutral' | 'success' | 'warning'> = { scheduled: 'neutral', open: 'success', closed: 'warning' };

export const AUDIENCE_LABELS = labels<FeedbackPerspective>({
	student: () => m.feedback_audience_student(),
	company_partner: () => m.feedback_audience_company_partner(),
	other: () => m.feedback_audience_other()
});

export const PERSPECTIVE_SHORT = labels<FeedbackPerspective>({
	student: () => m.perspective_student(),
	company_partner: () => m.perspective_company_partner(),
	other: () => m.perspective_other()
});

export const KIND_LABELS = labels<QuestionKind>({
	rating: () => m.feedback_kind_rating(),
	recommend: () => m.feedback_kind_recommend(),
	hours: () => m.feedback_kind_hours(),
	single: () => m.feedback_kind_single(),
	multiple: () => m.feedback_kind_multiple(),
	short_text: () => m.feedback_kind_short_text(),
	long_text: () => m.feedback_kind_long_text()
});

export const STATUS_LABELS = labels<ItemStatus>({
	open: () => m.feedback_item_status_open(),
	accepted: () => m.feedback_item_status_accepted(),
	declined: () => m.feedback_item_status_declined(),
	done: () => m.feedback_item_status_done()
});
export const STATUS_TONES: Record<ItemStatus, 'neutral' | 'primary' | 'warning' | 'success'> = {
	open: 'neutral',
	accepted: 'primary',
	declined: 'warning',
	done: 'success'
};

/** Team pages show times in the round's zone, with the zone named. */
export function teamMoment(date: Date, timeZone: string): string {
	return formatDate(date, { ...DATE_TIME, timeZone });
}
