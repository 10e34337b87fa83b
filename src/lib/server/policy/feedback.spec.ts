import { describe, expect, it } from 'vitest';
import type { CourseRole } from '$lib/roles';
import type { Actor, CourseContext } from './index';
import {
	canFeedback,
	canParticipate,
	canReadPublicly,
	FEEDBACK_TEAM_ACTIONS,
	PARTICIPANT_ACTIONS,
	PUBLIC,
	type FeedbackTeamAction,
	type ParticipantAction,
	type ParticipantActor,
	type RoundContext
} from './feedback';

/**
 * The feedback policy as explicit tables, like policy.spec.ts: a change to a rule must be a change here.
 * Y = allowed, N = denied.
 */
const Y = true;
const N = false;

// ── Course team ──
const TEAM = ['owner', 'editor', 'commenter', 'viewer', 'nonMember', 'loggedOut', 'coordinator', 'admin'] as const;
type Team = (typeof TEAM)[number];
type TeamRow = readonly [boolean, boolean, boolean, boolean, boolean, boolean, boolean, boolean];

// prettier-ignore
const ACTIVE: Record<FeedbackTeamAction, TeamRow> = {
	//                  owner editor comment viewer nonMem loggedOut coord admin
	'feedback.view':   [Y,    Y,     Y,      Y,     N,     N,        N,    N],
	'feedback.manage': [Y,    Y,     N,      N,     N,     N,        N,    N],
	'feedback.export': [Y,    Y,     N,      N,     N,     N,        N,    N],
	'feedback.triage': [Y,    Y,     N,      N,     N,     N,        N,    N]
};

// prettier-ignore
const ARCHIVED: Record<FeedbackTeamAction, TeamRow> = {
	//                  owner editor comment viewer nonMem loggedOut coord admin
	'feedback.view':   [Y,    Y,     Y,      Y,     N,     N,        N,    N],
	'feedback.manage': [N,    N,     N,      N,     N,     N,        N,    N],
	'feedback.export': [Y,    Y,     N,      N,     N,     N,        N,    N],
	'feedback.triage': [N,    N,     N,      N,     N,     N,        N,    N]
};

const ROLE: Partial<Record<Team, CourseRole>> = { owner: 'owner', editor: 'editor', commenter: 'commenter', viewer: 'viewer' };

function teamDecision(who: Team, action: FeedbackTeamAction, archived: boolean): boolean {
	const actor: Actor | null =
		who === 'loggedOut' ? null : { id: `u-${who}`, role: who === 'coordinator' ? 'coordinator' : who === 'admin' ? 'admin' : 'member' };
	const role = ROLE[who];
	// Submitted, so that coordinators and admins may read the spec: feedback stays the team's all the same.
	const course: CourseContext = { status: 'in_review', archived, membership: role ? { role, perspective: 'lecturer' } : null };
	return canFeedback(actor, action, course);
}

const label = <W extends string>(who: readonly W[], values: readonly boolean[]) =>
	Object.fromEntries(who.map((w, i) => [w, values[i] ? 'allow' : 'deny']));

describe('feedback policy for the course team', () => {
	it('has a row for every action', () => {
		expect(Object.keys(ACTIVE).sort()).toEqual([...FEEDBACK_TEAM_ACTIONS].sort());
		expect(Object.keys(ARCHIVED).sort()).toEqual([...FEEDBACK_TEAM_ACTIONS].sort());
	});
	for (const [name, matrix, archived] of [
		['active course', ACTIVE, false],
		['archived course', ARCHIVED, true]
	] as const) {
		it.each(FEEDBACK_TEAM_ACTIONS)(`${name}: %s`, (action) => {
			expect(label(TEAM, TEAM.map((who) => teamDecision(who, action, archived)))).toEqual(label(TEAM, matrix[action]));
		});
	}
});

// ── Participants and the public ──
const CALLERS = ['personal', 'personalAnswered', 'anonymous', 'otherRound', 'revoked', 'public'] as const;
type Caller = (typeof CALLERS)[number];
type CallerRow = readonly [boolean, boolean, boolean, boolean, boolean, boolean];
type Situation = 'scheduled' | 'open' | 'openFull' | 'closed';

// prettier-ignore
const PARTICIPANTS: Record<Situation, Record<ParticipantAction, CallerRow>> = {
	scheduled: {
		//                   personal answered anonymous otherRound revoked public
		'round.readStatus': [Y,       Y,       Y,        N,         N,      N],
		'round.readForm':   [N,       N,       N,        N,         N,      N],
		'response.create':  [N,       N,       N,        N,         N,      N],
		'response.change':  [N,       N,       N,        N,         N,      N]
	},
	open: {
		'round.readStatus': [Y,       Y,       Y,        N,         N,      N],
		'round.readForm':   [Y,       Y,       Y,        N,         N,      N],
		'response.create':  [Y,       N,       Y,        N,         N,      N],
		'response.change':  [N,       Y,       N,        N,         N,      N]
	},
	// The anonymous link's cap is reached; a personal link has no cap.
	openFull: {
		'round.readStatus': [Y,       Y,       Y,        N,         N,      N],
		'round.readForm':   [Y,       Y,       N,        N,         N,      N],
		'response.create':  [Y,       N,       N,        N,         N,      N],
		'response.change':  [N,       Y,       N,        N,         N,      N]
	},
	closed: {
		'round.readStatus': [Y,       Y,       Y,        N,         N,      N],
		'round.readForm':   [N,       N,       N,        N,         N,      N],
		'response.create':  [N,       N,       N,        N,         N,      N],
		'response.change':  [N,       N,       N,        N,         N,      N]
	}
};

function participantDecision(caller: Caller, action: ParticipantAction, situation: Situation): boolean {
	const phase = situation === 'openFull' ? 'open' : situation;
	const link = caller === 'anonymous' ? 'anonymous' : 'personal';
	const actor: ParticipantActor | typeof PUBLIC =
		caller === 'public' ? PUBLIC : { kind: 'participant', roundId: caller === 'otherRound' ? 'round-b' : 'round-a', linkId: 'l1', link };
	const round: RoundContext = {
		id: 'round-a',
		phase,
		linkRevoked: caller === 'revoked',
		linkFull: situation === 'openFull' && link === 'anonymous',
		hasResponse: caller === 'personalAnswered'
	};
	return canParticipate(actor, action, round);
}

describe('feedback policy for participants and the public', () => {
	it('has a row for every action in every situation', () => {
		for (const rows of Object.values(PARTICIPANTS)) expect(Object.keys(rows).sort()).toEqual([...PARTICIPANT_ACTIONS].sort());
	});
	for (const situation of Object.keys(PARTICIPANTS) as Situation[]) {
		it.each(PARTICIPANT_ACTIONS)(`${situation}: %s`, (action) => {
			expect(label(CALLERS, CALLERS.map((c) => participantDecision(c, action, situation)))).toEqual(
				label(CALLERS, PARTICIPANTS[situation][action])
			);
		});
	}

	it('lets anyone read what a published version addressed, and nothing of one that is not published', () => {
		expect(canReadPublicly('publication.readFeedback', { published: true })).toBe(true);
		expect(canReadPublicly('publication.readFeedback', { published: false })).toBe(false);
	});
});
