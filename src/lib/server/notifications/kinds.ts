import { m } from '$lib/paraglide/messages';
import type { Locale } from '$lib/i18n/locales';

// What each kind of notification says, in the bell's list and in email, in the reader's language
// (the request's for the list, the recipient's for email: `locale`). A kind is a row's `kind`
// text, so adding one (as the comments feature added mentions and replies) is a new entry here and
// no migration; a row of a kind this code no longer knows still shows, as a plain line.

export interface NotificationFacts {
	/** The person who caused it; null when their account is gone. */
	actor: string | null;
	course: string | null;
	courseId: string | null;
	data: Record<string, unknown>;
}

type Options = { locale?: Locale };

interface KindDefinition {
	/** One line for the list and the email's subject. */
	headline(facts: NotificationFacts, options: Options): string;
	/** What the person wrote, shown below the headline (a review note, a comment). */
	quote?(facts: NotificationFacts): string | null;
	/** Where it takes the reader, inside the app. */
	path(facts: NotificationFacts): string;
}

/** Who and which course, as the headlines' parameters. */
const who = (facts: NotificationFacts, options: Options) => ({
	actor: facts.actor ?? m.notifications_someone({}, options),
	course: facts.course ?? m.notifications_a_course({}, options)
});
const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);
const coursePath = (facts: NotificationFacts, page = '') => (facts.courseId ? `/courses/${facts.courseId}${page}` : '/courses');
/** The editor with the thread open (the comments panel reads the hash). */
const threadPath = (facts: NotificationFacts) =>
	coursePath(facts, typeof facts.data.threadId === 'string' ? `#comment-${facts.data.threadId}` : '');

export const NOTIFICATION_KINDS = {
	'review.submitted': {
		headline: (f, o) => m.notifications_kind_review_submitted(who(f, o), o),
		quote: (f) => text(f.data.note),
		path: (f) => coursePath(f, '/review')
	},
	'review.changes_requested': {
		headline: (f, o) => m.notifications_kind_review_changes_requested(who(f, o), o),
		quote: (f) => text(f.data.note),
		path: (f) => coursePath(f, '/review')
	},
	'review.approved': {
		headline: (f, o) => m.notifications_kind_review_approved(who(f, o), o),
		quote: (f) => text(f.data.note),
		path: (f) => coursePath(f, '/review')
	},
	'course.published': {
		headline: (f, o) =>
			typeof f.data.version === 'number'
				? m.notifications_kind_course_published({ ...who(f, o), version: `v${f.data.version}` }, o)
				: m.notifications_kind_course_published_new(who(f, o), o),
		quote: (f) => text(f.data.changeNotes),
		path: (f) => coursePath(f, '/publish')
	},
	'comment.mention': {
		headline: (f, o) => m.notifications_kind_comment_mention(who(f, o), o),
		quote: (f) => text(f.data.excerpt),
		path: (f) => threadPath(f)
	},
	'comment.reply': {
		headline: (f, o) => m.notifications_kind_comment_reply(who(f, o), o),
		quote: (f) => text(f.data.excerpt),
		path: (f) => threadPath(f)
	},
	'suggestion.made': {
		headline: (f, o) => m.notifications_kind_suggestion_made(who(f, o), o),
		quote: (f) => text(f.data.excerpt),
		path: (f) => threadPath(f)
	},
	'suggestion.accepted': {
		headline: (f, o) => m.notifications_kind_suggestion_accepted(who(f, o), o),
		quote: (f) => text(f.data.excerpt),
		path: (f) => threadPath(f)
	},
	'suggestion.rejected': {
		headline: (f, o) => m.notifications_kind_suggestion_rejected(who(f, o), o),
		quote: (f) => text(f.data.excerpt),
		path: (f) => threadPath(f)
	},
	'course.retired': {
		headline: (f, o) => m.notifications_kind_course_retired(who(f, o), o),
		quote: (f) => text(f.data.note),
		path: (f) => coursePath(f, '/publish')
	}
} satisfies Record<string, KindDefinition>;

export type NotificationKind = keyof typeof NOTIFICATION_KINDS;

export interface NotificationText {
	headline: string;
	quote: string | null;
	path: string;
}

export function describeNotification(kind: string, facts: NotificationFacts, options: Options = {}): NotificationText {
	const definition: KindDefinition | undefined = NOTIFICATION_KINDS[kind as NotificationKind];
	if (!definition) return { headline: m.notifications_kind_unknown(who(facts, options), options), quote: null, path: coursePath(facts) };
	return { headline: definition.headline(facts, options), quote: definition.quote?.(facts) ?? null, path: definition.path(facts) };
}
