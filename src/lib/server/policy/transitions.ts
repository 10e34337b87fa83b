import type { CourseStatus } from '../db/types';
import { isReviewer, type Actor, type CourseContext } from './index';

/**
 * The course lifecycle as one table: which status changes exist, from where, to where and by whom.
 * The workflow verbs (src/lib/server/review, src/lib/server/publishing) refuse anything this table
 * does not allow, and the pages show a button only when it does.
 *
 *   draft ─submit→ in_review ─approve→ approved ─publish→ published ─submit→ in_review …
 *   in_review, approved ─requestChanges→ changes_requested ─submit→ in_review
 *   in_review ─withdraw→ draft, or published when a version is out already
 *
 * Retiring is not a status: a retired course keeps its status and its published versions, and is
 * listed as retired until a coordinator brings it back.
 */
export type Transition = 'submit' | 'withdraw' | 'requestChanges' | 'approve' | 'publish' | 'retire' | 'unretire';

export const TRANSITION_NAMES: readonly Transition[] = [
	'submit',
	'withdraw',
	'requestChanges',
	'approve',
	'publish',
	'retire',
	'unretire'
];

/** An owner of the course (the team's side), or a coordinator or admin of the instance (the review side). */
export type TransitionParty = 'owner' | 'reviewer';

export interface TransitionContext extends CourseContext {
	/** At least one version of the course has been published. */
	published: boolean;
	retired: boolean;
}

interface TransitionRule {
	from: readonly CourseStatus[];
	/** The status afterwards; `resting` is published once a version is out, else draft; null keeps it. */
	to: CourseStatus | 'resting' | null;
	by: TransitionParty;
	/** A condition besides the status. */
	when?: (course: TransitionContext) => boolean;
	/** Also allowed on an archived course, which is otherwise frozen. */
	whileArchived?: boolean;
}

export const TRANSITIONS: Readonly<Record<Transition, TransitionRule>> = {
	// A retired course is out of the catalogue on purpose: a coordinator brings it back first.
	submit: { from: ['draft', 'changes_requested', 'published'], to: 'in_review', by: 'owner', when: (c) => !c.retired },
	withdraw: { from: ['in_review'], to: 'resting', by: 'owner' },
	// An approval can still be taken back before it is published.
	requestChanges: { from: ['in_review', 'approved'], to: 'changes_requested', by: 'reviewer' },
	approve: { from: ['in_review'], to: 'approved', by: 'reviewer' },
	publish: { from: ['approved'], to: 'published', by: 'reviewer' },
	// Not while a submission waits: it would be decided on a course that is no longer offered.
	// An archived course is the usual one to retire: its team has stopped running it.
	retire: {
		from: ['published', 'changes_requested'],
		to: null,
		by: 'reviewer',
		when: (c) => c.published && !c.retired,
		whileArchived: true
	},
	unretire: { from: ['published', 'changes_requested'], to: null, by: 'reviewer', when: (c) => c.retired, whileArchived: true }
};

function isParty(actor: Actor, party: TransitionParty, course: TransitionContext): boolean {
	if (party === 'reviewer') return isReviewer(actor);
	return course.membership?.role === 'owner';
}

export type TransitionCheck =
	| { ok: true; to: CourseStatus }
	/** `forbidden`: not this person's step; `status`: not a step the course can take now. */
	| { ok: false; reason: 'forbidden' | 'status' };

export function checkTransition(actor: Actor | null, transition: Transition, course: TransitionContext): TransitionCheck {
	const rule = TRANSITIONS[transition];
	if (!actor || !isParty(actor, rule.by, course)) return { ok: false, reason: 'forbidden' };
	const possible =
		rule.from.includes(course.status) && (rule.when?.(course) ?? true) && (!course.archived || rule.whileArchived === true);
	if (!possible) return { ok: false, reason: 'status' };
	const to = rule.to === null ? course.status : rule.to === 'resting' ? (course.published ? 'published' : 'draft') : rule.to;
	return { ok: true, to };
}

export function canTransition(actor: Actor | null, transition: Transition, course: TransitionContext): boolean {
	return checkTransition(actor, transition, course).ok;
}

/** The steps this person can take on the course now, in table order: what the pages offer. */
export function allowedTransitions(actor: Actor | null, course: TransitionContext): Transition[] {
	return TRANSITION_NAMES.filter((t) => canTransition(actor, t, course));
}
