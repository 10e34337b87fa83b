import type { RoundPhase } from '../../feedback/model';
import { ROLE_RANK, type Actor, type CourseContext } from './index';

export type { RoundPhase };

/**
 * Pilot feedback: who may run rounds and read what participants said (signed-in users, by their
 * course role), and what the two kinds of caller without an account may do: a participant, who
 * holds a round's link, and the public. Every feedback path asks one of these three functions.
 */

// ── Course team ────────────────────────────────────────────────────────────────────────────────

export type FeedbackTeamAction =
	/** See the rounds, their results and the feedback items. */
	| 'feedback.view'
	/** Create rounds, change their questions, settings and links, send invitations and reminders. */
	| 'feedback.manage'
	/** Download the raw responses (with names in named rounds). */
	| 'feedback.export'
	/** Set the status, note and version of feedback items. */
	| 'feedback.triage';

export const FEEDBACK_TEAM_ACTIONS: readonly FeedbackTeamAction[] = [
	'feedback.view',
	'feedback.manage',
	'feedback.export',
	'feedback.triage'
];

export function canFeedback(actor: Actor | null, action: FeedbackTeamAction, course: CourseContext): boolean {
	const { membership, archived } = course;
	// Participants' answers belong to the team that asked; coordinators see a submitted spec, not them.
	if (!actor || !membership) return false;
	const editor = ROLE_RANK[membership.role] >= ROLE_RANK.editor;
	switch (action) {
		case 'feedback.view':
			return true;
		// Reading and exporting stay possible in an archived course; changing anything does not.
		case 'feedback.export':
			return editor;
		case 'feedback.manage':
		case 'feedback.triage':
			return editor && !archived;
	}
}

// ── Participants and the public ────────────────────────────────────────────────────────────────

/** Someone holding a round's link: no account, known only by the link (anonymous or personal). */
export interface ParticipantActor {
	kind: 'participant';
	roundId: string;
	linkId: string;
	link: 'anonymous' | 'personal';
}

/** Anyone at all: no session, no link. */
export interface PublicActor {
	kind: 'public';
}

export const PUBLIC: PublicActor = { kind: 'public' };

export interface RoundContext {
	id: string;
	phase: RoundPhase;
	/** The link the caller holds no longer works (the team revoked it). */
	linkRevoked: boolean;
	/** An anonymous link whose response cap is reached. */
	linkFull: boolean;
	/** A personal link that already has its one response. */
	hasResponse: boolean;
}

export type ParticipantAction =
	/** The round's title and whether and when it is open: what the form page says first. */
	| 'round.readStatus'
	/** The questions and the frozen outcomes and modules they are about. */
	| 'round.readForm'
	/** Send a new response. */
	| 'response.create'
	/** Read back and change the response this link already gave (personal links only). */
	| 'response.change';

export const PARTICIPANT_ACTIONS: readonly ParticipantAction[] = [
	'round.readStatus',
	'round.readForm',
	'response.create',
	'response.change'
];

/**
 * What a caller without an account may do on a round. A participant acts only on the round of the
 * link they hold; the public, holding no link, may do nothing here at all.
 */
export function canParticipate(actor: ParticipantActor | PublicActor, action: ParticipantAction, round: RoundContext): boolean {
	if (actor.kind !== 'participant' || actor.roundId !== round.id || round.linkRevoked) return false;
	const open = round.phase === 'open';
	switch (action) {
		case 'round.readStatus':
			return true;
		// Once closed the questions are no longer shown: the page says the round has ended.
		case 'round.readForm':
			return open && (actor.link === 'personal' || !round.linkFull);
		case 'response.create':
			return open && (actor.link === 'personal' ? !round.hasResponse : !round.linkFull);
		// An anonymous response cannot be found again by anyone, so it cannot be changed either.
		case 'response.change':
			return open && actor.link === 'personal' && round.hasResponse;
	}
}

// What anyone may read of feedback, signed in or not: the "you said, we changed" list of a published
// version. Only what the team wrote for that list is in it (what was said, what changed), never
// responses, names or round details.

export type PublicFeedbackAction = 'publication.readFeedback';

export interface PublicationContext {
	/** The version is published; published versions stay public for good, retired courses included. */
	published: boolean;
}

export function canReadPublicly(action: PublicFeedbackAction, publication: PublicationContext): boolean {
	switch (action) {
		case 'publication.readFeedback':
			return publication.published;
	}
}
