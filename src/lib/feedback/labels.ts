import type { FeedbackPerspective, ItemStatus, QuestionKind, RoundPhase } from './model';

// How the team's pages name feedback things (English, like the rest of the team's app).

export const PHASE_LABELS: Record<RoundPhase, string> = { scheduled: 'Not open yet', open: 'Open', closed: 'Closed' };
export const PHASE_TONES: Record<RoundPhase, 'neutral' | 'success' | 'warning'> = { scheduled: 'neutral', open: 'success', closed: 'warning' };

export const AUDIENCE_LABELS: Record<FeedbackPerspective, string> = {
	student: 'Students',
	company_partner: 'Company partners / entrepreneurs',
	other: 'Other'
};

export const PERSPECTIVE_SHORT: Record<FeedbackPerspective, string> = { student: 'Student', company_partner: 'Company partner', other: 'Other' };

export const KIND_LABELS: Record<QuestionKind, string> = {
	rating: 'Rating 1–5',
	recommend: 'Recommend 0–10',
	hours: 'Hours spent',
	single: 'Single choice',
	multiple: 'Multiple choice',
	short_text: 'Short text',
	long_text: 'Long text'
};

export const STATUS_LABELS: Record<ItemStatus, string> = { open: 'Open', accepted: 'Accepted', declined: 'Declined', done: 'Done' };
export const STATUS_TONES: Record<ItemStatus, 'neutral' | 'primary' | 'warning' | 'success'> = {
	open: 'neutral',
	accepted: 'primary',
	declined: 'warning',
	done: 'success'
};

/** Team pages show times in the round's zone, with the zone named. */
export function teamMoment(date: Date, timeZone: string): string {
	return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone }).format(date);
}
