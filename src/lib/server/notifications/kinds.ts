// What each kind of notification says, in the bell's list and in email. A kind is a row's `kind`
// text, so adding one (as the comments feature added mentions and replies) is a new entry here and
// no migration; a row of a kind this code no longer knows still shows, as a plain line.

export interface NotificationFacts {
	/** The person who caused it; null when their account is gone. */
	actor: string | null;
	course: string | null;
	courseId: string | null;
	data: Record<string, unknown>;
}

interface KindDefinition {
	/** One line for the list and the email's subject. */
	headline(facts: NotificationFacts): string;
	/** What the person wrote, shown below the headline (a review note, a comment). */
	quote?(facts: NotificationFacts): string | null;
	/** Where it takes the reader, inside the app. */
	path(facts: NotificationFacts): string;
}

const someone = (facts: NotificationFacts) => facts.actor ?? 'Someone';
const course = (facts: NotificationFacts) => `“${facts.course ?? 'a course'}”`;
const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);
const version = (facts: NotificationFacts) => (typeof facts.data.version === 'number' ? `v${facts.data.version}` : 'a new version');
const coursePath = (facts: NotificationFacts, page = '') => (facts.courseId ? `/courses/${facts.courseId}${page}` : '/courses');
/** The editor with the thread open (the comments panel reads the hash). */
const threadPath = (facts: NotificationFacts) =>
	coursePath(facts, typeof facts.data.threadId === 'string' ? `#comment-${facts.data.threadId}` : '');

export const NOTIFICATION_KINDS = {
	'review.submitted': {
		headline: (f) => `${someone(f)} submitted ${course(f)} for review`,
		quote: (f) => text(f.data.note),
		path: (f) => coursePath(f, '/review')
	},
	'review.changes_requested': {
		headline: (f) => `${someone(f)} asked for changes to ${course(f)}`,
		quote: (f) => text(f.data.note),
		path: (f) => coursePath(f, '/review')
	},
	'review.approved': {
		headline: (f) => `${someone(f)} approved ${course(f)}`,
		quote: (f) => text(f.data.note),
		path: (f) => coursePath(f, '/review')
	},
	'course.published': {
		headline: (f) => `${someone(f)} published ${version(f)} of ${course(f)}`,
		quote: (f) => text(f.data.changeNotes),
		path: (f) => coursePath(f, '/publish')
	},
	'comment.mention': {
		headline: (f) => `${someone(f)} mentioned you in a comment on ${course(f)}`,
		quote: (f) => text(f.data.excerpt),
		path: (f) => threadPath(f)
	},
	'comment.reply': {
		headline: (f) => `${someone(f)} replied to a comment on ${course(f)}`,
		quote: (f) => text(f.data.excerpt),
		path: (f) => threadPath(f)
	},
	'suggestion.made': {
		headline: (f) => `${someone(f)} suggested a change to a field you wrote in ${course(f)}`,
		quote: (f) => text(f.data.excerpt),
		path: (f) => threadPath(f)
	},
	'suggestion.accepted': {
		headline: (f) => `${someone(f)} accepted your suggestion on ${course(f)}`,
		quote: (f) => text(f.data.excerpt),
		path: (f) => threadPath(f)
	},
	'suggestion.rejected': {
		headline: (f) => `${someone(f)} did not take your suggestion on ${course(f)}`,
		quote: (f) => text(f.data.excerpt),
		path: (f) => threadPath(f)
	},
	'course.retired': {
		headline: (f) => `${someone(f)} retired ${course(f)}: the catalogue lists it as no longer offered`,
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

export function describeNotification(kind: string, facts: NotificationFacts): NotificationText {
	const definition: KindDefinition | undefined = NOTIFICATION_KINDS[kind as NotificationKind];
	if (!definition) return { headline: `Update on ${course(facts)}`, quote: null, path: coursePath(facts) };
	return { headline: definition.headline(facts), quote: definition.quote?.(facts) ?? null, path: definition.path(facts) };
}
